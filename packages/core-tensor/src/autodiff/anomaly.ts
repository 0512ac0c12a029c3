/**
 * The state of anomaly detection (see {@link detectAnomaly}) and the check the tape runs on every
 * op's output and every gradient while it is on. Off, it costs one boolean test per op.
 */
import type { Tensor } from '../tensor.ts';
import { ValueError } from '../errors.ts';

let depth = 0;
let inRule = 0;

/** True while some `detectAnomaly` scope runs (and no gradient rule is running: see below). */
export function anomalyOn(): boolean {
  return depth > 0 && inRule === 0;
}

/**
 * Runs a gradient rule with the forward checks paused, so that a non-finite gradient is reported
 * against the op whose rule made it (`sqrt (backward)`), not against the `div` inside the rule.
 */
export function inGradientRule<T>(rule: () => T): T {
  inRule++;
  try {
    return rule();
  } finally {
    inRule--;
  }
}

/** Enters (+1) or leaves (−1) an anomaly scope. */
export function anomalyScope(delta: 1 | -1): void {
  depth += delta;
}

function firstNonFinite(t: Tensor): number {
  if (t.dtype !== 'float32' && t.dtype !== 'float64') return -1;
  const d = t.data;
  for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) return i;
  return -1;
}

/**
 * Throws a ValueError naming `op` when `out` holds NaN or ±Infinity although every input is finite.
 * @param op the op (or `op (backward)`)
 * @param out its output
 * @param inputs its inputs
 */
export function checkAnomaly(op: string, out: Tensor, inputs: readonly Tensor[]): void {
  const i = firstNonFinite(out);
  if (i < 0) return;
  if (inputs.some((t) => firstNonFinite(t) >= 0)) return;
  throw new ValueError(`${op} turned finite inputs into ${String(out.data[i])}`, {
    op: 'detectAnomaly',
    arg: op,
    expected: 'finite outputs from finite inputs',
    received: `${String(out.data[i])} at flat index ${i} of an output of shape [${out.shape.join(', ')}]`,
    hint: `this is the first op whose output turned non-finite; check the inputs of ${op.replace(' (backward)', '')}`,
  });
}
