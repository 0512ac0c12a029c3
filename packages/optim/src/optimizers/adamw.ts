import { requireOptions } from '@gradlab/core-tensor';
import { elementwiseOptimizer } from '../elementwise-optimizer.ts';
import type { Optimizer } from '../optimizer.ts';
import type { AdamOptions } from './adam.ts';
import { adamHyperparameters, adamUpdate } from './adam.ts';

/**
 * AdamW (Loshchilov & Hutter), update for update as `torch.optim.AdamW`: the weight decay is
 * decoupled from the gradient, θ ← θ (1 − γ λ), before the Adam step.
 *
 * @param options PyTorch's hyper-parameters (camelCase); `weightDecay` defaults to 1e-2
 * @returns an {@link Optimizer} with id `adamw`
 * @throws ValueError as {@link adam}
 * @example
 * ```ts
 * const opt = adamw({ lr: 1e-3, weightDecay: 0.01 });
 * ```
 */
export function adamw(options: AdamOptions = {}): Optimizer {
  options = requireOptions(options, { pkg: 'optim', op: 'adamw' }, ['lr', 'betas', 'eps', 'weightDecay', 'amsgrad', 'maximize']);
  const hp = adamHyperparameters('adamw', options, 1e-2);
  const { lr, beta1, beta2, ...rest } = hp;
  return elementwiseOptimizer({
    id: 'adamw',
    config: { betas: [beta1, beta2], ...rest },
    lr,
    slots: hp.amsgrad ? ['exp_avg', 'exp_avg_sq', 'max_exp_avg_sq'] : ['exp_avg', 'exp_avg_sq'],
    update: adamUpdate(hp, true),
  });
}
