// STAND-IN until the CLI rewrite lands: only what `gradlab export` needs.
/** A usage error (bad flags): printed without a stack, exit code 2. */
export class UsageError extends Error {}
/** A run-time failure (unreadable file, unsupported model): printed without a stack, exit code 1. */
export class RunError extends Error {}
