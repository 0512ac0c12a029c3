import { definePackageConfig } from '@gradlab/vitest-preset';

export default definePackageConfig({ include: ['test/**/*.test.ts'], testTimeout: 60_000 });
