/**
 * Elementwise unary primitives and their gradient rules (one table). Each rule is written with
 * differentiable tensor ops, so gradients of gradients work to any order.
 */
import type { UnaryOp } from '../backend/backend.ts';
import { getBackend } from '../backend/registry.ts';
import { isFloat, requireFloat } from '../dtype.ts';
import { storage } from '../memory/scope.ts';
import { currentMask, record } from '../autodiff/tape.ts';
import type { Tensor } from '../tensor.ts';
import type { TensorLike } from './util.ts';
import { fromBuffer, toTensor, view } from './util.ts';
import { add, mul, sub, div } from './binary.ts';
import { greater } from './compare.ts';
import { where } from './where.ts';
import { fuse } from '../memory/fusion.ts';

const TWO_OVER_SQRT_PI = 1.1283791670955126;

/** d out / d x times g, for each unary op (null: not differentiable, zero gradient). */
const UNARY_GRADS: Record<UnaryOp, (g: Tensor, x: Tensor, out: Tensor) => Tensor | null> = {
  neg: (g) => neg(g),
  abs: (g, x) => mul(g, sign(x)),
  sign: () => null,
  square: (g, x) => mul(g, mul(x, 2)),
  sqrt: (g, _x, y) => div(g, mul(y, 2)),
  exp: (g, _x, y) => mul(g, y),
  log: (g, x) => div(g, x),
  log1p: (g, x) => div(g, add(x, 1)),
  sin: (g, x) => mul(g, cos(x)),
  cos: (g, x) => neg(mul(g, sin(x))),
  tanh: (g, _x, y) => mul(g, sub(1, square(y))),
  sigmoid: (g, _x, y) => mul(g, mul(y, sub(1, y))),
  erf: (g, x) => mul(g, mul(exp(neg(square(x))), TWO_OVER_SQRT_PI)),
  // relu(x) > 0 exactly where x > 0, so the mask is read from the output (already computed).
  relu: (g, _x, y) => reluGrad(g, y),
};

/**
 * g where relu's output y is positive, else 0: `where(greater(y, 0), g, 0)`. When no outer
 * differentiation level records (a plain backward pass), that is one pass here instead of three
 * ops (a mask, a zero and a select), with the same values; otherwise the composed form, so
 * gradients of gradients still work.
 */
function reluGrad(g: Tensor, y: Tensor): Tensor {
  if (currentMask() !== 0 || g.dtype !== y.dtype || !isFloat(g.dtype) || g.size !== y.size) return where(greater(y, 0), g, 0);
  const gv = g.data;
  const yv = y.data;
  const out = storage(g.size, g.dtype);
  for (let k = 0; k < out.length; k++) out[k] = (yv[k] as number) > 0 ? (gv[k] as number) : 0;
  return fromBuffer(out, y.shape, g.dtype);
}

const FLOAT_ONLY: ReadonlySet<UnaryOp> = new Set<UnaryOp>(['sqrt', 'exp', 'log', 'log1p', 'sin', 'cos', 'tanh', 'sigmoid', 'erf']);

function unaryOp(op: UnaryOp, x: TensorLike): Tensor {
  let t = toTensor(op, 'x', x);
  if (FLOAT_ONLY.has(op)) requireFloat(op, 'x', t.dtype);
  else if (t.dtype === 'bool') t = fromBuffer(getBackend().cast(view(t), 'int32'), t.shape, 'int32');
  const out = fuse(op, [t], t.shape, t.dtype) ?? fromBuffer(getBackend().unary(op, view(t), t.dtype), t.shape, t.dtype);
  const rule = UNARY_GRADS[op];
  return record(out, op, [t], (g) => [rule(g, t, out)]);
}

/**
 * Elementwise −x.
 * @param x any shape, any numeric dtype (bool becomes int32)
 * @returns a tensor of x's shape
 * @example
 * neg(tensor([1, -2])).toArray(); // [-1, 2]
 */
export function neg(x: TensorLike): Tensor { return unaryOp('neg', x); }
/**
 * Elementwise |x| (gradient sign(x), 0 at 0).
 * @param x any shape
 * @returns a tensor of x's shape and dtype
 * @throws ValueError when x is neither a Tensor nor a number
 * @example
 * abs(tensor([-1, 2])).toArray(); // [1, 2]
 */
