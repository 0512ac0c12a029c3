import { getBackend } from '../backend/registry.ts';
import { ShapeError } from '../errors.ts';
import { broadcastShapes, fmtShape } from '../shape.ts';
import { record } from '../autodiff/tape.ts';
import type { Tensor } from '../tensor.ts';
import type { TensorLike } from './util.ts';
import { arithmeticDType, fromBuffer, toTensors, view } from './util.ts';
import { broadcastView } from './broadcast.ts';
import { unbroadcast, mul } from './binary.ts';
import { expandDims, flatten, squeeze, transpose } from './movement.ts';
import { sum } from './reduce.ts';

function swapLast(t: Tensor): Tensor {
  const perm = t.shape.map((_, i) => i);
  perm[t.rank - 1] = t.rank - 2;
  perm[t.rank - 2] = t.rank - 1;
  return transpose(t, perm);
}

/** The product of two rank ≥ 2 tensors with broadcast batch dims (the primitive). */
function batchedMatmul(a: Tensor, b: Tensor): Tensor {
  const m = a.shape[a.rank - 2] as number;
  const n = b.shape[b.rank - 1] as number;
  const k = a.shape[a.rank - 1] as number;
  const dtype = arithmeticDType(a.dtype, b.dtype);
  let out: Tensor;
  if (a.rank === 2 && b.rank === 2) {
    // Two matrices (a layer's product): no batch dims to broadcast.
    out = fromBuffer(getBackend().matmul(view(a), view(b), dtype), [m, n], dtype);
  } else {
    const batch = broadcastShapes('matmul', a.shape.slice(0, -2), b.shape.slice(0, -2));
    const data = getBackend().matmul(broadcastView(a, [...batch, m, k]), broadcastView(b, [...batch, k, n]), dtype);
    out = fromBuffer(data, [...batch, m, n], dtype);
  }
  return record(out, 'matmul', [a, b], (g, needs) => [
    needs[0] === true ? unbroadcast(matmul(g, swapLast(b)), a) : null,
    needs[1] === true ? unbroadcast(matmul(swapLast(a), g), b) : null,
  ]);
}

/**
 * Matrix product with NumPy semantics: `[..., m, k] @ [..., k, n] → [..., m, n]` with broadcast
 * batch dims; a 1-D `a` is a row vector and a 1-D `b` a column vector (that dim is then dropped).
 * Transposed (strided) operands run at full speed: the kernel packs them.
 * @param a `[..., m, k]` or `[k]`
 * @param b `[..., k, n]` or `[k]`
 * @returns `[...batch, m, n]` (without the dims of 1-D operands)
 * @throws ShapeError when inner dims differ, an operand is rank 0, or batch dims do not broadcast
 * @example
 * matmul(tensor([[1, 2], [3, 4]]), tensor([[1], [1]])).toArray(); // [[3], [7]]
 */
export function matmul(a: TensorLike, b: TensorLike): Tensor {
  const [ta, tb] = toTensors('matmul', a, b);
  if (ta.rank === 0 || tb.rank === 0) {
    throw new ShapeError('both operands need at least one dimension', { op: 'matmul', arg: ta.rank === 0 ? 'a' : 'b', expected: 'rank >= 1', received: 'rank 0', hint: 'use mul for scalar products' });
  }
  const A = ta.rank === 1 ? expandDims(ta, 0) : ta;
  const B = tb.rank === 1 ? expandDims(tb, 1) : tb;
  const ka = A.shape[A.rank - 1] as number;
  const kb = B.shape[B.rank - 2] as number;
  if (ka !== kb) {
    const transposeB = B.shape[B.rank - 1] === ka;
    const transposeA = !transposeB && A.shape[A.rank - 2] === kb;
    throw new ShapeError(
      `inner dimensions must match: a is ${fmtShape(ta.shape)}, b is ${fmtShape(tb.shape)} (a.shape[${ta.rank - 1}]=${ka}, b.shape[${Math.max(tb.rank - 2, 0)}]=${kb})`,
      { op: 'matmul', arg: 'b', expected: `b.shape[${Math.max(tb.rank - 2, 0)}] = ${ka}`, received: kb, hint: transposeA ? 'transpose a?' : 'transpose b?' },
    );
  }
  let out = batchedMatmul(A, B);
  if (tb.rank === 1) out = squeeze(out, -1);
  if (ta.rank === 1) out = squeeze(out, ta.rank === 1 && tb.rank === 1 ? -1 : -2);
  return out;
}

/**
 * Inner product of two 1-D tensors (for higher ranks: matmul).
 * @param a `[n]` (or any matmul operand)
 * @param b `[n]`
 * @returns a rank-0 tensor for vectors, else the matmul
 * @throws ShapeError when the lengths differ
 * @example
 * dot(tensor([1, 2, 3]), tensor([4, 5, 6])).item(); // 32
 */
export function dot(a: TensorLike, b: TensorLike): Tensor {
  const [ta, tb] = toTensors('dot', a, b);
  if (ta.rank === 1 && tb.rank === 1) {
    if (ta.size !== tb.size) {
      throw new ShapeError(`vectors must have the same length: a is ${fmtShape(ta.shape)}, b is ${fmtShape(tb.shape)}`, { op: 'dot', arg: 'b', expected: ta.size, received: tb.size });
    }
    return sum(mul(ta, tb));
  }
  return matmul(ta, tb);
}

/**
 * Outer product `out[i, j] = a[i]·b[j]` (inputs are flattened).
 * @param a `[n]` (flattened)
 * @param b `[m]` (flattened)
 * @returns `[n, m]`
 * @example
 * outer(tensor([1, 2]), tensor([1, 10])).toArray(); // [[1, 10], [2, 20]]
 */
export function outer(a: TensorLike, b: TensorLike): Tensor {
  const [ta, tb] = toTensors('outer', a, b);
  return mul(expandDims(flatten(ta), 1), expandDims(flatten(tb), 0));
}
