import { copyFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  esbuildOptions(options) {
    options.conditions = ['source'];
  },
  // The kernels are embedded in index.js; the .wasm files also ship for bundlers that stream them.
  onSuccess: () => {
    copyFileSync('build/gradlab-backend.wasm', 'dist/gradlab-backend.wasm');
    copyFileSync('build/gradlab-backend-threads.wasm', 'dist/gradlab-backend-threads.wasm');
    return Promise.resolve();
  },
});
