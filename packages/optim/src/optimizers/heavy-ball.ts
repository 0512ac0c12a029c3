import { requireOptions } from '@gradlab/core-tensor';
import type { Optimizer } from '../optimizer.ts';
import type { Schedule } from '../schedule.ts';
import { sgdNamed } from './sgd.ts';

/** Options of {@link heavyBall} and {@link nesterov}. */
export interface MomentumOptions {
  /** The learning rate γ, or a schedule of it. */
  lr: number | Schedule;
  /** The momentum factor μ (default 0.9). */
  momentum?: number;
  /** L2 penalty added to the gradient (default 0). */
  weightDecay?: number;
}

/**
 * Polyak's heavy-ball momentum, in PyTorch's form: b ← μ b + ∇g(θ), θ ← θ − γ b. (The same as
 * `sgd({ lr, momentum })`, under its textbook name.)
 *
 * @param options `{ lr, momentum = 0.9, weightDecay = 0 }`
 * @returns an {@link Optimizer} with id `heavy-ball`
 * @throws ValueError `Invalid learning rate: ...`, `Invalid momentum value: ...`
 * @example
 * ```ts
 * const opt = heavyBall({ lr: 0.05, momentum: 0.9 });
 * ```
 */
export function heavyBall(options: MomentumOptions): Optimizer {
  options = requireOptions(options, { pkg: 'optim', op: 'heavyBall' }, ['lr', 'momentum', 'weightDecay', 'dampening', 'nesterov', 'maximize']) as typeof options;
  return sgdNamed('heavy-ball', 'heavyBall', { lr: options.lr, momentum: options.momentum ?? 0.9, weightDecay: options.weightDecay ?? 0 });
}
