import { requireOptions, requireObject } from '@gradlab/core-tensor';
import type { Schedule, ScheduleTail } from '../schedule.ts';

/** The answer of {@link checkRobbinsMonro}. */
export interface RobbinsMonroReport {
  /** Both conditions hold: Σγ^(i) = ∞ and Σ(γ^(i))² < ∞. */
  satisfied: boolean;
  /** Σγ^(i) = ∞: the iterates can reach any point, however far. */
  sumDiverges: boolean;
  /** Σ(γ^(i))² < ∞: the accumulated gradient noise stays bounded. */
  sumOfSquaresConverges: boolean;
  /** `analytic` from the schedule's declared tail; `numeric` from the heuristic. */
  method: 'analytic' | 'numeric';
  /** The decay exponent α in γ^(i) ≍ i^(−α), when the tail is a power (estimated when numeric). */
  exponent?: number;
  /** One sentence on why. */
  reason: string;
}

/** Options of {@link checkRobbinsMonro}. */
export interface RobbinsMonroCheckOptions {
  /** Ignore the schedule's declared tail and use the numeric heuristic. */
  numeric?: boolean;
}

function fromTail(tail: ScheduleTail): RobbinsMonroReport {
  if (tail.kind === 'zero') {
    return {
      satisfied: false,
      sumDiverges: false,
      sumOfSquaresConverges: true,
      method: 'analytic',
      reason: 'the step size reaches 0, so Σγ is finite and the iterates stop short',
    };
  }
  if (tail.kind === 'geometric') {
    const shrinking = tail.ratio < 1;
    return {
      satisfied: false,
      sumDiverges: !shrinking,
      sumOfSquaresConverges: shrinking,
      method: 'analytic',
      reason: shrinking
        ? `geometric decay (ratio ${tail.ratio}) makes Σγ finite`
        : `geometric growth (ratio ${tail.ratio}) makes Σγ² infinite`,
    };
  }
  return powerVerdict(tail.exponent, 'analytic');
}

function powerVerdict(alpha: number, method: 'analytic' | 'numeric'): RobbinsMonroReport {
  // Σ i^(−α) diverges iff α <= 1 (p-series); Σ i^(−2α) converges iff 2α > 1.
  const sumDiverges = alpha <= 1;
  const sumOfSquaresConverges = alpha > 0.5;
  const shown = method === 'numeric' ? `≈ ${alpha.toFixed(3)}` : `= ${alpha}`;
  let reason: string;
  if (sumDiverges && sumOfSquaresConverges) reason = `γ ≍ i^(−α) with α ${shown} in (0.5, 1]`;
  else if (!sumDiverges) reason = `γ ≍ i^(−α) with α ${shown} > 1, so Σγ is finite`;
  else reason = `γ ≍ i^(−α) with α ${shown} <= 0.5, so Σγ² is infinite`;
  return {
    satisfied: sumDiverges && sumOfSquaresConverges,
    sumDiverges,
    sumOfSquaresConverges,
    method,
    exponent: alpha,
    reason,
  };
}

/** Octaves i = 2^k, k = FIRST_OCTAVE..LAST_OCTAVE, sampled by the numeric heuristic. */
const FIRST_OCTAVE = 20;
const LAST_OCTAVE = 40;

/**
 * The numeric heuristic: the local decay exponent α_k = log2(γ(2^k) / γ(2^(k+1))) measured over the
 * octaves k = 20..39 (i from about 10^6 to 10^12). A schedule that reaches 0 has finite sums; one
 * whose α_k keep growing (by more than 0.5 across the range) decays faster than any power, as
 * geometric decay does; otherwise α is the median of the last ten α_k, rounded to 1e-3 so that
 * 1/i reads as α = 1 exactly, and the p-series rule decides.
 */
function numericVerdict(schedule: Schedule): RobbinsMonroReport {
  const values: number[] = [];
  for (let k = FIRST_OCTAVE; k <= LAST_OCTAVE; k++) values.push(schedule.at(2 ** k));
  const last = values[values.length - 1] ?? 0;
  if (values.some((v) => !Number.isFinite(v) || v < 0)) {
    return {
      satisfied: false,
      sumDiverges: true,
      sumOfSquaresConverges: false,
      method: 'numeric',
      reason: 'the schedule returns negative or non-finite step sizes for large i',
    };
  }
  if (last === 0) {
    return {
      satisfied: false,
      sumDiverges: false,
      sumOfSquaresConverges: true,
      method: 'numeric',
      reason: 'the step size is 0 for large i, so Σγ is finite',
    };
  }
  const slopes: number[] = [];
  for (let k = 0; k + 1 < values.length; k++) {
    const a = values[k] ?? 0;
    const b = values[k + 1] ?? 0;
    slopes.push(b === 0 ? Number.POSITIVE_INFINITY : Math.log2(a / b));
  }
  const first = slopes[0] ?? 0;
  const final = slopes[slopes.length - 1] ?? 0;
  if (!Number.isFinite(final) || final - first > 0.5) {
    return {
      satisfied: false,
      sumDiverges: false,
      sumOfSquaresConverges: true,
      method: 'numeric',
      reason: 'the step size decays faster than any power of i (geometrically), so Σγ is finite',
    };
  }
  const tailSlopes = slopes.slice(-10).sort((x, y) => x - y);
  const median = ((tailSlopes[4] ?? 0) + (tailSlopes[5] ?? 0)) / 2;
  return powerVerdict(Math.round(median * 1000) / 1000, 'numeric');
}

/**
 * Tells whether a step-size schedule satisfies the Robbins–Monro conditions
 * Σ_{i>=1} γ^(i) = ∞ and Σ_{i>=1} (γ^(i))² < ∞, under which SGD converges.
 *
 * Analytic for the built-in families (they declare their `tail`): γ ≍ i^(−α) satisfies them iff
 * α in (0.5, 1]; geometric decay and schedules that reach 0 fail Σγ = ∞; constants fail Σγ² < ∞.
 * For a user schedule without a `tail`, a numeric heuristic estimates the decay exponent from the
 * ratios γ(2^k)/γ(2^(k+1)) for k = 20..39. It is a heuristic: it reads 1/(i log i) (whose sum
 * diverges) as α ≈ 1.05 and calls its sum finite, and it cannot see behaviour beyond i = 2^40.
 *
 * @param schedule the schedule to check
 * @param options `{ numeric }`: force the heuristic even when a tail is declared
 * @returns a {@link RobbinsMonroReport}
 * @example
 * ```ts
 * checkRobbinsMonro(robbinsMonro({ lr: 1, beta: 1, alpha: 0.75 })).satisfied; // true
 * checkRobbinsMonro(constantSchedule({ lr: 0.1 })).reason; // '... so Σγ² is infinite'
 * ```
 */
export function checkRobbinsMonro(schedule: Schedule, options: RobbinsMonroCheckOptions = {}): RobbinsMonroReport {
  requireObject(schedule, { pkg: 'optim', op: 'checkRobbinsMonro', arg: 'schedule' }, ['at']);
  options = requireOptions(options, { pkg: 'optim', op: 'checkRobbinsMonro' }, ['numeric']);
  if (schedule.tail !== undefined && options.numeric !== true) return fromTail(schedule.tail);
  return numericVerdict(schedule);
}
