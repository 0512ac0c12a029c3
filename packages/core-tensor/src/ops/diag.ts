import { ShapeError } from '../errors.ts';
import { fmtShape } from '../shape.ts';
import { record } from '../autodiff/tape.ts';
import { Tensor } from '../tensor.ts';
import type { TensorLike } from './util.ts';
import { fromBuffer, toTensor } from './util.ts';
import { allocate } from '../dtype.ts';
import { mul } from './binary.ts';
import { expandDims } from './movement.ts';
import { sum } from './reduce.ts';

function eyeLike(n: number, m: number, t: Tensor): Tensor {
  const buf = allocate(t.dtype === 'bool' ? 'int32' : t.dtype, n * m);
  for (let i = 0; i < Math.min(n, m); i++) buf[i * m + i] = 1;
  return fromBuffer(buf, [n, m], t.dtype === 'bool' ? 'int32' : t.dtype);
}

/** The [m, n] matrix with `v` (length min(m, n)) on its diagonal, composed from eye · v. */
function embed(v: Tensor, m: number, n: number): Tensor {
  const e = eyeLike(m, n, v);
  return m >= n ? mul(e, expandDims(v, 0)) : mul(e, expandDims(v, 1));
}

/**
 * The diagonal: a 1-D `[n]` tensor becomes the `[n, n]` matrix with it on the diagonal; a 2-D
 * `[m, n]` matrix gives its diagonal `[min(m, n)]` (a strided view).
 * @param x `[n]` or `[m, n]`
 * @returns `[n, n]` or `[min(m, n)]`
 * @throws ShapeError for other ranks
 * @example
 * diag(tensor([1, 2])).toArray();               // [[1, 0], [0, 2]]
 * diag(tensor([[1, 2], [3, 4]])).toArray();     // [1, 4]
 */
export function diag(x: TensorLike): Tensor {
  const t = toTensor('diag', 'x', x);
  if (t.rank === 1) return embed(t, t.size, t.size);
  if (t.rank !== 2) throw new ShapeError(`diag needs a 1-D or 2-D tensor, got shape ${fmtShape(t.shape)}`, { op: 'diag', arg: 'x', expected: 'rank 1 or 2', received: t.rank });
  const [m, n] = t.shape as [number, number];
  const k = Math.min(m, n);
  const out = new Tensor(t._buf, [k], t.dtype, [(t._strides[0] as number) + (t._strides[1] as number)], t._offset);
  return record(out, 'diag', [t], (g) => [embed(g, m, n)]);
}

/**
 * The trace of a matrix: the sum of its diagonal.
 * @param x `[m, n]`
 * @returns a rank-0 tensor
 * @throws ShapeError unless x is 2-D
 * @example
 * matrixTrace(tensor([[1, 2], [3, 4]])).item(); // 5
 */
export function matrixTrace(x: TensorLike): Tensor {
  const t = toTensor('trace', 'x', x);
  if (t.rank !== 2) throw new ShapeError(`trace needs a matrix, got shape ${fmtShape(t.shape)}`, { op: 'trace', arg: 'x', expected: 'rank 2', received: t.rank });
  return sum(diag(t));
}
