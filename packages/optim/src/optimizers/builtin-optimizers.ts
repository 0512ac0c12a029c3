import { requireObject } from '@gradlab/core-tensor';
import type { Optimizer } from '../optimizer.ts';
import type { JsonValue, Schedule } from '../schedule.ts';
import { builtinSchedules, scheduleFromSpec } from '../schedules/builtin-schedules.ts';
import type { ScheduleFactory, ScheduleSpec } from '../schedules/builtin-schedules.ts';
import { adam } from './adam.ts';
import type { AdamOptions } from './adam.ts';
import { adamw } from './adamw.ts';
import { gd } from './gd.ts';
import { heavyBall } from './heavy-ball.ts';
import type { MomentumOptions } from './heavy-ball.ts';
import { nesterov } from './nesterov.ts';
import { sgd } from './sgd.ts';
import type { SgdOptions } from './sgd.ts';
import { resolveFactory } from '../resolve-builtin.ts';

/** Builds an optimizer from its config (the factory validates every field). */
export type OptimizerFactory = (config: { readonly [key: string]: JsonValue }) => Optimizer;

/** An optimizer's saved form: `{ id: opt.id, config: opt.config }`. */
export interface OptimizerSpec {
  readonly id: string;
  readonly config: { readonly [key: string]: JsonValue };
}

function withSchedule(config: { readonly [key: string]: JsonValue }, schedules: Readonly<Record<string, ScheduleFactory>>): Record<string, unknown> {
  const lr = config.lr;
  if (typeof lr === 'object' && lr !== null && !Array.isArray(lr)) {
    return { ...config, lr: scheduleFromSpec(lr as unknown as ScheduleSpec, schedules) satisfies Schedule };
  }
  return { ...config };
}

/**
 * The built-in optimizers by id, for the CLI and saved configs: `gd`, `sgd`, `heavy-ball`,
 * `nesterov`, `adam`, `adamw`. Each entry takes the optimizer's `config` (PyTorch's names; `lr` may
 * be a saved schedule `{ id, config }`). Frozen; extend it by spreading into a new map.
 *
 * @example
 * ```ts
 * const opt = builtinOptimizers.adam!({ lr: 0.01 });
 * const mine = { ...builtinOptimizers, 'sign-sgd': (c) => signSgd(c) };
 * ```
 */
export const builtinOptimizers: Readonly<Record<string, OptimizerFactory>> = Object.freeze({
  gd: (c) => gd(withSchedule(c, builtinSchedules) as unknown as { lr: number }),
  sgd: (c) => sgd(withSchedule(c, builtinSchedules) as SgdOptions),
  'heavy-ball': (c) => heavyBall(withSchedule(c, builtinSchedules) as unknown as MomentumOptions),
  nesterov: (c) => nesterov(withSchedule(c, builtinSchedules) as unknown as MomentumOptions),
  adam: (c) => adam(withSchedule(c, builtinSchedules) as AdamOptions),
  adamw: (c) => adamw(withSchedule(c, builtinSchedules) as AdamOptions),
} satisfies Record<string, OptimizerFactory>);

/**
 * Rebuilds an optimizer from its saved `{ id, config }` (with `JSON.parse`d state it resumes exactly).
 *
 * @param spec the saved form
 * @param optimizers the map to resolve ids in (default {@link builtinOptimizers})
 * @returns the optimizer
 * @throws ValueError when the id is unknown, naming the known ones
 * @example
 * ```ts
 * const again = optimizerFromSpec(JSON.parse(JSON.stringify({ id: opt.id, config: opt.config })));
 * ```
 */
export function optimizerFromSpec(spec: OptimizerSpec, optimizers: Readonly<Record<string, OptimizerFactory>> = builtinOptimizers): Optimizer {
  requireObject(spec, { pkg: 'optim', op: 'optimizerFromSpec', arg: 'spec' });
  return resolveFactory('optimizer', 'optimizerFromSpec', spec.id, optimizers)(spec.config);
}
