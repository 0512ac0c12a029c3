import { createProgram } from './program.ts';

createProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`gradlab: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
