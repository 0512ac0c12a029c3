/**
 * Elementwise binary primitives with NumPy/PyTorch broadcasting, and their gradient rules (one
 * table). Gradients are summed back to each input's shape (undoing the broadcast) and cast back
 * to its dtype.
 */
import type { BinaryOp } from '../backend/backend.ts';
import { getBackend } from '../backend/registry.ts';
import { isFloat } from '../dtype.ts';
import { record } from '../autodiff/tape.ts';
import { broadcastShapes, sameShape, sizeOf } from '../shape.ts';
import { ValueError } from '../errors.ts';
import { checkElementCount } from '../validate/element-cap.ts';
import type { Tensor } from '../tensor.ts';
import type { TensorLike } from './util.ts';
import { arithmeticDType, fromBuffer, toTensors } from './util.ts';
import { broadcastView } from './broadcast.ts';
import { fuse } from '../memory/fusion.ts';
import { log, neg } from './unary.ts';
import { equal, greater } from './compare.ts';
import { where } from './where.ts';
import { sumTo } from './sum-to.ts';
import { cast } from './cast.ts';

type Grads = [Tensor | null, Tensor | null];

/** The gradients of (a, b) given the output gradient g (before undoing the broadcast). */
const BINARY_GRADS: Record<BinaryOp, (g: Tensor, a: Tensor, b: Tensor, out: Tensor, needs: readonly boolean[]) => Grads> = {
  add: (g) => [g, g],
  sub: (g, _a, _b, _o, needs) => [g, needs[1] === true ? neg(g) : null],
  mul: (g, a, b, _o, needs) => [needs[0] === true ? mul(g, b) : null, needs[1] === true ? mul(g, a) : null],
  div: (g, _a, b, out, needs) => [needs[0] === true ? div(g, b) : null, needs[1] === true ? neg(mul(g, div(out, b))) : null],
  pow: (g, a, b, out, needs) => {
    const ga = needs[0] === true ? mul(g, mul(b, pow(a, sub(b, 1)))) : null;
    let gb: Tensor | null = null;
    if (needs[1] === true) {
      // d/db a^b = a^b·ln a; taken as 0 at a = 0 (PyTorch's convention). The inner where keeps
      // log away from 0 so that no NaN leaks into higher-order gradients.
      const isZero = equal(a, 0);
      gb = mul(g, mul(out, where(isZero, 0, log(where(isZero, 1, a)))));
    }
    return [ga, gb];
  },
  maximum: (g, a, b) => {
    // Ties split the gradient evenly, as PyTorch does.
    const wa = where(greater(a, b), 1, where(equal(a, b), 0.5, 0));
    return [mul(g, wa), mul(g, sub(1, wa))];
  },
  minimum: (g, a, b) => {
    const wa = where(greater(b, a), 1, where(equal(a, b), 0.5, 0));
    return [mul(g, wa), mul(g, sub(1, wa))];
  },
};

/**
 * Sums a broadcast gradient back to `t`'s shape and dtype.
 * @param g a tensor or a number
 * @param t a tensor or a number
 * @returns a tensor of the broadcast shape, dtype promoted
 * @throws ShapeError when the shapes do not broadcast
 */
export function unbroadcast(g: Tensor, t: Tensor): Tensor {
  let r = sameShape(g.shape, t.shape) ? g : sumTo(g, t.shape);
  if (r.dtype !== t.dtype && isFloat(t.dtype)) r = cast(r, t.dtype);
  return r;
}

/** PyTorch's rule: an integer tensor to a negative integer power is an error (the result is not an integer). */
function checkIntegerExponent(b: Tensor): void {
  const d = b.data;
  for (let i = 0; i < d.length; i++) {
    if ((d[i] as number) < 0) {
      throw new ValueError('integers to negative integer powers are not allowed', {
        op: 'pow',
        arg: 'b',
        expected: 'non-negative exponents for an integer base',
        received: d[i],
        hint: "cast the base to float first: pow(a.astype('float64'), b)",
      });
    }
  }
}

