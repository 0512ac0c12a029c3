// STAND-IN: a minimal copy of the CLI error classes another branch introduces; drop this file at merge.

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}

/** The command was called correctly but could not do its work (exit code 1). */
export class RunError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'RunError';
    this.hint = hint;
  }
}
