import { ValueError } from '@gradlab/core-tensor';
import { checkProbabilities, checkProbabilityOptions } from './argument-checks.ts';
import type { ProbabilityOptions } from './argument-checks.ts';
import type { Value } from './distribution.ts';
import { finiteDistribution, short } from './finite-distribution.ts';
import type { FiniteDistribution } from './finite-distribution.ts';
import { fromOneHot, oneHot } from './one-hot.ts';

/** Cat(q): the value values[k] with probability q[k]. */
export interface Categorical<T extends Value = number> extends FiniteDistribution<T> {
  readonly family: 'categorical';
  /** The one-hot code of a value: 1 at its index among `values`. */
  oneHot(x: T): number[];
  /** The value whose one-hot code this is. */
  fromOneHot(vector: ArrayLike<number>): T;
}

/** Options of {@link categorical}. */
export interface CategoricalOptions<T extends Value> extends ProbabilityOptions {
  /** The values, one per probability (default 0, 1, …, C − 1); distinct. */
  values?: readonly T[];
}

/**
 * The categorical (multinoulli) distribution Cat(q) on C values, by default {0, 1, …, C − 1}.
 * @param probs q: [C], non-negative, summing to 1 (or any positive sum with `normalize`)
 * @param options values (labels or numbers), normalize, tolerance
 * @returns a {@link Categorical}
 * @throws ValueError for a negative probability, a sum other than 1, or values that do not match
 * @example
 * const x = categorical([0.1, 0.2, 0.7]);
 * x.expectation((v) => v * v);   // 3  (= 0.2·1 + 0.7·4)
 * x.oneHot(2);                   // [0, 0, 1]
 * categorical([1, 3], { values: ['sun', 'rain'], normalize: true }).prob('rain'); // 0.75
 */
export function categorical<T extends Value = number>(probs: ArrayLike<number>, options: CategoricalOptions<T> = {}): Categorical<T> {
  options = checkProbabilityOptions(options, 'categorical', ['values']);
  const q = checkProbabilities(probs, 'categorical', 'probs', options);
  if (options.values !== undefined && !Array.isArray(options.values)) {
    throw new ValueError('values must be an array', { pkg: 'prob', op: 'categorical', arg: 'options.values', expected: 'an array', received: typeof options.values });
  }
  const values = (options.values ?? Array.from(q, (_p, i) => i)) as readonly T[];
  if (values.length !== q.length) {
    throw new ValueError('there must be one value per probability', { pkg: 'prob', op: 'categorical', arg: 'options.values', expected: `${q.length} values`, received: `${values.length} values` });
  }
  if (new Set(values).size !== values.length) {
    throw new ValueError('values must be distinct', { pkg: 'prob', op: 'categorical', arg: 'options.values', expected: 'distinct values', received: [...values] });
  }
  const defaultValues = options.values === undefined;
  const notation = `Cat([${Array.from(q, short).join(', ')}])` + (defaultValues ? '' : ` on {${values.join(', ')}}`);
  const base = finiteDistribution('categorical', values, q, notation);
  const index = new Map<T, number>(values.map((v, i) => [v, i]));
  return Object.freeze({
    ...base,
    family: 'categorical' as const,
    oneHot(x: T): number[] {
      const k = index.get(x);
      if (k === undefined) {
        throw new ValueError('the value is not in the support', { pkg: 'prob', op: 'categorical.oneHot', arg: 'x', expected: `one of {${values.join(', ')}}`, received: x });
      }
      return oneHot(k, values.length);
    },
    fromOneHot(vector: ArrayLike<number>): T {
      if (vector.length !== values.length) {
        throw new ValueError('the one-hot vector has the wrong length', { pkg: 'prob', op: 'categorical.fromOneHot', arg: 'vector', expected: `length ${values.length}`, received: `length ${vector.length}` });
      }
      return values[fromOneHot(vector)] as T;
    },
  });
}
