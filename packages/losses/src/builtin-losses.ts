import { ValueError } from '@gradlab/core-tensor';
import { absoluteError } from './absolute-error.ts';
import type { AbsoluteErrorOptions } from './absolute-error.ts';
import { binaryCrossEntropy } from './binary-cross-entropy.ts';
import { binaryCrossEntropyWithLogits } from './binary-cross-entropy-with-logits.ts';
import { crossEntropy } from './cross-entropy.ts';
import { exponentialLoss } from './exponential-loss.ts';
import { hinge } from './hinge.ts';
import { hingeAtZero } from './hinge-at-zero.ts';
import { logisticLoss } from './logistic-loss.ts';
import type { JsonValue, Loss } from './loss.ts';
import type { MarginLossOptions } from './margin.ts';
import { quadratic } from './quadratic.ts';
import type { ReductionOptions } from './quadratic.ts';
import { zeroOne } from './zero-one.ts';
import type { ZeroOneOptions } from './zero-one.ts';

/** Builds a loss from its config (the factory validates every field). */
export type LossFactory = (config?: { readonly [key: string]: JsonValue }) => Loss;

/** A loss's saved form: `{ id: loss.id, config: loss.config }`. */
export interface LossSpec {
  readonly id: string;
  readonly config?: { readonly [key: string]: JsonValue };
}

/**
 * The built-in losses by id, for the CLI, configs and saved models: `quadratic`, `absolute-error`,
 * `zero-one`, `binary-cross-entropy`, `binary-cross-entropy-with-logits`, `cross-entropy`,
 * `exponential`, `hinge`, `hinge-at-zero`, `logistic`. Frozen: nothing registers itself; to add
 * your own, spread it into a new map (`{ ...builtinLosses, cubic: () => cubic }`).
 *
 * @example
 * ```ts
 * const loss = builtinLosses.hinge!({ reduction: 'sum' });
 * ```
 */
export const builtinLosses: Readonly<Record<string, LossFactory>> = Object.freeze({
  quadratic: (c) => quadratic(c as ReductionOptions),
  'absolute-error': (c) => absoluteError(c as AbsoluteErrorOptions),
  'zero-one': (c) => zeroOne(c as ZeroOneOptions),
  'binary-cross-entropy': (c) => binaryCrossEntropy(c as ReductionOptions),
  'binary-cross-entropy-with-logits': (c) => binaryCrossEntropyWithLogits(c as ReductionOptions),
  'cross-entropy': (c) => crossEntropy(c as ReductionOptions),
  exponential: (c) => exponentialLoss(c as MarginLossOptions),
  hinge: (c) => hinge(c as MarginLossOptions),
  'hinge-at-zero': (c) => hingeAtZero(c as MarginLossOptions),
  logistic: (c) => logisticLoss(c as MarginLossOptions),
} satisfies Record<string, LossFactory>);

/**
 * Rebuilds a loss from its saved `{ id, config }`, or resolves a CLI name.
 *
 * @param spec the saved form, or just an id
 * @param losses the map to resolve ids in (default {@link builtinLosses})
 * @returns the loss
 * @throws ValueError when the id is unknown, naming the known ones
 * @example
 * ```ts
 * lossFromSpec('hinge-at-zero').id; // 'hinge-at-zero'
 * ```
 */
export function lossFromSpec(spec: LossSpec | string, losses: Readonly<Record<string, LossFactory>> = builtinLosses): Loss {
  if (typeof spec !== 'string' && (spec === null || typeof spec !== 'object')) {
    throw new ValueError('spec must be a loss name or { id, config }', { pkg: 'losses', op: 'lossFromSpec', arg: 'spec', expected: "a name such as 'hinge' or { id, config }", received: spec === null ? 'null' : typeof spec });
  }
  if (losses === null || typeof losses !== 'object') {
    throw new ValueError('losses must be a map of factories', { pkg: 'losses', op: 'lossFromSpec', arg: 'losses', expected: 'Record<string, LossFactory>', received: losses === null ? 'null' : typeof losses });
  }
  const { id, config } = typeof spec === 'string' ? { id: spec, config: undefined } : spec;
  if (typeof id !== 'string') throw new ValueError('spec.id must be a string', { pkg: 'losses', op: 'lossFromSpec', arg: 'spec.id', expected: `one of ${Object.keys(losses).join(', ')}`, received: typeof id });
  if (config !== undefined && (config === null || typeof config !== 'object')) throw new ValueError('spec.config must be an object', { pkg: 'losses', op: 'lossFromSpec', arg: 'spec.config', expected: 'an options object', received: config === null ? 'null' : typeof config });
  const factory = Object.hasOwn(losses, id) ? losses[id] : undefined;
  if (factory === undefined) {
    throw new ValueError(`unknown loss '${id}'`, {
      pkg: 'losses',
      op: 'lossFromSpec',
      arg: 'spec.id',
      expected: `one of ${Object.keys(losses).join(', ')}`,
      received: id,
    });
  }
  if (typeof factory !== 'function') throw new ValueError(`the loss '${id}' is not a factory`, { pkg: 'losses', op: 'lossFromSpec', arg: 'losses', expected: 'a function making a Loss', received: typeof factory });
  return factory(config ?? {});
}
