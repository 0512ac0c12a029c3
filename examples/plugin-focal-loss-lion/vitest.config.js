import { definePackageConfig } from '@gradlab/vitest-preset';

export default definePackageConfig({ include: ['test/**/*.test.js'] });
