import { requireFinite, requireFunction, requireInteger, requireOptions, ValueError } from '@gradlab/core-tensor';
import { checkFinite } from './argument-checks.ts';

/** Options of {@link integrate}. */
export interface IntegrateOptions {
  /** Absolute error target for the whole integral (default 1e-10). */
  tolerance?: number;
  /** Equal panels the interval is cut into before adapting, so narrow features are not missed (default 64). */
  panels?: number;
  /** Deepest bisection of a panel (default 40). */
  maxDepth?: number;
  /**
   * Most integrand evaluations (default 1,000,000). A divergent or wildly oscillating integral
   * never meets the tolerance; past the budget `integrate` throws a ValueError instead of running
   * for hours.
   */
  maxEvaluations?: number;
}

/** The default evaluation budget of {@link integrate}. */
const DEFAULT_MAX_EVALUATIONS = 1_000_000;

interface Panel {
  a: number;
  b: number;
  fa: number;
  fm: number;
  fb: number;
  whole: number;
}

/**
 * The definite integral of f over [low, high] by adaptive Simpson quadrature: the interval is cut
 * into `panels` equal panels, and each panel is bisected until the two-half Simpson estimate agrees
 * with the one-panel estimate within 15·tolerance (the Richardson criterion), then the
 * extrapolated value S₂ + (S₂ − S₁)/15 is kept. Exact for cubics; error O(h⁴) on smooth integrands.
 * @param f the integrand; must return finite numbers on [low, high]
 * @param low finite lower bound
 * @param high finite upper bound (>= low)
 * @param options tolerance, panels, maxDepth
 * @returns ∫ f(x) dx over [low, high]
 * @throws ValueError when a bound is not finite, high < low, f returns a non-finite value, an option
 *   is out of range, or the evaluation budget runs out (a divergent integral)
 * @example
 * integrate((x) => x * x, 0, 3); // 9
 */
export function integrate(f: (x: number) => number, low: number, high: number, options: IntegrateOptions = {}): number {
  requireFunction(f, { pkg: 'prob', op: 'integrate', arg: 'f' });
  options = requireOptions(options, { pkg: 'prob', op: 'integrate' }, ['tolerance', 'panels', 'maxDepth', 'maxEvaluations']);
  checkFinite(low, 'integrate', 'low');
  checkFinite(high, 'integrate', 'high');
  if (high < low) {
    throw new ValueError('the interval is empty', { pkg: 'prob', op: 'integrate', arg: 'high', expected: `>= low (${low})`, received: high });
  }
  if (high === low) return 0;
  const at = (arg: string): { pkg: string; op: string; arg: string } => ({ pkg: 'prob', op: 'integrate', arg: `options.${arg}` });
  const tolerance = requireFinite(options.tolerance ?? 1e-10, at('tolerance'), { min: 0, exclusiveMin: true });
  const panels = requireInteger(options.panels ?? 64, at('panels'), { min: 1, max: 1_000_000 });
  const maxDepth = requireInteger(options.maxDepth ?? 40, at('maxDepth'), { min: 0, max: 60 });
  const budget = requireInteger(options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS, at('maxEvaluations'), { min: 1 });
  let evaluations = 0;
  const g = (x: number): number => {
    if (++evaluations > budget) {
      throw new ValueError('the integral did not converge within the evaluation budget (it may diverge)', {
        pkg: 'prob',
        op: 'integrate',
        arg: 'f',
        expected: `convergence to ${tolerance} within ${budget} evaluations`,
        received: `${budget} evaluations without convergence on [${low}, ${high}]`,
        hint: 'check that the integral is finite; raise options.maxEvaluations or options.tolerance for a slowly converging one',
      });
    }
    const y = f(x);
    if (!Number.isFinite(y)) {
      throw new ValueError('the integrand returned a non-finite value', { pkg: 'prob', op: 'integrate', arg: 'f', expected: 'a finite number', received: `f(${x}) = ${y}` });
    }
    return y;
  };
  const width = (high - low) / panels;
  let total = 0;
  for (let i = 0; i < panels; i++) {
    const a = low + i * width;
    const b = i === panels - 1 ? high : a + width;
    const fa = g(a);
    const fb = g(b);
    const fm = g((a + b) / 2);
    total += adapt(g, { a, b, fa, fm, fb, whole: ((b - a) / 6) * (fa + 4 * fm + fb) }, tolerance / panels, maxDepth);
  }
  return total;
}

function adapt(f: (x: number) => number, p: Panel, tolerance: number, depth: number): number {
  const m = (p.a + p.b) / 2;
  const lm = (p.a + m) / 2;
  const rm = (m + p.b) / 2;
  const flm = f(lm);
  const frm = f(rm);
  const left = ((m - p.a) / 6) * (p.fa + 4 * flm + p.fm);
  const right = ((p.b - m) / 6) * (p.fm + 4 * frm + p.fb);
  const delta = left + right - p.whole;
  if (depth <= 0 || Math.abs(delta) <= 15 * tolerance) return left + right + delta / 15;
  return (
    adapt(f, { a: p.a, b: m, fa: p.fa, fm: flm, fb: p.fm, whole: left }, tolerance / 2, depth - 1) +
    adapt(f, { a: m, b: p.b, fa: p.fm, fm: frm, fb: p.fb, whole: right }, tolerance / 2, depth - 1)
  );
}