export function abs(x: TensorLike): Tensor { return unaryOp('abs', x); }
/**
 * Elementwise sign: −1, 0 or 1. Not differentiable (zero gradient).
 * @param x any shape
 * @returns a tensor of x's shape and dtype
 * @throws ValueError when x is neither a Tensor nor a number
 * @example
 * sign(tensor([-3, 0, 2])).toArray(); // [-1, 0, 1]
 */
export function sign(x: TensorLike): Tensor { return unaryOp('sign', x); }
/**
 * Elementwise x².
 * @param x any shape
 * @returns a tensor of x's shape and dtype
 * @throws ValueError when x is neither a Tensor nor a number
 * @example
 * square(tensor([3])).toArray(); // [9]
 */
export function square(x: TensorLike): Tensor { return unaryOp('square', x); }
/**
 * Elementwise √x.
 * @param x any shape
 * @returns a tensor of x's shape and dtype
 * @throws DTypeError for int32/bool input
 * @example
 * sqrt(tensor([4])).toArray(); // [2]
 */
export function sqrt(x: TensorLike): Tensor { return unaryOp('sqrt', x); }
/**
 * Elementwise eˣ.
 * @param x any shape
 * @returns a tensor of x's shape and dtype
 * @throws DTypeError for int32/bool input
 * @example
 * exp(tensor([0])).toArray(); // [1]
 */
export function exp(x: TensorLike): Tensor { return unaryOp('exp', x); }
/**
 * Elementwise natural logarithm.
 * @param x a float tensor
 * @returns a tensor of x's shape
 * @throws DTypeError for int32/bool input (cast first: `x.astype('float64')`)
 * @example
 * log(tensor([1, Math.E])).toArray(); // [0, 1]
 */
export function log(x: TensorLike): Tensor { return unaryOp('log', x); }
/**
 * Elementwise log(1 + x), accurate for small x.
 * @param x any shape
 * @returns a tensor of x's shape and dtype
 * @throws DTypeError for int input
 * @example
 * log1p(tensor([0])).toArray(); // [0]
 */
export function log1p(x: TensorLike): Tensor { return unaryOp('log1p', x); }
/**
 * Elementwise sine.
 * @param x any shape
 * @returns a tensor of x's shape and dtype
 * @throws DTypeError for int input
 * @example
 * sin(tensor([0])).toArray(); // [0]
 */
export function sin(x: TensorLike): Tensor { return unaryOp('sin', x); }
/**
 * Elementwise cosine.
 * @param x any shape
 * @returns a tensor of x's shape and dtype
 * @throws DTypeError for int input
 * @example
 * cos(tensor([0])).toArray(); // [1]
 */
export function cos(x: TensorLike): Tensor { return unaryOp('cos', x); }
/**
 * Elementwise hyperbolic tangent.
 * @param x any shape
 * @returns a tensor of x's shape and dtype
 * @throws DTypeError for int input
 * @example
 * tanh(tensor([0])).toArray(); // [0]
 */
export function tanh(x: TensorLike): Tensor { return unaryOp('tanh', x); }
/**
 * Elementwise logistic sigmoid 1/(1+e^−x), stable for large |x|.
 * @param x any shape
 * @returns a tensor of x's shape and dtype
 * @throws DTypeError for int input
 * @example
 * sigmoid(tensor([0])).toArray(); // [0.5]
 */
export function sigmoid(x: TensorLike): Tensor { return unaryOp('sigmoid', x); }
/**
 * Elementwise error function erf(x) (about 1e-15 accurate).
 * @param x any shape
 * @returns a tensor of x's shape and dtype
 * @throws DTypeError for int input
 * @example
 * erf(tensor([0])).toArray(); // [0]
 */
export function erf(x: TensorLike): Tensor { return unaryOp('erf', x); }
/**
 * Elementwise max(x, 0) (gradient 0 at 0, as PyTorch).
 * @param x any shape
 * @returns a tensor of x's shape and dtype
 * @throws ValueError when x is neither a Tensor nor a number
 * @example
 * relu(tensor([-1, 2])).toArray(); // [0, 2]
 */
export function relu(x: TensorLike): Tensor { return unaryOp('relu', x); }
