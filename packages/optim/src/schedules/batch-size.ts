import { requireIteration, requirePositive, requirePositiveInteger } from '../hyperparameters.ts';
import type { BatchSizeSchedule } from '../schedule.ts';
import { requireOptions, ValueError } from '@gradlab/core-tensor';

/** Options of {@link constantBatchSize}. */
export interface ConstantBatchSizeOptions {
  /** The mini-batch size S used at every iteration. */
  size: number;
}

/**
 * A fixed mini-batch size S^(i) = size.
 *
 * @param options `{ size }`
 * @returns a {@link BatchSizeSchedule} with id `constant-batch-size`
 * @throws ValueError when `size` is not a positive integer
 * @example
 * ```ts
 * constantBatchSize({ size: 32 }).at(100); // 32
 * ```
 */
export function constantBatchSize(options: ConstantBatchSizeOptions): BatchSizeSchedule {
  options = requireOptions(options, { pkg: 'optim', op: 'constantBatchSize' }, ['size']) as typeof options;
  const size = requirePositiveInteger('constantBatchSize', 'size', options.size, 'batch size');
  return {
    id: 'constant-batch-size',
    config: { size },
    at(i) {
      requireIteration('constantBatchSize.at', i);
      return size;
    },
  };
}

/** Options of {@link growingBatchSize}. */
export interface GrowingBatchSizeOptions {
  /** S^(1), the first batch size. */
  initial: number;
  /** The growth factor applied every `every` iterations (`>= 1`, default 2). */
  factor?: number;
  /** How many iterations between growths (default 1). */
  every?: number;
  /** The largest batch size, e.g. the data set size N (default: unbounded). */
  max?: number;
}

/**
 * Geometrically growing batch sizes S^(i) = min(max, ⌈initial · factor^⌊(i − 1)/every⌋⌉): the
 * variance of the mini-batch gradient shrinks like 1/S, so growing S plays the role a decaying step
 * size plays in Robbins–Monro while keeping γ constant.
 *
 * @param options `{ initial, factor = 2, every = 1, max }`
 * @returns a {@link BatchSizeSchedule} with id `growing-batch-size`
 * @throws ValueError when `initial`, `every` or `max` is not a positive integer, or `factor < 1`
 * @example
 * ```ts
 * const s = growingBatchSize({ initial: 4, factor: 2, every: 10, max: 64 });
 * [s.at(1), s.at(11), s.at(100)]; // [4, 8, 64]
 * ```
 */
export function growingBatchSize(options: GrowingBatchSizeOptions): BatchSizeSchedule {
  options = requireOptions(options, { pkg: 'optim', op: 'growingBatchSize' }, ['initial', 'factor', 'every', 'max']) as typeof options;
  const op = 'growingBatchSize';
  const initial = requirePositiveInteger(op, 'initial', options.initial, 'initial batch size');
  const factor = requirePositive(op, 'factor', options.factor ?? 2, 'growth factor');
  if (factor < 1) {
    throw new ValueError(`Invalid growth factor: ${factor}`, {
      pkg: 'optim',
      op,
      arg: 'factor',
      expected: 'factor >= 1',
      received: factor,
    });
  }
  const every = requirePositiveInteger(op, 'every', options.every ?? 1, 'growth interval');
  const max = options.max === undefined ? undefined : requirePositiveInteger(op, 'max', options.max, 'maximum batch size');
  if (max !== undefined && max < initial) {
    throw new ValueError(`Invalid maximum batch size: ${max}`, {
      pkg: 'optim',
      op,
      arg: 'max',
      expected: `max >= initial (${initial})`,
      received: max,
    });
  }
  const config = max === undefined ? { initial, factor, every } : { initial, factor, every, max };
  return {
    id: 'growing-batch-size',
    config,
    at(i) {
      requireIteration('growingBatchSize.at', i);
      const grown = Math.ceil(initial * factor ** Math.floor((i - 1) / every) - 1e-9);
      return Math.min(max ?? Number.MAX_SAFE_INTEGER, grown);
    },
  };
}
