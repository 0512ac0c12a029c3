import { definePackageConfig } from '@gradlab/vitest-preset';

// The CLI tests spawn the built binary several times per test; on a loaded machine one spawn can
// take seconds, so they get more than the preset's 20 s.
export default definePackageConfig({ include: ['test/**/*.test.ts'], testTimeout: 60_000 });
