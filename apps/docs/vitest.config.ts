import { definePackageConfig } from '@gradlab/vitest-preset';
import { mergeConfig } from 'vitest/config';

// The browser tests each start a Chromium: one file at a time, so they do not fight for the cores.
export default mergeConfig(definePackageConfig({ include: ['test/**/*.test.ts'], testTimeout: 60_000 }), { test: { fileParallelism: false } });
