/** Functional reverse-mode differentiation: grad, valueAndGrad, jacobian, hessian, hvp. */
import { Tensor } from '../tensor.ts';
import { DTypeError, ShapeError, ValueError } from '../errors.ts';
import { isFloat } from '../dtype.ts';
import { fmtShape } from '../shape.ts';
import { backward } from './backward.ts';
import { closeLevel, currentMask, openLevel, withMask } from './tape.ts';
import type { Differentiable, GradOf } from './structure.ts';
import { flattenStructure } from './structure.ts';
import { full, zerosLike } from '../creation.ts';
import { fromBuffer } from '../ops/util.ts';
import { mul } from '../ops/binary.ts';
import { sum } from '../ops/reduce.ts';
import { reshape } from '../ops/movement.ts';
import { stack } from '../ops/join.ts';
import { allocate } from '../dtype.ts';

export type { Differentiable, GradOf } from './structure.ts';

/** Options of {@link grad} and {@link valueAndGrad}. */
export interface GradOptions {
  /** Which positional arguments to differentiate (default: all). A number returns that argument's gradient alone. */
  argnums?: number | readonly number[];
}

/** The gradients returned for arguments `A`: one structure for one argument, else a tuple. */
export type GradResult<A extends readonly unknown[]> = A extends readonly [infer X] ? GradOf<X> : { -readonly [K in keyof A]: GradOf<A[K]> };

/** A new leaf of level `bit` aliasing x: inner sweeps stop here; outer sweeps pass through to x. */
export function makeLeaf(op: string, x: Tensor, bit: number, path: string): Tensor {
  if (!isFloat(x.dtype)) {
    throw new DTypeError('can only differentiate with respect to float tensors', { op, arg: path, expected: 'float32 or float64', received: x.dtype, hint: "cast first: x.astype('float64')" });
  }
  const leaf = new Tensor(x._buf, x.shape, x.dtype, x._strides, x._offset);
  leaf._mask = (x._mask & currentMask()) | bit;
  leaf._node = { op: 'input', inputs: [x], vjp: (g) => [g] };
  return leaf;
}

export function checkScalarOutput(op: string, y: unknown): Tensor {
  if (!(y instanceof Tensor)) throw new ValueError('the function must return a Tensor', { op, arg: 'f', expected: 'a scalar Tensor', received: typeof y });
  if (y.size !== 1) {
    throw new ShapeError(`the function must return a scalar, got shape ${fmtShape(y.shape)}`, { op, arg: 'f', expected: 'a tensor with one element', received: y.shape.slice(), hint: 'reduce the output, e.g. .sum() or .mean(); use jacobian for vector outputs' });
  }
  if (!isFloat(y.dtype)) throw new DTypeError('the function must return a float tensor', { op, arg: 'f', expected: 'float32 or float64', received: y.dtype });
  return y;
}

/** The tensor as seen by outer levels: without the closed level's history when nobody outside needs it. */
export function release(y: Tensor, saved: number): Tensor {
  if ((y._mask & saved) !== 0) return y;
  return new Tensor(y._buf, y.shape, y.dtype, y._strides, y._offset);
}

function run(op: string, f: (...args: never) => unknown, options: GradOptions | undefined, args: readonly unknown[]): [Tensor, unknown] {
  const argnums = options?.argnums;
  const selected = argnums === undefined ? args.map((_, i) => i) : typeof argnums === 'number' ? [argnums] : argnums.slice();
  for (const i of selected) {
    if (!Number.isInteger(i) || i < 0 || i >= args.length) throw new ValueError('argnums out of range', { op, arg: 'argnums', expected: `integers in [0, ${args.length - 1}]`, received: i });
  }
  const { bit, saved } = openLevel();
  try {
    const newArgs = args.slice();
    const parts = selected.map((i) => {
      const s = flattenStructure(op, args[i], `args[${i}]`);
      const leaves = s.leaves.map((t, j) => makeLeaf(op, t, bit, `args[${i}]#${j}`));
      newArgs[i] = s.rebuild(leaves);
      return { leaves, rebuild: s.rebuild };
    });
    const y = checkScalarOutput(op, (f as (...a: unknown[]) => unknown)(...newArgs));
    const all = parts.flatMap((p) => p.leaves);
    const grads = withMask(saved, () => {
      const seed = full(y.shape, 1, { dtype: y.dtype });
      const res = backward(y, all, bit, seed).grads;
      return res.map((g, i) => g ?? zerosLike(all[i] as Tensor));
    });
    let k = 0;
    const structured = parts.map((p) => p.rebuild(p.leaves.map(() => grads[k++] as Tensor)));
    const out = argnums === undefined ? (args.length === 1 ? structured[0] : structured) : typeof argnums === 'number' ? structured[0] : structured;
    return [release(y, saved), out];
  } finally {
    closeLevel(saved);
  }
}

