import { definePackageConfig } from '@gradlab/vitest-preset';

// The whole fuzz run is one test; its cases run in a worker under their own time guard.
export default definePackageConfig({ testTimeout: 240_000 });
