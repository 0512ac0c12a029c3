/** What {@link stopOnCtrlC} returns. */
export interface CtrlC {
  /** Aborted at the first Ctrl-C: the training loop stops after its current step. */
  readonly signal: AbortSignal;
  /** Removes the handler (call it when the work is over). */
  release(): void;
}

/**
 * Turns the first Ctrl-C into a clean stop: the loop watching `signal` finishes its step, and the
 * command still saves; a second Ctrl-C ends the process as usual.
 * @param command the command's name, for the message
 * @param quiet no message (under --json or --quiet)
 */
export function stopOnCtrlC(command: string, quiet: boolean): CtrlC {
  const controller = new AbortController();
  const onSigint = (): void => {
    controller.abort();
    if (!quiet) process.stderr.write(`\ngradlab ${command}: stopping after this step (Ctrl-C again to quit now)\n`);
    process.removeListener('SIGINT', onSigint);
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, release: () => process.removeListener('SIGINT', onSigint) };
}
