// STAND-IN until the CLI rewrite lands: only what `gradlab export` needs.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from './cli-error.ts';

/** Checks, before any work, that `path` can be written: its folder exists and it is not a folder. */
export function checkOutputPath(path: string, flag = 'output'): void {
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--${flag}: the folder ${dir} does not exist`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`--${flag}: ${path} is a folder`);
}

/** Writes `data` to `path`. */
export function writeOutput(path: string, data: Uint8Array | string): void {
  writeFileSync(path, data);
}