function binaryOp(op: BinaryOp, a: TensorLike, b: TensorLike): Tensor {
  const [ta, tb] = toTensors(op, a, b);
  let dtype = arithmeticDType(ta.dtype, tb.dtype);
  if (op === 'div' && !isFloat(dtype)) dtype = 'float64';
  const shape = broadcastShapes(op, ta.shape, tb.shape);
  checkElementCount(sizeOf(shape), { op, arg: 'b' });
  if (op === 'pow' && !isFloat(dtype)) checkIntegerExponent(tb);
  const out = fuse(op, [ta, tb], shape, dtype) ?? fromBuffer(getBackend().binary(op, broadcastView(ta, shape), broadcastView(tb, shape), dtype), shape, dtype);
  const rule = BINARY_GRADS[op];
  return record(out, op, [ta, tb], (g, needs) => {
    const [ga, gb] = rule(g, ta, tb, out, needs);
    return [ga === null ? null : unbroadcast(ga, ta), gb === null ? null : unbroadcast(gb, tb)];
  });
}

/**
 * Elementwise a + b with broadcasting (numbers broadcast as scalars).
 * @param a any shape
 * @param b broadcastable with a
 * @returns the broadcast shape; dtype promoted (bool < int32 < float32 < float64)
 * @throws ShapeError when the shapes do not broadcast (the message names both)
 * @example
 * add(tensor([[1, 2], [3, 4]]), tensor([10, 20])).toArray(); // [[11, 22], [13, 24]]
 */
export function add(a: TensorLike, b: TensorLike): Tensor { return binaryOp('add', a, b); }
/**
 * Elementwise a − b with broadcasting.
 * @param a any shape (or a number)
 * @param b broadcastable with a (or a number)
 * @returns a tensor of the broadcast shape, dtype promoted
 * @throws ShapeError
 * @example
 * sub(tensor([3]), 1).toArray(); // [2]
 */
export function sub(a: TensorLike, b: TensorLike): Tensor { return binaryOp('sub', a, b); }
/**
 * Elementwise a · b with broadcasting.
 * @param a any shape (or a number)
 * @param b broadcastable with a (or a number)
 * @returns a tensor of the broadcast shape, dtype promoted
 * @throws ShapeError
 * @example
 * mul(tensor([2, 3]), 2).toArray(); // [4, 6]
 */
export function mul(a: TensorLike, b: TensorLike): Tensor { return binaryOp('mul', a, b); }
/**
 * Elementwise a / b with broadcasting; integer inputs give float64.
 * @param a any shape (or a number)
 * @param b broadcastable with a (or a number)
 * @returns a tensor of the broadcast shape, dtype promoted
 * @throws ShapeError
 * @example
 * div(tensor([1]), 4).toArray(); // [0.25]
 */
export function div(a: TensorLike, b: TensorLike): Tensor { return binaryOp('div', a, b); }
/**
 * Elementwise a^b with broadcasting. The gradient in b is a^b·ln a (0 where a = 0).
 * @param a base, any shape
 * @param b exponent, broadcastable with a
 * @returns the broadcast shape, dtype promoted
 * @throws ShapeError
 * @example
 * pow(tensor([2, 3]), 2).toArray(); // [4, 9]
 */
export function pow(a: TensorLike, b: TensorLike): Tensor { return binaryOp('pow', a, b); }
/**
 * Elementwise max(a, b); ties split the gradient.
 * @param a any shape (or a number)
 * @param b broadcastable with a (or a number)
 * @returns a tensor of the broadcast shape, dtype promoted
 * @throws ShapeError
 * @example
 * maximum(tensor([1, 5]), 3).toArray(); // [3, 5]
 */
export function maximum(a: TensorLike, b: TensorLike): Tensor { return binaryOp('maximum', a, b); }
/**
 * Elementwise min(a, b); ties split the gradient.
 * @param a any shape (or a number)
 * @param b broadcastable with a (or a number)
 * @returns a tensor of the broadcast shape, dtype promoted
 * @throws ShapeError
 * @example
 * minimum(tensor([1, 5]), 3).toArray(); // [1, 3]
 */
export function minimum(a: TensorLike, b: TensorLike): Tensor { return binaryOp('minimum', a, b); }
