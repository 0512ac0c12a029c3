import { describe, expect, it } from 'vitest';
import type { Tensor } from '../tensor.ts';
import { tensor, scalar, randNormal } from '../creation.ts';
import { rng } from '../random.ts';
import { customGrad, grad, hessian, hessianVectorProduct, jacobian, noGrad, numericalGrad, stopGradient, trace, valueAndGrad } from '../index.ts';
import { DTypeError, ShapeError } from '../errors.ts';
import { expectClose } from '../testing/index.ts';

describe('grad: the seed examples', () => {
  it('∇(θ1² + 2θ2² − θ3²) at [1, −1, 1] is [2, −4, −2]', () => {
    const f = (t: Tensor) => t.square().mul(tensor([1, 2, -1])).sum();
    expect(grad(f)(tensor([1, -1, 1])).toArray()).toEqual([2, -4, -2]);
  });

  it('the second derivative of x³ at x = 2 is 12 (grad of grad)', () => {
    const cube = (x: Tensor) => x.pow(3);
    expect(grad(grad(cube))(scalar(2)).item()).toBe(12);
    expect(grad(grad(grad(cube)))(scalar(2)).item()).toBe(6);
    expect(grad(grad(grad(grad(cube))))(scalar(2)).item()).toBe(0);
  });

  it('the Hessian of xᵀAx is A + Aᵀ', () => {
    const A = randNormal(rng(3), [4, 4]);
    const H = hessian((x: Tensor) => x.matmul(A.matmul(x)))(randNormal(rng(4), [4]));
    expectClose(H, A.add(A.transpose()), { rtol: 1e-12, atol: 1e-12 });
  });
});

describe('grad: argument structures', () => {
  it('several tensors give a tuple of gradients', () => {
    const [ga, gb] = grad((a: Tensor, b: Tensor) => a.mul(b).sum())(tensor([1, 2]), tensor([3, 4]));
    expect(ga.toArray()).toEqual([3, 4]);
    expect(gb.toArray()).toEqual([1, 2]);
  });

  it('records and arrays come back in the same structure', () => {
    const params = { w: tensor([[1, 2], [3, 4]]), b: tensor([0.5, -0.5]), extra: [tensor(2)] };
    const g = grad((p: typeof params) => p.w.sum(0).add(p.b).mul(p.extra[0] as Tensor).sum())(params);
    expect(g.w.toArray()).toEqual([[2, 2], [2, 2]]);
    expect(g.b.toArray()).toEqual([2, 2]);
    expect((g.extra[0] as Tensor).item()).toBe(10);
  });

  it('argnums selects arguments', () => {
    const f = (a: Tensor, b: Tensor) => a.mul(b).sum();
    expect(grad(f, { argnums: 1 })(tensor([1, 2]), tensor([3, 4])).toArray()).toEqual([1, 2]);
    const gs = grad(f, { argnums: [1, 0] })(tensor([1, 2]), tensor([3, 4]));
    expect(gs.map((g) => g.toArray())).toEqual([[1, 2], [3, 4]]);
  });

  it('numbers are differentiable scalars', () => {
    expect(grad((x: number | Tensor) => scalar(3).mul(x).square())(2).item()).toBe(36);
  });

  it('gradients keep the dtype of each input, also when float32 meets float64', () => {
    const x = tensor([1, 2], { dtype: 'float32' });
    const gx = grad((t: Tensor) => t.mul(tensor([0.5, 0.25])).sum())(x);
    expect(gx.dtype).toBe('float32');
    expect(gx.toArray()).toEqual([0.5, 0.25]);
    const g32 = grad((t: Tensor) => t.square().sum())(x);
    expect(g32.dtype).toBe('float32');
    expect(g32.toArray()).toEqual([2, 4]);
  });

  it('an unused input gets a zero gradient', () => {
    const [, gb] = grad((a: Tensor, _b: Tensor) => a.sum())(tensor([1]), tensor([5, 6]));
    expect(gb.toArray()).toEqual([0, 0]);
  });

  it('valueAndGrad returns the value too', () => {
    const [v, g] = valueAndGrad((x: Tensor) => x.square().sum())(tensor([3, 4]));
    expect(v.item()).toBe(25);
    expect(g.toArray()).toEqual([6, 8]);
  });

  it('rejects non-scalar outputs and integer inputs', () => {
    expect(() => grad((x: Tensor) => x.mul(2))(tensor([1, 2]))).toThrow(ShapeError);
    expect(() => grad((x: Tensor) => x.sum())(tensor([1, 2], { dtype: 'int32' }))).toThrow(DTypeError);
  });
});

