import type { Rng } from '@gradlab/core-tensor';
import { ValueError } from '@gradlab/core-tensor';
import type { Value } from '@gradlab/prob';
import type { PointLoss } from '../point-loss.ts';

/** The outcome of {@link checkPointLoss}. */
export interface PointLossReport {
  /** True when no check failed. */
  readonly passed: boolean;
  /** One line per failed check, with the numbers. */
  readonly failures: readonly string[];
}

/** Options of {@link checkPointLoss}. */
export interface CheckPointLossOptions {
  /** Target values to try, e.g. [0, 1, 2, 5] (numbers for numeric losses, labels for 0-1). */
  values: readonly Value[];
  /** Draws the random posteriors that test a declared minimiser. */
  rng: Rng;
  /** Number of random posteriors (default 200). */
  trials?: number;
}

function statistic(kind: 'mode' | 'mean' | 'median', values: readonly Value[], post: readonly number[]): Value {
  if (kind === 'mode') {
    let best = 0;
    post.forEach((p, k) => {
      if (p > (post[best] as number)) best = k;
    });
    return values[best] as Value;
  }
  const v = values as readonly number[];
  if (kind === 'mean') return post.reduce((s, p, k) => s + p * (v[k] as number), 0);
  const order = v.map((_x, k) => k).sort((a, b) => (v[a] as number) - (v[b] as number));
  let acc = 0;
  for (const k of order) {
    acc += post[k] as number;
    if (acc >= 0.5) return v[k] as number;
  }
  return v[order[order.length - 1] as number] as number;
}

/**
 * Checks a {@link PointLoss}: ℓ(t, t̂) is a finite number >= 0 on every pair of `values`, ℓ(t, t) = 0,
 * and, when the loss declares a `minimizer`, that statistic of random posteriors over `values` has a
 * posterior expected loss no larger (within 1e-12) than any other candidate: the values themselves,
 * and for numeric values a grid of 101 points spanning them.
 * @param loss the loss to check
 * @param options values, rng, trials
 * @returns a {@link PointLossReport}
 * @example
 * checkPointLoss(quadraticLoss(), { values: [0, 1, 2, 5], rng: rng(0) }).passed; // true
 */
export function checkPointLoss(loss: PointLoss, options: CheckPointLossOptions): PointLossReport {
  // A forgotten option is named, instead of a TypeError deep inside.
  const given = options as Partial<CheckPointLossOptions> | undefined;
  const op = 'checkPointLoss';
  if (typeof given !== 'object' || given === null || !Array.isArray(given.values)) {
    throw new ValueError('the check needs the target values to try', { pkg: 'inference', op, arg: 'options.values', expected: 'an array of values, e.g. [0, 1, 2, 5]', received: typeof given === 'object' && given !== null ? typeof given.values : typeof given, hint: 'pass { values: [0, 1, 2, 5], rng: rng(0) }' });
  }
  if (typeof given.rng !== 'object' || given.rng === null) {
    throw new ValueError('the check needs a seeded random number generator', { pkg: 'inference', op, arg: 'options.rng', expected: 'an Rng', received: typeof given.rng, hint: "pass { values, rng: rng(0) } with rng from '@gradlab/core-tensor'" });
  }
  const failures: string[] = [];
  const { values } = options;
  for (const t of values) {
    for (const u of values) {
      const l = loss.loss(t, u);
      if (typeof l !== 'number' || !Number.isFinite(l) || l < 0) failures.push(`loss(${String(t)}, ${String(u)}) = ${String(l)} is not a finite number >= 0`);
    }
    const self = loss.loss(t, t);
    if (self !== 0) failures.push(`loss(${String(t)}, ${String(t)}) = ${self}, expected 0`);
  }
  const kind = loss.minimizer;
  if (kind !== undefined && values.length > 0) {
    const numeric = values.every((v) => typeof v === 'number');
    const candidates: Value[] = [...values];
    if (numeric) {
      const lo = Math.min(...(values as number[]));
      const hi = Math.max(...(values as number[]));
      for (let i = 0; i <= 100; i++) candidates.push(lo + ((hi - lo) * i) / 100);
    }
    const trials = options.trials ?? 200;
    for (let trial = 0; trial < trials && failures.length < 20; trial++) {
      const w = values.map(() => -Math.log(1 - options.rng.uniform()));
      const z = w.reduce((s, x) => s + x, 0);
      const post = w.map((x) => x / z);
      const risk = (c: Value): number => post.reduce((s, p, k) => s + p * loss.loss(values[k] as Value, c), 0);
      const best = statistic(kind, values, post);
      const r = risk(best);
      for (const c of candidates) {
        if (risk(c) < r - 1e-12) {
          failures.push(`declared minimiser '${kind}' = ${String(best)} has expected loss ${r}, but ${String(c)} has ${risk(c)} (posterior [${post.map((p) => p.toFixed(4)).join(', ')}])`);
          break;
        }
      }
    }
  }
  return Object.freeze({ passed: failures.length === 0, failures: Object.freeze(failures) });
}
