import { requireOptions } from '@gradlab/core-tensor';
import { requireIteration, requireNonNegative, requirePositiveInteger } from '../hyperparameters.ts';
import type { Schedule, ScheduleTail } from '../schedule.ts';

/** Options of {@link stepDecay} (PyTorch's `StepLR`). */
export interface StepDecayOptions {
  /** The initial step size. */
  lr: number;
  /** How many iterations between decays (PyTorch's `step_size`). */
  stepSize: number;
  /** The factor applied every `stepSize` iterations (default 0.1). */
  gamma?: number;
}

/** The tail of a schedule that behaves like lr · r^i. */
export function geometricTail(lr: number, ratio: number): ScheduleTail {
  if (lr === 0 || ratio === 0) return { kind: 'zero' };
  if (ratio === 1) return { kind: 'power', exponent: 0 };
  return { kind: 'geometric', ratio };
}

/**
 * Step decay, as PyTorch's `StepLR`: γ^(i) = lr · gamma^⌊(i − 1) / stepSize⌋. A geometric decay,
 * so Σγ < ∞ when gamma < 1: it fails Robbins–Monro and can stop short of a minimum.
 *
 * @param options `{ lr, stepSize, gamma = 0.1 }`
 * @returns a {@link Schedule} with id `step`
 * @throws ValueError when `lr` or `gamma` is negative or `stepSize` is not a positive integer
 * @example
 * ```ts
 * const s = stepDecay({ lr: 1, stepSize: 10, gamma: 0.5 });
 * [s.at(1), s.at(10), s.at(11)]; // [1, 1, 0.5]
 * ```
 */
export function stepDecay(options: StepDecayOptions): Schedule {
  options = requireOptions(options, { pkg: 'optim', op: 'stepDecay' }, ['lr', 'stepSize', 'gamma']) as typeof options;
  const op = 'stepDecay';
  const lr = requireNonNegative(op, 'lr', options.lr, 'learning rate');
  const stepSize = requirePositiveInteger(op, 'stepSize', options.stepSize, 'step size');
  const gamma = requireNonNegative(op, 'gamma', options.gamma ?? 0.1, 'gamma');
  return {
    id: 'step',
    config: { lr, stepSize, gamma },
    at(i) {
      requireIteration('stepDecay.at', i);
      return lr * gamma ** Math.floor((i - 1) / stepSize);
    },
    tail: geometricTail(lr, gamma ** (1 / stepSize)),
  };
}
