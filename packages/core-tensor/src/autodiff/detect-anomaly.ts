import { requireFunction } from '../validate/require-options.ts';
import { anomalyScope } from './anomaly.ts';

/**
 * Runs `fn` with anomaly detection on (as `torch.autograd.detect_anomaly`): every op's output, and
 * every gradient computed by `grad`/`valueAndGrad` inside, is checked, and the first op that turns
 * finite inputs into NaN or ±Infinity throws a ValueError naming it (`log`, or `sqrt (backward)`
 * for a gradient). Slow (it reads every result); for debugging only.
 * @param fn the computation to watch
 * @returns what fn returns
 * @throws ValueError naming the first op whose output (forward or backward) turned non-finite
 * @example
 * detectAnomaly(() => log(tensor([0, 1]))); // throws: log turned finite inputs into -Infinity
 */
export function detectAnomaly<T>(fn: () => T): T {
  requireFunction(fn, { op: 'detectAnomaly', arg: 'fn' });
  anomalyScope(1);
  try {
    return fn();
  } finally {
    anomalyScope(-1);
  }
}
