// STAND-IN: a minimal copy of the output writer another branch introduces; drop this file at merge.

/** Writes a command's result to stdout, with a final newline. */
export function writeOutput(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
