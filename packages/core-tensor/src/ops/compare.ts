/** Elementwise comparisons: bool results, not differentiable (no gradient flows through them). */
import type { CompareOp } from '../backend/backend.ts';
import { getBackend } from '../backend/registry.ts';
import type { Tensor } from '../tensor.ts';
import type { TensorLike } from './util.ts';
import { fromBuffer, toTensors } from './util.ts';
import { broadcastShapes } from '../shape.ts';
import { broadcastView } from './broadcast.ts';

function compareOp(op: CompareOp, a: TensorLike, b: TensorLike): Tensor {
  const [ta, tb] = toTensors(op, a, b);
  const shape = broadcastShapes(op, ta.shape, tb.shape);
  return fromBuffer(getBackend().compare(op, broadcastView(ta, shape), broadcastView(tb, shape)), shape, 'bool');
}

/**
 * Elementwise `a == b` with broadcasting, as a bool tensor (not differentiable).
 * @param a any shape
 * @param b broadcastable with a
 * @returns bool tensor of the broadcast shape
 * @throws ShapeError when the shapes do not broadcast
 * @example
 * equal(tensor([1, 2]), 2).toArray(); // [0, 1]
 */
export function equal(a: TensorLike, b: TensorLike): Tensor { return compareOp('equal', a, b); }
/**
 * Elementwise `a != b` (bool).
 * @param a any shape (or a number)
 * @param b broadcastable with a (or a number)
 * @returns a bool tensor of the broadcast shape
 * @throws ShapeError
 * @example
 * notEqual(tensor([1, 2]), 2).toArray(); // [1, 0]
 */
export function notEqual(a: TensorLike, b: TensorLike): Tensor { return compareOp('notEqual', a, b); }
/**
 * Elementwise `a < b` (bool).
 * @param a any shape (or a number)
 * @param b broadcastable with a (or a number)
 * @returns a bool tensor of the broadcast shape
 * @throws ShapeError
 * @example
 * less(tensor([1, 2]), 2).toArray(); // [1, 0]
 */
export function less(a: TensorLike, b: TensorLike): Tensor { return compareOp('less', a, b); }
/**
 * Elementwise `a <= b` (bool).
 * @param a any shape (or a number)
 * @param b broadcastable with a (or a number)
 * @returns a bool tensor of the broadcast shape
 * @throws ShapeError
 * @example
 * lessEqual(tensor([1, 3]), 2).toArray(); // [1, 0]
 */
export function lessEqual(a: TensorLike, b: TensorLike): Tensor { return compareOp('lessEqual', a, b); }
/**
 * Elementwise `a > b` (bool).
 * @param a any shape (or a number)
 * @param b broadcastable with a (or a number)
 * @returns a bool tensor of the broadcast shape
 * @throws ShapeError
 * @example
 * greater(tensor([1, 3]), 2).toArray(); // [0, 1]
 */
export function greater(a: TensorLike, b: TensorLike): Tensor { return compareOp('greater', a, b); }
/**
 * Elementwise `a >= b` (bool).
 * @param a any shape (or a number)
 * @param b broadcastable with a (or a number)
 * @returns a bool tensor of the broadcast shape
 * @throws ShapeError
 * @example
 * greaterEqual(tensor([1, 2]), 2).toArray(); // [0, 1]
 */
export function greaterEqual(a: TensorLike, b: TensorLike): Tensor { return compareOp('greaterEqual', a, b); }
