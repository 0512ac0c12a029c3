import { requireFinite, requireFunction, requireInteger, requireOneOf, requireOptions, valueAndGrad, ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { DivergenceError } from './divergence-error.ts';
import { requirePositive } from './hyperparameters.ts';
import { gradientNorm } from './gradient-norm.ts';
import { notFiniteAtStart } from './not-finite-at-start.ts';
import type { Params } from './optimizer.ts';
import { leafLike, paramLeaves } from './param-tree.ts';

/** A step where the guaranteed decrease of an L-smooth function did not hold. */
export interface DecreaseViolation {
  /** The update (1 for the first). */
  step: number;
  /** The step size used. */
  lr: number;
  /** g(θ) before the update. */
  before: number;
  /** g(θ⁺) after it. */
  after: number;
  /** The bound g(θ) − (γ/2)‖∇g(θ)‖² that g(θ⁺) should not exceed. */
  bound: number;
}

/** Options of {@link gradientDescent}. */
export interface GradientDescentOptions<P extends Params> {
  /** The step size γ (take 1/L for an L-smooth g). */
  lr: number;
  /** The largest number of updates (default 1000). */
  steps?: number;
  /** Stop when ‖∇g‖ <= tolerance (default 1e-8). */
  tolerance?: number;
  /**
   * `report` (default): take every step and list the violations of the guaranteed decrease;
   * `backtrack`: halve γ (by `shrink`) until the decrease holds, and keep the smaller γ;
   * `off`: plain gradient descent.
   */
  check?: 'report' | 'backtrack' | 'off';
  /** The factor that shrinks γ when backtracking (default 0.5). */
  shrink?: number;
  /** A loss above this counts as divergence (default 1e10 · max(1, |g(θ^(0))|)). */
  divergenceThreshold?: number;
  /** Called after each evaluation with the step, value, gradient norm, γ and parameters; `false` stops. */
  onStep?: (info: { step: number; value: number; gradNorm: number; lr: number; params: P }) => boolean | undefined | void;
}

/** The result of {@link gradientDescent}. */
export interface GradientDescentResult<P extends Params> {
  params: P;
  value: number;
  gradNorm: number;
  steps: number;
  converged: boolean;
  reason: 'converged' | 'max-steps' | 'stopped';
  /** The step size at the end (smaller than the start only when backtracking shrank it). */
  lr: number;
  /** Steps where g(θ⁺) > g(θ) − (γ/2)‖∇g(θ)‖² (after backtracking, none). */
  violations: DecreaseViolation[];
  history: { step: number; value: number; gradNorm: number; lr: number }[];
}

/** θ − γ ∇g, leaf by leaf. */
function descend<P extends Params>(params: P, grads: P, lr: number): P {
  const p = paramLeaves(params, 'gradientDescent', 'params');
  const g = paramLeaves(grads, 'gradientDescent', 'grads');
  return p.rebuild(
    p.leaves.map((leaf, i) => {
      const x = Float64Array.from(leaf.data);
      const d = (g.leaves[i] ?? leaf).data;
      for (let k = 0; k < x.length; k++) x[k] = (x[k] as number) - lr * (d[k] as number);
      return leafLike(x, leaf);
    }),
  );
}

/**
 * Gradient descent θ^(i+1) = θ^(i) − γ ∇g(θ^(i)) that checks, at every step, the guarantee of the
 * notes for an L-smooth g and γ <= 1/L: g(θ^(i+1)) <= g(θ^(i)) − (γ/2)‖∇g(θ^(i))‖². It reports
 * the steps where the guarantee fails (γ too large for the function's smoothness), or backtracks:
 * shrinks γ until it holds (an Armijo line search with constant 1/2). A NaN or exploding loss
 * throws a {@link DivergenceError} with the step number.
 *
 * @param f the objective, `(θ) => scalar tensor`
 * @param theta0 the starting parameters
 * @param options `{ lr, steps = 1000, tolerance = 1e-8, check = 'report', shrink = 0.5, divergenceThreshold, onStep }`
 * @returns the result, with every violation of the guaranteed decrease
 * @throws DivergenceError when the loss is NaN, infinite or above the threshold
 * @throws ValueError for a non-positive `lr`
 * @example
 * ```ts
 * const g = (t: Tensor) => t.sub(2).square().mul(0.5).add(t.add(1).square().mul(1.5)).sum(); // L = 4
 * gradientDescent(g, tensor([5]), { lr: 1 / 4 }).violations; // []
 * ```
 */
export function gradientDescent<P extends Params>(f: (params: P) => Tensor, theta0: P, options: GradientDescentOptions<P>): GradientDescentResult<P> {
  requireFunction(f, { pkg: 'optim', op: 'gradientDescent', arg: 'f' });
  options = requireOptions(options, { pkg: 'optim', op: 'gradientDescent' }, ['lr', 'steps', 'tolerance', 'check', 'shrink', 'divergenceThreshold', 'onStep']) as typeof options;
  const op = 'gradientDescent';
  let lr = requirePositive(op, 'lr', options.lr, 'learning rate');
  const steps = requireInteger(options.steps ?? 1000, { pkg: 'optim', op, arg: 'options.steps' }, { min: 0 });
  const tolerance = requireFinite(options.tolerance ?? 1e-8, { pkg: 'optim', op, arg: 'options.tolerance' }, { min: 0 });
  const check = requireOneOf(options.check ?? 'report', { pkg: 'optim', op, arg: 'options.check' }, ['report', 'backtrack', 'none'] as const);
  if (options.onStep !== undefined) requireFunction(options.onStep, { pkg: 'optim', op, arg: 'options.onStep' });
  if (options.divergenceThreshold !== undefined) requireFinite(options.divergenceThreshold, { pkg: 'optim', op, arg: 'options.divergenceThreshold' }, { min: 0, exclusiveMin: true });
  const shrink = options.shrink ?? 0.5;
  if (!(shrink > 0 && shrink < 1)) throw new ValueError(`Invalid shrink factor: ${shrink}`, { pkg: 'optim', op, arg: 'shrink', expected: '0 < shrink < 1', received: shrink });
  const evaluate = (p: P): { value: number; grads: P; gradNorm: number } => {
    const [v, g] = valueAndGrad((x: P) => f(x))(p) as unknown as [Tensor, P];
    return { value: v.item(), grads: g, gradNorm: gradientNorm(g) };
  };
  let params = theta0;
  let cur = evaluate(params);
  const limit = options.divergenceThreshold ?? 1e10 * Math.max(1, Math.abs(cur.value));
  const violations: DecreaseViolation[] = [];
  const history: GradientDescentResult<P>['history'] = [];
  for (let k = 0; ; k++) {
    if (!Number.isFinite(cur.value) || cur.value > limit || !Number.isFinite(cur.gradNorm)) {
      if (k === 0) throw notFiniteAtStart(op, cur.value, cur.gradNorm);
      throw new DivergenceError(op, k, cur.value, limit, lr, cur.gradNorm);
    }
    history.push({ step: k, value: cur.value, gradNorm: cur.gradNorm, lr });
    const stop = options.onStep?.({ step: k, value: cur.value, gradNorm: cur.gradNorm, lr, params }) === false;
    const done = (reason: GradientDescentResult<P>['reason']): GradientDescentResult<P> => ({
      params,
      value: cur.value,
      gradNorm: cur.gradNorm,
      steps: k,
      converged: reason === 'converged',
      reason,
      lr,
      violations,
      history,
    });
    if (cur.gradNorm <= tolerance) return done('converged');
    if (stop) return done('stopped');
    if (k === steps) return done('max-steps');
    for (;;) {
      const next = descend(params, cur.grads, lr);
      const after = evaluate(next);
      const bound = cur.value - (lr / 2) * cur.gradNorm ** 2;
      // Rounding slack: the bound is a difference of two O(|g|) numbers.
      const holds = after.value <= bound + 8 * Number.EPSILON * Math.max(1, Math.abs(cur.value));
      if (!holds && check === 'backtrack' && Number.isFinite(cur.value)) {
        lr *= shrink;
        if (lr < 1e-300) throw new ValueError('backtracking shrank the step size to 0', { pkg: 'optim', op, arg: 'f', expected: 'a function that decreases along −∇g', hint: 'check the gradient of f' });
        continue;
      }
      if (!holds && check === 'report') violations.push({ step: k + 1, lr, before: cur.value, after: after.value, bound });
      params = next;
      cur = after;
      break;
    }
  }
}
