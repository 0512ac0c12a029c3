import { definePackageConfig } from '@gradlab/vitest-preset';

export default definePackageConfig();
