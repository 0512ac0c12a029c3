import { ShapeError, Tensor, tensor, ValueError } from '@gradlab/core-tensor';
import type { Params } from './optimizer.ts';

/** Parameters taken apart into leaves, and the way to put new leaves back in the same structure. */
export interface ParamLeaves<P extends Params> {
  /** The tensors, in array order or in the record's key order. */
  readonly leaves: readonly Tensor[];
  /** The names of the leaves: array indices or record keys (for messages). */
  readonly names: readonly string[];
  /** New parameters of the same structure holding `leaves`. */
  rebuild(leaves: readonly Tensor[]): P;
}

function isTensor(x: unknown): x is Tensor {
  return x instanceof Tensor;
}

/**
 * Takes a parameter structure (one tensor, an array, or a record of tensors) apart into leaves.
 *
 * @param params the parameters
 * @param op the calling function, for messages
 * @param arg the argument name, for messages
 * @returns the leaves, their names and a `rebuild`
 * @throws ValueError when `params` is not a tensor, an array of tensors or a record of tensors
 * @example
 * ```ts
 * const { leaves, rebuild } = paramLeaves({ w, b }, 'myOptimizer', 'params');
 * const same = rebuild(leaves); // { w, b }
 * ```
 */
export function paramLeaves<P extends Params>(params: P, op: string, arg: string): ParamLeaves<P> {
  const bad = (received: unknown): ValueError =>
    new ValueError('expected a Tensor, an array of Tensors or a record of Tensors', {
      pkg: 'optim',
      op,
      arg,
      expected: 'Tensor | Tensor[] | { [name]: Tensor }',
      received,
    });
  if (isTensor(params)) {
    return { leaves: [params], names: [''], rebuild: (l) => l[0] as P };
  }
  if (Array.isArray(params)) {
    const leaves = params as readonly unknown[];
    leaves.forEach((t, i) => {
      if (!isTensor(t)) throw bad(`${typeof t} at index ${i}`);
    });
    return { leaves: leaves as Tensor[], names: leaves.map((_, i) => String(i)), rebuild: (l) => l.slice() as unknown as P };
  }
  if (typeof params !== 'object' || params === null) throw bad(typeof params);
  const record = params as { readonly [name: string]: unknown };
  const names = Object.keys(record);
  for (const k of names) if (!isTensor(record[k])) throw bad(`${typeof record[k]} at key '${k}'`);
  return {
    leaves: names.map((k) => record[k] as Tensor),
    names,
    rebuild: (l) => Object.fromEntries(names.map((k, i) => [k, l[i]])) as unknown as P,
  };
}

/**
 * Checks that gradients have the structure and shapes of the parameters.
 * @throws ShapeError naming the first leaf that differs
 */
export function requireMatchingGrads(op: string, params: ParamLeaves<Params>, grads: ParamLeaves<Params>): void {
  if (grads.leaves.length !== params.leaves.length || grads.names.some((n, i) => n !== params.names[i])) {
    throw new ShapeError('gradients must have the structure of the parameters', {
      pkg: 'optim',
      op,
      arg: 'grads',
      expected: `leaves [${params.names.join(', ')}]`,
      received: `leaves [${grads.names.join(', ')}]`,
    });
  }
  params.leaves.forEach((p, i) => {
    const g = grads.leaves[i] as Tensor;
    if (g.shape.length !== p.shape.length || g.shape.some((d, k) => d !== p.shape[k])) {
      throw new ShapeError('each gradient must have its parameter\'s shape', {
        pkg: 'optim',
        op,
        arg: `grads[${params.names[i] ?? i}]`,
        expected: `[${p.shape.join(', ')}]`,
        received: `[${g.shape.join(', ')}]`,
      });
    }
  });
}

/**
 * A tensor with `like`'s shape and dtype holding a copy of `values` (rounded to float32 when `like` is).
 * `checked`: the caller has already checked that every value is finite (tensor() skips its check).
 */
export function leafLike(values: Float64Array, like: Tensor, checked = false): Tensor {
  // tensor() copies into fresh storage of the dtype, rounding as Float32Array.from would.
  return tensor(values, checked ? { shape: like.shape, dtype: like.dtype, allowNonFinite: true } : { shape: like.shape, dtype: like.dtype });
}