describe('higher order and control', () => {
  it('mixed partials: ∂²(x²y³)/∂x∂y = 6xy²', () => {
    const f = (x: Tensor, y: Tensor) => x.square().mul(y.pow(3));
    const dfdx = (x: Tensor, y: Tensor) => grad(f, { argnums: 0 })(x, y);
    const d2 = grad((x: Tensor, y: Tensor) => dfdx(x, y), { argnums: 1 })(scalar(2), scalar(3));
    expect(d2.item()).toBe(6 * 2 * 9);
  });

  it('levels do not mix (no perturbation confusion): d/dx [x · d/dy (x + y)] = 1', () => {
    const outer = grad((x: Tensor) => x.mul(grad((y: Tensor) => x.add(y))(scalar(1))));
    expect(outer(scalar(5)).item()).toBe(1);
  });

  it('jacobian of an elementwise map is diagonal', () => {
    const J = jacobian((x: Tensor) => x.square())(tensor([1, 2, 3]));
    expect(J.toArray()).toEqual([[2, 0, 0], [0, 4, 0], [0, 0, 6]]);
  });

  it('hessianVectorProduct matches hessian · v', () => {
    const f = (x: Tensor) => x.exp().sum().mul(x.square().sum());
    const x = tensor([0.1, -0.3, 0.2]);
    const v = tensor([1, 2, -1]);
    expectClose(hessianVectorProduct(f)(x, v), hessian(f)(x).matmul(v), { rtol: 1e-12, atol: 1e-12 });
  });

  it('stopGradient treats a value as a constant', () => {
    expect(grad((x: Tensor) => x.mul(stopGradient(x)).sum())(tensor([3])).toArray()).toEqual([3]);
  });

  it('noGrad records nothing', () => {
    const g = grad((x: Tensor) => x.add(noGrad(() => x.square())).sum())(tensor([3]));
    expect(g.toArray()).toEqual([1]);
  });

  it('customGrad supplies its own rule, and it is used for higher orders', () => {
    const ste = customGrad((x: Tensor) => x.add(0.5).astype('int32').astype('float64'), (g) => [g]);
    expect(ste(tensor([1.2, 2.7])).toArray()).toEqual([1, 3]);
    expect(grad((x: Tensor) => ste(x).sum())(tensor([1.2, 2.7])).toArray()).toEqual([1, 1]);
    const mySquare = customGrad((x: Tensor) => x.mul(x), (g, _out, [x]) => [g.mul(x).mul(2)]);
    expect(grad(grad((x: Tensor) => mySquare(x).sum()))(scalar(3)).item()).toBe(2);
  });

  it('a customGrad rule returning the wrong shape is named in a ShapeError', () => {
    const bad = customGrad((x: Tensor) => x.sum(), (g) => [g], { name: 'mySum' });
    expect(() => grad((x: Tensor) => bad(x))(tensor([1, 2]))).toThrow(/gradient rule of mySum returned a gradient of the wrong shape/);
  });

  it('returned values and gradients carry no graph (nothing leaks across calls)', () => {
    const [v, g] = valueAndGrad((x: Tensor) => x.exp().sum())(tensor([1, 2]));
    expect(v._node).toBeUndefined();
    expect(g._node).toBeUndefined();
    expect(v._mask).toBe(0);
    expect(g._mask).toBe(0);
    const plain = tensor([1, 2]).exp();
    expect(plain._node).toBeUndefined();
  });

  it('numericalGrad: central beats forward at the default steps', () => {
    const f = (x: Tensor) => x.exp().sum();
    const x = tensor([0.3, -1.1]);
    const exact = x.exp();
    const c = numericalGrad(f, x, { method: 'central' });
    const fw = numericalGrad(f, x, { method: 'forward' });
    expectClose(c, exact, { rtol: 1e-9, atol: 0 });
    expectClose(fw, exact, { rtol: 1e-6, atol: 0 });
  });
});

describe('trace', () => {
  it('records ops by name with values and gradients', () => {
    const g = trace((a: Tensor, b: Tensor) => a.mul(b).add(a.square()).sum(), [tensor([2]), tensor([3])]);
    expect(g.nodes.map((n) => n.op)).toEqual(['input', 'input', 'mul', 'square', 'add', 'sum']);
    expect(g.inputIds).toEqual([0, 1]);
    expect(g.outputId).toBe(5);
    expect(g.nodes[0]?.grad?.toArray()).toEqual([7]);
    expect(g.nodes[1]?.grad?.toArray()).toEqual([2]);
    expect(g.nodes[4]?.inputs).toEqual([2, 3]);
    expect(g.nodes[5]?.value.item()).toBe(10);
  });

  it('constants appear as const nodes', () => {
    const g = trace((x: Tensor) => x.mul(3).sum(), [tensor([1, 2])]);
    expect(g.nodes.map((n) => n.op)).toEqual(['input', 'const', 'mul', 'sum']);
    expect(g.nodes[1]?.inputs).toEqual([]);
    expect(g.nodes[1]?.grad).toBeUndefined();
  });

  it('trace(matrix) is the matrix trace', () => {
    expect(trace(tensor([[1, 2], [3, 4]])).item()).toBe(5);
  });
});
