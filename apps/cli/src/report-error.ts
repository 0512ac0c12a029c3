// STAND-IN until the CLI rewrite lands: only what `gradlab export` needs.
import { GradlabError } from '@gradlab/core-tensor';
import { RunError, UsageError } from './cli-error.ts';

/**
 * Wraps a command's action: a UsageError prints `gradlab <name>: message` and exits 2; a RunError or
 * a gradlab error prints its message and exits 1; anything else is rethrown.
 */
export function guard<A extends unknown[]>(name: string, action: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (e) {
      if (e instanceof UsageError || e instanceof RunError || e instanceof GradlabError) {
        process.stderr.write(`gradlab ${name}: ${e.message}\n`);
        process.exitCode = e instanceof UsageError ? 2 : 1;
        return;
      }
      throw e;
    }
  };
}
