import cliProgress from 'cli-progress';

/** Named values shown after the count, e.g. `{ epoch: 3, loss: 0.12 }`. */
export type ProgressFields = Readonly<Record<string, string | number>>;

/**
 * Progress of one long piece of work, on stderr: a bar (cli-progress) when stderr is a terminal,
 * plain lines otherwise (logs, CI, pipes). Nothing at all is shown for work that ends within
 * `delayMs`, nor under `--json` or `--quiet`, so short commands stay silent.
 */
export interface Progress {
  /**
   * Begins a piece of work of `total` units (folds, epochs, curve points).
   * @param total the number of units, >= 1
   * @param label what is being done, e.g. `cv logistic` or `train`
   */
  start(total: number, label: string): void;
  /**
   * Reports that `n` units are done (absolute, not a delta).
   * @param n units done so far, 0..total
   * @param fields values to show with it, e.g. `{ loss: 0.12 }`
   */
  update(n: number, fields?: ProgressFields): void;
  /** Ends the work: completes the bar or prints the closing line, if anything was shown. */
  stop(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Show nothing (for `--json` and `--quiet`). Default false. */
  quiet?: boolean;
  /** Where to write (default `process.stderr`); a bar is drawn only when it is a TTY. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Show nothing until the work has run this long (default 1000 ms, or `GRADLAB_PROGRESS_DELAY_MS`). */
  delayMs?: number;
  /** Plain lines: at most one per this many ms, besides the last (default 1000 ms). */
  intervalMs?: number;
  /** The clock, in ms (default `Date.now`); tests pass their own. */
  now?: () => number;
}

function fieldText(fields: ProgressFields | undefined): string {
  if (fields === undefined) return '';
  const parts = Object.entries(fields).map(([k, v]) => `${k} ${typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v}`);
  return parts.length === 0 ? '' : ` | ${parts.join(', ')}`;
}

function envDelay(): number | undefined {
  const v = Number(process.env.GRADLAB_PROGRESS_DELAY_MS);
  return process.env.GRADLAB_PROGRESS_DELAY_MS !== undefined && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/**
 * Makes a {@link Progress} reporter. One reporter can run several pieces of work in turn.
 * @param options `quiet`, `stream`, `delayMs`, `intervalMs`, `now`
 * @returns the reporter
 * @example
 * const progress = createProgress({ quiet: flags.json === true || flags.quiet === true });
 * progress.start(epochs, 'train');
 * for (let e = 1; e <= epochs; e++) { step(); progress.update(e, { loss }); }
 * progress.stop();
 */
export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const tty = stream.isTTY === true;
  const delayMs = options.delayMs ?? envDelay() ?? 1000;
  const intervalMs = options.intervalMs ?? 1000;
  const now = options.now ?? (() => Date.now());
  let total = 0;
  let label = '';
  let startedAt = 0;
  let shown = false;
  let lastLine = -Infinity;
  let lastShown = -1;
  let done = 0;
  let lastFields: ProgressFields | undefined;
  let bar: cliProgress.SingleBar | undefined;

  const line = (n: number, fields: ProgressFields | undefined, closing: boolean): void => {
    const pct = total > 0 ? Math.round((100 * n) / total) : 100;
    const secs = ((now() - startedAt) / 1000).toFixed(1);
    stream.write(`${label}: ${closing ? 'done, ' : ''}${n}/${total} (${pct}%) after ${secs}s${fieldText(fields)}\n`);
    lastLine = now();
    lastShown = n;
  };

  return {
    start(t, l) {
      total = Math.max(0, Math.floor(t));
      label = l;
      startedAt = now();
      shown = false;
      lastLine = -Infinity;
      lastShown = -1;
      done = 0;
      lastFields = undefined;
      bar = undefined;
    },
    update(n, fields) {
      done = n;
      lastFields = fields;
      if (options.quiet === true || now() - startedAt < delayMs) return;
      if (tty) {
        if (bar === undefined) {
          bar = new cliProgress.SingleBar(
            { stream, format: `${label} [{bar}] {value}/{total} {percentage}% | ETA {eta_formatted}{fields}`, hideCursor: true, clearOnComplete: false, etaBuffer: 20 },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, n, { fields: fieldText(fields) });
          shown = true;
        } else bar.update(n, { fields: fieldText(fields) });
        return;
      }
      if (now() - lastLine >= intervalMs) {
        line(n, fields, false);
        shown = true;
      }
    },
    stop() {
      if (bar !== undefined) {
        bar.update(done, { fields: fieldText(lastFields) });
        bar.stop();
      } else if (shown && lastShown !== done) line(done, lastFields, true);
      bar = undefined;
      shown = false;
    },
  };
}
