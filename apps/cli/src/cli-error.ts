/**
 * The two kinds of failure a gradlab command reports, and their exit codes (documented in the
 * CLI's README): 2 for a usage error (a bad or missing argument, an unknown option or command),
 * 1 for a failure on the data or at run time (a malformed file, a fit that cannot proceed, a
 * non-finite result). 0 is success.
 */

/** Exit code of a successful command. */
export const EXIT_OK = 0;
/** Exit code of a failure on the data or at run time. */
export const EXIT_FAILURE = 1;
/** Exit code of a usage error. */
export const EXIT_USAGE = 2;

/**
 * A usage error: the command line is wrong. Printed as one line without a stack, exit code 2.
 * @example
 * throw new UsageError("--lr must be a number, got 'abc'", 'give a positive number, e.g. --lr 0.1');
 */
export class UsageError extends Error {
  /** A suggestion printed after the message as `Hint: ...`; only when it is true for this command. */
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(hint === undefined ? message : `${message}. Hint: ${hint}`);
    this.name = 'UsageError';
    this.hint = hint;
  }
}

/**
 * A failure on the data or at run time: the command line was fine, the work was not. Printed as
 * one line without a stack, exit code 1.
 * @example
 * throw new RunError('the gradient is not finite at x = -1 (g = NaN)', 'log(x) is defined for x > 0 only');
 */
export class RunError extends Error {
  /** A suggestion printed after the message as `Hint: ...`. */
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(hint === undefined ? message : `${message}. Hint: ${hint}`);
    this.name = 'RunError';
    this.hint = hint;
  }
}