/**
 * The gradient function of a scalar-valued `f` (reverse mode, like JAX's `grad`). `f` may take one
 * tensor, several, or arrays/records of tensors; the gradients come back in the same structure
 * (one argument: its gradient; several: a tuple). Gradients are themselves differentiable, so
 * `grad(grad(f))` works to any order.
 * @param f a function returning a tensor with one element
 * @param options.argnums which arguments to differentiate (default all)
 * @returns `(...args) => gradients`
 * @throws ShapeError when f's output is not a scalar; DTypeError for non-float arguments
 * @example
 * const f = (t: Tensor) => t.square().mul(tensor([1, 2, -1])).sum();
 * grad(f)(tensor([1, -1, 1])).toArray(); // [2, -4, -2]
 */
export function grad<A extends Differentiable[]>(f: (...args: A) => Tensor): (...args: A) => GradResult<A>;
export function grad<A extends Differentiable[], N extends number>(f: (...args: A) => Tensor, options: { argnums: N }): (...args: A) => GradOf<A[N]>;
export function grad<A extends Differentiable[]>(f: (...args: A) => Tensor, options: { argnums: readonly number[] }): (...args: A) => GradOf<A[number]>[];
export function grad<A extends Differentiable[]>(f: (...args: A) => Tensor, options?: GradOptions): (...args: A) => unknown {
  return (...args: A) => run('grad', f, options, args)[1];
}

/**
 * Like {@link grad}, returning `[value, gradients]` from one evaluation.
 * @throws ShapeError when f's output is not a scalar
 * @example
 * const [v, g] = valueAndGrad((x: Tensor) => x.square().sum())(tensor([3]));
 * v.item(); // 9
 * g.toArray(); // [6]
 */
export function valueAndGrad<A extends Differentiable[]>(f: (...args: A) => Tensor): (...args: A) => [Tensor, GradResult<A>];
export function valueAndGrad<A extends Differentiable[], N extends number>(f: (...args: A) => Tensor, options: { argnums: N }): (...args: A) => [Tensor, GradOf<A[N]>];
export function valueAndGrad<A extends Differentiable[]>(f: (...args: A) => Tensor, options: { argnums: readonly number[] }): (...args: A) => [Tensor, GradOf<A[number]>[]];
export function valueAndGrad<A extends Differentiable[]>(f: (...args: A) => Tensor, options?: GradOptions): (...args: A) => [Tensor, unknown] {
  return (...args: A) => run('valueAndGrad', f, options, args);
}

/**
 * The Jacobian of `f: [...xShape] → [...yShape]` at x, shaped `[...yShape, ...xShape]`, by one
 * reverse sweep per output element. Differentiable (so `jacobian(grad(f))` is the Hessian).
 * @param f a function of one tensor
 * @returns `(x) => J`, J of shape `[...f(x).shape, ...x.shape]`
 * @throws ValueError when f does not return a Tensor
 * @example
 * jacobian((x: Tensor) => x.mul(tensor([2, 3])))(tensor([1, 1])).toArray(); // [[2, 0], [0, 3]]
 */
export function jacobian(f: (x: Tensor) => Tensor): (x: Tensor) => Tensor {
  return (x: Tensor) => {
    const { bit, saved } = openLevel();
    try {
      const leaf = makeLeaf('jacobian', x, bit, 'x');
      const y = f(leaf);
      if (!(y instanceof Tensor)) throw new ValueError('the function must return a Tensor', { op: 'jacobian', arg: 'f', received: typeof y });
      return withMask(saved, () => {
        const rows: Tensor[] = [];
        for (let i = 0; i < y.size; i++) {
          const seed = allocate(y.dtype, y.size);
          seed[i] = 1;
          const g = backward(y, [leaf], bit, fromBuffer(seed, y.shape, y.dtype)).grads[0];
          rows.push(g ?? zerosLike(x, { dtype: x.dtype }));
        }
        if (rows.length === 0) return reshape(zerosLike(x), [...y.shape, ...x.shape]);
        return reshape(stack(rows), [...y.shape, ...x.shape]);
      });
    } finally {
      closeLevel(saved);
    }
  };
}

/**
 * The Hessian of a scalar `f` at x, shaped `[...xShape, ...xShape]` (the Jacobian of its gradient).
 * @param f a scalar function of one tensor
 * @returns `(x) => H`, H of shape `[...x.shape, ...x.shape]`
 * @throws ShapeError when f is not scalar
 * @example
 * hessian((x: Tensor) => x.pow(3).sum())(tensor([2])).toArray(); // [[12]]
 */
export function hessian(f: (x: Tensor) => Tensor): (x: Tensor) => Tensor {
  return jacobian(grad(f));
}

/**
 * Hessian-vector products without forming the Hessian: `(x, v) => H(x)·v`, computed reverse over
 * reverse as ∇ₓ⟨∇f(x), v⟩ (two sweeps, whatever the size of x).
 * @param f a scalar function of one tensor
 * @returns `(x, v) => H(x)·v`, of x's shape
 * @throws ShapeError when f is not scalar
 * @example
 * hessianVectorProduct((x: Tensor) => x.square().sum())(tensor([1, 2]), tensor([1, 0])).toArray(); // [2, 0]
 */
export function hessianVectorProduct(f: (x: Tensor) => Tensor): (x: Tensor, v: Tensor) => Tensor {
  const g = grad(f);
  return (x: Tensor, v: Tensor) => grad((y: Tensor) => sum(mul(g(y), v)))(x);
}
