import { definePackageConfig } from '@gradlab/vitest-preset';
import { defineConfig, mergeConfig } from 'vitest/config';

// Besides this package's tests, core-tensor's own gradient checks run again here, with the wasm
// backend switched on for every kernel (test/use-wasm-backend.ts): the issue's "passes every
// gradient check with setBackend", without copying the checks.
export default mergeConfig(
  definePackageConfig(),
  defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts', '../core-tensor/src/ops/gradients.test.ts'],
      setupFiles: ['test/use-wasm-backend.ts'],
    },
  }),
);
