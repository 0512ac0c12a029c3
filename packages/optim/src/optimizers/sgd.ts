import { requireOptions, ValueError } from '@gradlab/core-tensor';
import { elementwiseOptimizer } from '../elementwise-optimizer.ts';
import { requireLearningRate, requireNonNegative } from '../hyperparameters.ts';
import type { Optimizer } from '../optimizer.ts';
import type { Schedule } from '../schedule.ts';

/** Options of {@link sgd}, with PyTorch's names and defaults (`torch.optim.SGD`). */
export interface SgdOptions {
  /** The learning rate γ, or a schedule of it (default 1e-3). */
  lr?: number | Schedule;
  /** The momentum factor μ (default 0). */
  momentum?: number;
  /** Dampening of the momentum: the buffer adds (1 − dampening)·g (default 0). */
  dampening?: number;
  /** L2 penalty: adds weightDecay·θ to the gradient (default 0). */
  weightDecay?: number;
  /** Nesterov momentum (needs momentum > 0 and dampening 0). */
  nesterov?: boolean;
  /** Ascend instead of descend (default false). */
  maximize?: boolean;
}

/**
 * Stochastic gradient descent, update for update as `torch.optim.SGD`: with
 * g = ±∇ + weightDecay·θ (− with `maximize`), the buffer b ← μ b + (1 − dampening) g (b = g at the first update),
 * then θ ← θ − γ b, or θ ← θ − γ (g + μ b) with `nesterov`. With a gradient over a mini-batch
 * S^(i) this is the notes' θ^(i+1) = θ^(i) − γ^(i)/S^(i) Σ_{n∈S^(i)} ∇g_n(θ^(i)); `minimize` draws
 * the batches.
 *
 * @param options PyTorch's hyper-parameters (camelCase)
 * @returns an {@link Optimizer} with id `sgd` and slot `momentum_buffer` when momentum > 0
 * @throws ValueError `Invalid learning rate: -0.1`, `Invalid momentum value: ...`,
 *   `Invalid weight_decay value: ...`, `Nesterov momentum requires a momentum and zero dampening`
 * @example
 * ```ts
 * const opt = sgd({ lr: 0.1, momentum: 0.9 });
 * let state = opt.init(theta);
 * ({ params: theta, state } = opt.step(theta, grad(f)(theta), state));
 * ```
 */
export function sgd(options: SgdOptions = {}): Optimizer {
  options = requireOptions(options, { pkg: 'optim', op: 'sgd' }, ['lr', 'momentum', 'dampening', 'weightDecay', 'nesterov', 'maximize']);
  return sgdNamed('sgd', 'sgd', options);
}

/** An SGD under another id (gd, heavy-ball, nesterov share its update). */
export function sgdNamed(id: string, op: string, options: SgdOptions): Optimizer {
  const lr = requireLearningRate(op, options.lr ?? 1e-3);
  const momentum = requireNonNegative(op, 'momentum', options.momentum ?? 0, 'momentum value');
  const dampening = requireNonNegative(op, 'dampening', options.dampening ?? 0, 'dampening value');
  const weightDecay = requireNonNegative(op, 'weightDecay', options.weightDecay ?? 0, 'weight_decay value');
  const nesterov = options.nesterov ?? false;
  const maximize = options.maximize ?? false;
  if (nesterov && (momentum <= 0 || dampening !== 0)) {
    throw new ValueError('Nesterov momentum requires a momentum and zero dampening', {
      pkg: 'optim',
      op,
      arg: 'nesterov',
      expected: 'momentum > 0 and dampening = 0',
      received: `momentum ${momentum}, dampening ${dampening}`,
    });
  }
  return elementwiseOptimizer({
    id,
    config: { momentum, dampening, weightDecay, nesterov, maximize },
    lr,
    slots: momentum > 0 ? ['momentum_buffer'] : [],
    update({ param, grad, slots, step, lr: rate }) {
      const buf = slots.momentum_buffer;
      for (let k = 0; k < param.length; k++) {
        const theta = param[k] as number;
        // As torch: `maximize` flips the gradient first, so weight decay still shrinks θ.
        let d = (maximize ? -(grad[k] as number) : (grad[k] as number)) + weightDecay * theta;
        if (buf !== undefined) {
          const b = step === 1 ? d : momentum * (buf[k] as number) + (1 - dampening) * d;
          buf[k] = b;
          d = nesterov ? d + momentum * b : b;
        }
        param[k] = theta - rate * d;
      }
    },
  });
}
