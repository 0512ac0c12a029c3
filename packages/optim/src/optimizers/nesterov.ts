import { requireOptions } from '@gradlab/core-tensor';
import type { Optimizer } from '../optimizer.ts';
import type { MomentumOptions } from './heavy-ball.ts';
import { sgdNamed } from './sgd.ts';

/**
 * Nesterov's accelerated gradient, in PyTorch's form: b ← μ b + ∇g(θ), θ ← θ − γ (∇g(θ) + μ b):
 * the step looks ahead along the momentum. (`sgd({ lr, momentum, nesterov: true })`.)
 *
 * @param options `{ lr, momentum = 0.9, weightDecay = 0 }`
 * @returns an {@link Optimizer} with id `nesterov`
 * @throws ValueError `Nesterov momentum requires a momentum and zero dampening` when momentum is 0
 * @example
 * ```ts
 * const opt = nesterov({ lr: 0.05 });
 * ```
 */
export function nesterov(options: MomentumOptions): Optimizer {
  options = requireOptions(options, { pkg: 'optim', op: 'nesterov' }, ['lr', 'momentum', 'weightDecay', 'dampening', 'nesterov', 'maximize']) as typeof options;
  return sgdNamed('nesterov', 'nesterov', { lr: options.lr, momentum: options.momentum ?? 0.9, weightDecay: options.weightDecay ?? 0, nesterov: true });
}
