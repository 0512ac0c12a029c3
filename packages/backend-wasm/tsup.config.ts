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
  // The kernels are embedded in index.js; the .wasm also ships for bundlers that stream it themselves.
  onSuccess: () => {
    copyFileSync('build/gradlab-backend.wasm', 'dist/gradlab-backend.wasm');
    return Promise.resolve();
  },
});
