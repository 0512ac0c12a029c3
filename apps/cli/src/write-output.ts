import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { RunError } from './cli-error.ts';

/**
 * Checks that an output file can be created: its folder exists and the path is not a folder.
 * Called before the work starts, so that a long run does not end in a failed write.
 * @param path the file the user named
 * @param flag the flag that named it, e.g. `--plot`
 * @throws RunError when the folder is missing or the path is a folder
 */
export function checkOutputPath(path: string, flag: string): void {
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) throw new RunError(`${flag}: cannot write '${path}': the folder '${dirname(path)}' does not exist`, `create it first (mkdir -p ${dirname(path)}) or write into an existing folder`);
  if (!statSync(folder).isDirectory()) throw new RunError(`${flag}: cannot write '${path}': '${dirname(path)}' is not a folder`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new RunError(`${flag}: cannot write '${path}': it is a folder`, 'name a file, e.g. plot.svg');
}

/**
 * Writes an output file named by a flag, with a one-line error instead of Node's raw ENOENT.
 * @param path the file
 * @param text its content
 * @param flag the flag that named it, e.g. `--plot`
 * @throws RunError when the file cannot be written
 */
export function writeOutput(path: string, text: string, flag = '--plot'): void {
  checkOutputPath(path, flag);
  try {
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'an unknown error';
    throw new RunError(`${flag}: cannot write '${path}' (${code})`);
  }
}
