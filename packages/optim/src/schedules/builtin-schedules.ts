import { requireObject, ValueError } from '@gradlab/core-tensor';
import type { BatchSizeSchedule, JsonValue, Schedule } from '../schedule.ts';
import { constantBatchSize, growingBatchSize } from './batch-size.ts';
import type { ConstantBatchSizeOptions, GrowingBatchSizeOptions } from './batch-size.ts';
import { constantSchedule } from './constant-schedule.ts';
import type { ConstantScheduleOptions } from './constant-schedule.ts';
import { cosineAnnealing } from './cosine-annealing.ts';
import type { CosineAnnealingOptions } from './cosine-annealing.ts';
import { exponentialDecay } from './exponential-decay.ts';
import type { ExponentialDecayOptions } from './exponential-decay.ts';
import { inversePower } from './inverse-power.ts';
import type { InversePowerOptions } from './inverse-power.ts';
import { robbinsMonro } from './robbins-monro.ts';
import type { RobbinsMonroOptions } from './robbins-monro.ts';
import { stepDecay } from './step-decay.ts';
import type { StepDecayOptions } from './step-decay.ts';
import { warmup } from './warmup.ts';
import { resolveFactory } from '../resolve-builtin.ts';

/** A schedule's saved form: its id and config, as `JSON.stringify({ id, config })` writes them. */
export interface ScheduleSpec {
  readonly id: string;
  readonly config: { readonly [key: string]: JsonValue };
}

/** Builds a schedule from its config (the factories validate every field). */
export type ScheduleFactory = (config: { readonly [key: string]: JsonValue }) => Schedule;

/** Builds a batch-size schedule from its config. */
export type BatchSizeScheduleFactory = (config: { readonly [key: string]: JsonValue }) => BatchSizeSchedule;

function isSpec(v: unknown): v is ScheduleSpec {
  return typeof v === 'object' && v !== null && typeof (v as ScheduleSpec).id === 'string' && typeof (v as ScheduleSpec).config === 'object';
}

/**
 * The built-in learning-rate schedules by id, for the CLI and saved configs:
 * `constant`, `inverse-power`, `robbins-monro`, `step`, `exponential`, `cosine`, `warmup`.
 * Frozen; to add your own, spread it into a new map: `{ ...builtinSchedules, mine: (c) => ... }`.
 *
 * @example
 * ```ts
 * const s = builtinSchedules['robbins-monro']!({ lr: 1, beta: 0.1, alpha: 0.75 });
 * ```
 */
export const builtinSchedules: Readonly<Record<string, ScheduleFactory>> = Object.freeze({
  constant: (c) => constantSchedule(c as unknown as ConstantScheduleOptions),
  'inverse-power': (c) => inversePower(c as unknown as InversePowerOptions),
  'robbins-monro': (c) => robbinsMonro(c as unknown as RobbinsMonroOptions),
  step: (c) => stepDecay(c as unknown as StepDecayOptions),
  exponential: (c) => exponentialDecay(c as unknown as ExponentialDecayOptions),
  cosine: (c) => cosineAnnealing(c as unknown as CosineAnnealingOptions),
  warmup: (c) => {
    const inner = c.schedule;
    if (!isSpec(inner)) {
      throw new ValueError('warmup needs the schedule it warms up', {
        pkg: 'optim',
        op: 'builtinSchedules.warmup',
        arg: 'config.schedule',
        expected: '{ id, config }',
        received: inner,
      });
    }
    const { schedule: _inner, ...rest } = c;
    return warmup(scheduleFromSpec(inner), rest as unknown as { steps: number; startFactor?: number });
  },
} satisfies Record<string, ScheduleFactory>);

/**
 * The built-in batch-size schedules by id: `constant-batch-size`, `growing-batch-size`.
 *
 * @example
 * ```ts
 * builtinBatchSizeSchedules['growing-batch-size']!({ initial: 8 }).at(3); // 32
 * ```
 */
export const builtinBatchSizeSchedules: Readonly<Record<string, BatchSizeScheduleFactory>> = Object.freeze({
  'constant-batch-size': (c) => constantBatchSize(c as unknown as ConstantBatchSizeOptions),
  'growing-batch-size': (c) => growingBatchSize(c as unknown as GrowingBatchSizeOptions),
} satisfies Record<string, BatchSizeScheduleFactory>);

/**
 * Rebuilds a schedule from its saved `{ id, config }`.
 *
 * @param spec the saved form (`{ id: schedule.id, config: schedule.config }`)
 * @param schedules the map to resolve ids in (default {@link builtinSchedules})
 * @returns the schedule
 * @throws ValueError when the id is unknown, naming the known ones
 * @example
 * ```ts
 * const again = scheduleFromSpec(JSON.parse(JSON.stringify({ id: s.id, config: s.config })));
 * ```
 */
export function scheduleFromSpec(spec: ScheduleSpec, schedules: Readonly<Record<string, ScheduleFactory>> = builtinSchedules): Schedule {
  requireObject(spec, { pkg: 'optim', op: 'scheduleFromSpec', arg: 'spec' });
  return resolveFactory('schedule', 'scheduleFromSpec', spec.id, schedules)(spec.config);
}
