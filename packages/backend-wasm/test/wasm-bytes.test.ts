import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { wasmBytes } from '../src/load-kernels.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

it('the embedded module is a valid SIMD module that imports nothing', () => {
  const bytes = wasmBytes();
  expect(WebAssembly.validate(bytes)).toBe(true);
  const module = new WebAssembly.Module(bytes);
  expect(WebAssembly.Module.imports(module)).toEqual([]);
  const names = WebAssembly.Module.exports(module).map((e) => e.name);
  expect(names).toEqual(expect.arrayContaining(['memory', 'matmulF32', 'matmulF64', 'binaryF32', 'unaryF32', 'reduceF32', 'copyF32']));
});

it('src/wasm-bytes.generated.ts is what assembly/ compiles to now', () => {
  const r = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 120_000);
