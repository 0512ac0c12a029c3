import { GradlabError } from '@gradlab/core-tensor';
import { ParseError } from '@gradlab/core-tensor/symbolic';
import { EXIT_FAILURE, EXIT_USAGE, RunError, UsageError } from './cli-error.ts';

/** What the system says when a file cannot be read or written (Node's `ErrnoException`). */
interface SystemError extends Error {
  code: string;
  path?: string;
  syscall?: string;
}

function isSystemError(error: unknown): error is SystemError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && /^E[A-Z]+$/.test((error as unknown as { code: string }).code);
}

/** A plain sentence for the file-system errors a user meets: a missing folder, a missing file, no permission. */
function describeSystemError(e: SystemError): string {
  const path = e.path ?? 'the file';
  switch (e.code) {
    case 'ENOENT':
      return `cannot open '${path}': no such file or folder. Hint: check the path; a folder for an output file must exist already`;
    case 'EACCES':
    case 'EPERM':
      return `cannot access '${path}': permission denied`;
    case 'EISDIR':
      return `'${path}' is a folder, not a file`;
    case 'ENOTDIR':
      return `cannot open '${path}': a part of the path is not a folder`;
    default:
      return `cannot access '${path}' (${e.code})`;
  }
}

/**
 * The exit code an error of a command maps to: 2 for usage errors (`UsageError`, a malformed
 * expression), 1 for everything else (data, files, run-time failures).
 * @param error what the command threw
 * @returns 1 or 2
 */
export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError || error instanceof ParseError ? EXIT_USAGE : EXIT_FAILURE;
}

/**
 * The one line printed for an error: the command, the message, and its hint when it has one;
 * never a stack (set `GRADLAB_DEBUG=1` to see one).
 * @param command the command path, e.g. `fit` or `prob dist`
 * @param error what the command threw
 * @returns a single line without a trailing newline
 */
export function errorLine(command: string, error: unknown): string {
  let text: string;
  // A parse error's message ends with the source and a caret on two more lines: keep one line, quoting the source.
  if (error instanceof ParseError) text = `${error.message.split('\n')[0] ?? ''} in '${error.source}'`;
  else if (error instanceof UsageError || error instanceof RunError || error instanceof GradlabError) text = error.message;
  else if (isSystemError(error)) text = describeSystemError(error);
  else if (error instanceof Error) text = `${error.message || error.name} (an unexpected error; please report it with the command line)`;
  else text = String(error);
  const prefix = command === '' ? 'gradlab' : `gradlab ${command}`;
  return `${prefix}: ${text.replace(/\s*\n\s*/g, ' ')}`;
}

/**
 * Reports an error of a command on stderr as one line and sets `process.exitCode`.
 * @param command the command path, e.g. `fit`
 * @param error what the command threw
 */
export function reportError(command: string, error: unknown): void {
  process.stderr.write(errorLine(command, error) + '\n');
  if (process.env.GRADLAB_DEBUG === '1' && error instanceof Error && error.stack !== undefined) process.stderr.write(error.stack + '\n');
  process.exitCode = exitCodeOf(error);
}

/**
 * Wraps a command's action so that whatever it throws becomes one line on stderr and exit code
 * 1 or 2 (see {@link exitCodeOf}).
 * @param command the command path used in messages, e.g. `cv`
 * @param action the action; may be async
 * @returns an action for commander's `.action()`
 * @example
 * new Command('train').action(guard('train', async (opts) => { ... }));
 */
export function guard<A extends unknown[]>(command: string, action: (...args: A) => void | Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      reportError(command, error);
    }
  };
}
