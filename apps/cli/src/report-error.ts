// STAND-IN: a minimal copy of the action wrapper another branch introduces; drop this file at merge.
import { RunError, UsageError } from './cli-error.ts';

/**
 * Wraps a command action: an error prints one line `gradlab <command>: <message>` (and its hint)
 * on stderr and sets the exit code, 2 for a UsageError, 1 otherwise.
 */
export function guard<A extends unknown[]>(command: string, action: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const hint = e instanceof UsageError || e instanceof RunError ? e.hint : undefined;
      process.stderr.write(`gradlab ${command}: ${message}${hint !== undefined ? ` (hint: ${hint})` : ''}\n`);
      process.exitCode = e instanceof UsageError ? 2 : 1;
    }
  };
}
