import { requireOptions } from '@gradlab/core-tensor';
import { elementwiseOptimizer } from '../elementwise-optimizer.ts';
import { requireLearningRate, requireNonNegative, requireUnitInterval } from '../hyperparameters.ts';
import type { Optimizer } from '../optimizer.ts';
import type { Schedule } from '../schedule.ts';

/** Options of {@link adam} and {@link adamw}, with PyTorch's names (`torch.optim.Adam`). */
export interface AdamOptions {
  /** The learning rate, or a schedule of it (default 1e-3). */
  lr?: number | Schedule;
  /** Decay rates of the first and second moment estimates (default [0.9, 0.999]). */
  betas?: readonly [number, number];
  /** Added to the denominator for stability (default 1e-8). */
  eps?: number;
  /** Adam: L2 penalty added to the gradient (default 0). AdamW: decoupled decay (default 1e-2). */
  weightDecay?: number;
  /** Use the maximum of past second moments (AMSGrad; default false). */
  amsgrad?: boolean;
  /** Ascend instead of descend (default false). */
  maximize?: boolean;
}

/** The validated hyper-parameters shared by Adam and AdamW. */
export function adamHyperparameters(op: string, options: AdamOptions, defaultDecay: number) {
  const lr = requireLearningRate(op, options.lr ?? 1e-3);
  const eps = requireNonNegative(op, 'eps', options.eps ?? 1e-8, 'epsilon value');
  const betas = options.betas ?? [0.9, 0.999];
  const beta1 = requireUnitInterval(op, 'betas[0]', betas[0], 'beta parameter at index 0');
  const beta2 = requireUnitInterval(op, 'betas[1]', betas[1], 'beta parameter at index 1');
  const weightDecay = requireNonNegative(op, 'weightDecay', options.weightDecay ?? defaultDecay, 'weight_decay value');
  return { lr, eps, beta1, beta2, weightDecay, amsgrad: options.amsgrad ?? false, maximize: options.maximize ?? false };
}

/**
 * The Adam moment update and step, as `torch.optim.Adam` computes it: m ← β1 m + (1 − β1) g,
 * v ← β2 v + (1 − β2) g², θ ← θ − (γ / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε).
 */
export function adamUpdate(
  hp: ReturnType<typeof adamHyperparameters>,
  decoupled: boolean,
): Parameters<typeof elementwiseOptimizer>[0]['update'] {
  const { beta1, beta2, eps, weightDecay, maximize } = hp;
  return ({ param, grad, slots, step, lr }) => {
    const m = slots.exp_avg as Float64Array;
    const v = slots.exp_avg_sq as Float64Array;
    const vMax = slots.max_exp_avg_sq;
    const bias1 = 1 - beta1 ** step;
    const bias2Sqrt = Math.sqrt(1 - beta2 ** step);
    const stepSize = lr / bias1;
    if (!maximize && !decoupled && weightDecay === 0 && vMax === undefined) {
      // Plain Adam (the default): the loop below without its per-element branches, same arithmetic.
      const c1 = 1 - beta1;
      const c2 = 1 - beta2;
      for (let k = 0; k < param.length; k++) {
        const g = grad[k] as number;
        const mk = (m[k] as number) * beta1 + c1 * g;
        const vk = (v[k] as number) * beta2 + c2 * g * g;
        m[k] = mk;
        v[k] = vk;
        param[k] = (param[k] as number) - (stepSize * mk) / (Math.sqrt(vk) / bias2Sqrt + eps);
      }
      return;
    }
    for (let k = 0; k < param.length; k++) {
      let theta = param[k] as number;
      let g = maximize ? -(grad[k] as number) : (grad[k] as number);
      if (decoupled) theta *= 1 - lr * weightDecay;
      else if (weightDecay !== 0) g += weightDecay * theta;
      const mk = (m[k] as number) * beta1 + (1 - beta1) * g;
      const vk = (v[k] as number) * beta2 + (1 - beta2) * g * g;
      m[k] = mk;
      v[k] = vk;
      let second = vk;
      if (vMax !== undefined) {
        second = Math.max(vMax[k] as number, vk);
        vMax[k] = second;
      }
      param[k] = theta - (stepSize * mk) / (Math.sqrt(second) / bias2Sqrt + eps);
    }
  };
}

/**
 * Adam (Kingma & Ba), update for update as `torch.optim.Adam`, including L2 `weightDecay` added to
 * the gradient and AMSGrad.
 *
 * @param options PyTorch's hyper-parameters (camelCase)
 * @returns an {@link Optimizer} with id `adam` and slots `exp_avg`, `exp_avg_sq` (and `max_exp_avg_sq`)
 * @throws ValueError `Invalid learning rate: ...`, `Invalid epsilon value: ...`,
 *   `Invalid beta parameter at index 0: ...`, `Invalid weight_decay value: ...`
 * @example
 * ```ts
 * const opt = adam({ lr: 0.05, betas: [0.9, 0.999] });
 * ```
 */
export function adam(options: AdamOptions = {}): Optimizer {
  options = requireOptions(options, { pkg: 'optim', op: 'adam' }, ['lr', 'betas', 'eps', 'weightDecay', 'amsgrad', 'maximize']);
  const hp = adamHyperparameters('adam', options, 0);
  const { lr, beta1, beta2, ...rest } = hp;
  return elementwiseOptimizer({
    id: 'adam',
    config: { betas: [beta1, beta2], ...rest },
    lr,
    slots: hp.amsgrad ? ['exp_avg', 'exp_avg_sq', 'max_exp_avg_sq'] : ['exp_avg', 'exp_avg_sq'],
    update: adamUpdate(hp, false),
  });
}
