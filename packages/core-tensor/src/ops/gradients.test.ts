/**
 * Every differentiable op, gradient-checked in float64 against central finite differences over
 * random shapes (fast-check), including broadcasting. Each test reduces the op's output with a
 * random weight so that every output element carries a distinct gradient.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Tensor } from '../tensor.ts';
import { randNormal, randUniform } from '../creation.ts';
import { rng } from '../random.ts';
import type { Rng } from '../random.ts';
import { gradCheck } from '../testing/index.ts';
import * as T from '../index.ts';

const RUNS = 20;
const dim = fc.integer({ min: 1, max: 3 });
const shapeArb = (minRank = 0, maxRank = 3) => fc.array(dim, { minLength: minRank, maxLength: maxRank });

/** A shape b that broadcasts against a: some leading dims dropped, some dims set to 1. */
const broadcastPair = shapeArb(0, 3).chain((a) =>
  fc.tuple(fc.constant(a), fc.integer({ min: 0, max: a.length }), fc.array(fc.boolean(), { minLength: a.length, maxLength: a.length })).map(([s, drop, ones]) => {
    const b = s.slice(drop).map((d, i) => (ones[i + drop] === true ? 1 : d));
    return [s, b] as const;
  }),
);

const seedArb = fc.integer({ min: 0, max: 1_000_000 });

function normal(r: Rng, shape: readonly number[]): Tensor {
  return randNormal(r, shape);
}
/** Values with |x| in [0.5, 2.5], away from kinks and poles. */
function awayFromZero(r: Rng, shape: readonly number[]): Tensor {
  const u = randUniform(r, shape, { low: 0.5, high: 2.5 });
  const s = randUniform(r, shape, { low: -1, high: 1 }).sign();
  return u.mul(s);
}
function positive(r: Rng, shape: readonly number[]): Tensor {
  return randUniform(r, shape, { low: 0.3, high: 2.5 });
}

/** Reduces y to a scalar with a fixed random weight (seeded from the output shape). */
function weighted(y: Tensor): Tensor {
  const w = randNormal(rng(y.size * 7 + y.rank), y.shape);
  return y.mul(w).sum();
}

function checkUnary(name: string, op: (x: Tensor) => Tensor, gen: (r: Rng, s: readonly number[]) => Tensor = normal): void {
  it(`${name}`, () => {
    fc.assert(
      fc.property(shapeArb(), seedArb, (shape, seed) => {
        gradCheck((x) => weighted(op(x)), [gen(rng(seed), shape)]);
      }),
      { numRuns: RUNS },
    );
  });
}

function checkBinary(name: string, op: (a: Tensor, b: Tensor) => Tensor, genA: (r: Rng, s: readonly number[]) => Tensor = normal, genB: (r: Rng, s: readonly number[]) => Tensor = normal): void {
  it(`${name} with broadcasting`, () => {
    fc.assert(
      fc.property(broadcastPair, seedArb, fc.boolean(), ([sa, sb], seed, swap) => {
        const r = rng(seed);
        const [shapeA, shapeB] = swap ? [sb, sa] : [sa, sb];
        gradCheck((a, b) => weighted(op(a, b)), [genA(r, shapeA), genB(r, shapeB)]);
      }),
      { numRuns: RUNS },
    );
  });
}

describe('gradients of elementwise unary ops', () => {
  checkUnary('neg', T.neg);
  checkUnary('abs', T.abs, awayFromZero);
  checkUnary('sign (zero gradient)', (x) => T.sign(x).add(x), awayFromZero);
  checkUnary('square', T.square);
  checkUnary('sqrt', T.sqrt, positive);
  checkUnary('exp', T.exp);
  checkUnary('log', T.log, positive);
  checkUnary('log1p', T.log1p, positive);
  checkUnary('sin', T.sin);
  checkUnary('cos', T.cos);
  checkUnary('tanh', T.tanh);
  checkUnary('sigmoid', T.sigmoid);
  checkUnary('erf', T.erf);
  checkUnary('relu', T.relu, awayFromZero);
  checkUnary('leakyRelu', (x) => T.leakyRelu(x, 0.2), awayFromZero);
  checkUnary('softplus', T.softplus);
  checkUnary('gelu (erf)', (x) => T.gelu(x));
  checkUnary('gelu (tanh)', (x) => T.gelu(x, { approximate: 'tanh' }));
  checkUnary('clip', (x) => T.clip(x, -1, 1), (r, s) => awayFromZero(r, s).mul(0.7).add(0.05));
  checkUnary('pow with a scalar exponent', (x) => T.pow(x, 3));
  it('relu passes g where x > 0 and 0 elsewhere (at 0, for NaN), the same in a plain backward pass and under an outer level', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const x = T.tensor([-1, 0, 2, Number.NaN, 3], { dtype, allowNonFinite: true });
      const w = T.tensor([3, 4, 5, 6, -7], { dtype });
      const g = T.grad((t: Tensor) => T.relu(t).mul(w).sum())(x);
      expect(g.dtype).toBe(dtype);
      expect(g.toArray()).toEqual([0, 0, 5, 0, -7]);
      // The gradient inside an outer level (composed from differentiable ops): same values.
      const inner = T.grad((s: Tensor) => T.grad((t: Tensor) => T.relu(t).mul(w).mul(s).sum())(x).sum())(T.tensor(1, { dtype }));
      expect(inner.item()).toBe(5 - 7);
    }
  });
  it('cast float64 → float32 passes the gradient through (cast back)', () => {
    const x = T.tensor([0.5, -1.25]);
    const w = T.tensor([3, -2], { dtype: 'float32' });
    const g = T.grad((t: Tensor) => T.cast(t, 'float32').mul(w).sum())(x);
    expect(g.dtype).toBe('float64');
    expect(g.toArray()).toEqual([3, -2]);
    expect(T.grad((t: Tensor) => T.cast(t, 'int32').astype('float64').sum())(x).toArray()).toEqual([0, 0]);
  });
});

describe('gradients of binary ops', () => {
  checkBinary('add', T.add);
  checkBinary('sub', T.sub);
  checkBinary('mul', T.mul);
  checkBinary('div', T.div, normal, awayFromZero);
  checkBinary('pow', T.pow, positive, normal);
  checkBinary('maximum', T.maximum);
  checkBinary('minimum', T.minimum);
  checkBinary('where', (a, b) => T.where(T.greater(a, 0), a, b));
});

describe('gradients of reductions and normalizers', () => {
  const reduceCase = (name: string, op: (x: Tensor, axis: number | undefined, keepDims: boolean) => Tensor): void => {
    it(name, () => {
      fc.assert(
        fc.property(shapeArb(1, 3), seedArb, fc.integer({ min: -1, max: 2 }), fc.boolean(), (shape, seed, axisPick, keepDims) => {
          const axis = axisPick < 0 ? undefined : axisPick % shape.length;
          gradCheck((x) => weighted(op(x, axis, keepDims)), [normal(rng(seed), shape)]);
        }),
        { numRuns: RUNS },
      );
    });
  };
  reduceCase('sum', (x, axis, keepDims) => T.sum(x, axis, { keepDims }));
  reduceCase('mean', (x, axis, keepDims) => T.mean(x, axis, { keepDims }));
  reduceCase('variance', (x, axis, keepDims) => T.variance(x, axis, { keepDims }));
  reduceCase('max', (x, axis, keepDims) => T.max(x, axis, { keepDims }));
  reduceCase('min', (x, axis, keepDims) => T.min(x, axis, { keepDims }));
  reduceCase('logSumExp', (x, axis, keepDims) => T.logSumExp(x, axis, { keepDims }));
  reduceCase('softmax', (x, axis) => T.softmax(x, axis ?? -1));
  reduceCase('logSoftmax', (x, axis) => T.logSoftmax(x, axis ?? -1));
  reduceCase('norm (L2)', (x, axis, keepDims) => T.norm(x, { ord: 2, ...(axis === undefined ? {} : { axis }), keepDims }));
  it('variance (unbiased)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 3 }), seedArb, (shape, seed) => {
        gradCheck((x) => weighted(T.variance(x, 0, { correction: 1 })), [normal(rng(seed), shape)]);
      }),
      { numRuns: RUNS },
    );
  });
  it('norm (L1)', () => {
    fc.assert(
      fc.property(shapeArb(1, 3), seedArb, (shape, seed) => {
        gradCheck((x) => weighted(T.norm(x, { ord: 1, axis: -1 })), [awayFromZero(rng(seed), shape)]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('gradients of products', () => {
  it('matmul with broadcast batch dims and 1-D operands', () => {
    const batchArb = fc.array(dim, { maxLength: 2 });
    fc.assert(
      fc.property(dim, dim, dim, batchArb, fc.integer({ min: 0, max: 4 }), seedArb, (m, k, n, batch, mode, seed) => {
        const r = rng(seed);
        const shapes: [number[], number[]][] = [
          [[...batch, m, k], [k, n]],
          [[m, k], [...batch, k, n]],
          [[k], [...batch, k, n]],
          [[...batch, m, k], [k]],
          [[k], [k]],
        ];
        const [sa, sb] = shapes[mode] as [number[], number[]];
        gradCheck((a, b) => weighted(T.matmul(a, b)), [normal(r, sa), normal(r, sb)]);
      }),
      { numRuns: RUNS },
    );
  });
  it('matmul of transposed operands', () => {
    fc.assert(
      fc.property(dim, dim, dim, seedArb, (m, k, n, seed) => {
        const r = rng(seed);
        gradCheck((a, b) => weighted(T.matmul(T.transpose(a), T.transpose(b))), [normal(r, [k, m]), normal(r, [n, k])]);
      }),
      { numRuns: RUNS },
    );
  });
  it('linear (x·wᵀ + b, one op) for rank 1 to 3 inputs, with and without bias, matching its composed form', () => {
    const batchArb = fc.array(dim, { maxLength: 2 });
    fc.assert(
      fc.property(dim, dim, batchArb, fc.boolean(), seedArb, (inF, outF, batch, bias, seed) => {
        const r = rng(seed);
        const x = normal(r, [...batch, inF]);
        const w = normal(r, [outF, inF]);
        const b = normal(r, [outF]);
        if (bias) gradCheck((xx, ww, bb) => weighted(T.linear(xx, ww, bb)), [x, w, b]);
        else gradCheck((xx, ww) => weighted(T.linear(xx, ww)), [x, w]);
        const composed = T.add(T.matmul(x, T.transpose(w)), b);
        expect(T.linear(x, w, b).toArray()).toEqual(composed.toArray());
      }),
      { numRuns: RUNS },
    );
  });
  it('linear: grad of grad (the gradient is made of differentiable ops)', () => {
    const r = rng(5);
    const w = normal(r, [3, 2]);
    gradCheck((x) => T.sum(T.square(T.grad((xx: Tensor) => weighted(T.square(T.linear(xx, w))))(x))), [normal(r, [4, 2])]);
  });
  it('softmaxCrossEntropy against finite differences and against −logSoftmax[target]', () => {
    fc.assert(
      fc.property(fc.array(dim, { maxLength: 2 }), fc.integer({ min: 1, max: 5 }), seedArb, (rows, c, seed) => {
        const r = rng(seed);
        const x = T.mul(normal(r, [...rows, c]), 3);
        const n = rows.reduce((a, b) => a * b, 1);
        const t = T.tensor(Array.from({ length: n }, (_, i) => (i * 7 + seed) % c), { shape: rows, dtype: 'int32' });
        gradCheck((xx) => weighted(T.softmaxCrossEntropy(xx, t)), [x]);
        const ref = T.neg(T.sum(T.mul(T.logSoftmax(x, -1), T.oneHot(t, c)), -1));
        const got = T.softmaxCrossEntropy(x, t).data;
        ref.data.forEach((v, i) => expect(Math.abs((got[i] as number) - v)).toBeLessThan(1e-12));
      }),
      { numRuns: RUNS },
    );
  });
  it('softmaxCrossEntropy: grad of grad, and finite for logits of any size', () => {
    const r = rng(6);
    const t = T.tensor([0, 2, 1], { dtype: 'int32' });
    gradCheck((x) => T.sum(T.square(T.grad((xx: Tensor) => weighted(T.softmaxCrossEntropy(xx, t)))(x))), [normal(r, [3, 3])]);
    expect(T.softmaxCrossEntropy(T.tensor([[1000, 0, -1000]]), T.tensor([1])).item()).toBeCloseTo(1000, 9);
  });
  it('dot and outer', () => {
    fc.assert(
      fc.property(dim, dim, seedArb, (n, m, seed) => {
        const r = rng(seed);
        gradCheck((a, b) => T.dot(a, b), [normal(r, [n]), normal(r, [n])]);
        gradCheck((a, b) => weighted(T.outer(a, b)), [normal(r, [n]), normal(r, [m])]);
      }),
      { numRuns: RUNS },
    );
  });
  it('diag and trace', () => {
    fc.assert(
      fc.property(dim, dim, seedArb, (m, n, seed) => {
        const r = rng(seed);
        gradCheck((a) => weighted(T.diag(a)), [normal(r, [m, n])]);
        gradCheck((v) => weighted(T.diag(v)), [normal(r, [n])]);
        gradCheck((a) => T.trace(a), [normal(r, [m, n])]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('gradients of movement and indexing ops', () => {
  const moveCase = (name: string, op: (x: Tensor) => Tensor, minRank = 1): void => {
    it(name, () => {
      fc.assert(
        fc.property(shapeArb(minRank, 3), seedArb, (shape, seed) => {
          gradCheck((x) => weighted(op(x)), [normal(rng(seed), shape)]);
        }),
        { numRuns: RUNS },
      );
    });
  };
  moveCase('reshape', (x) => T.reshape(x, [-1]));
  moveCase('transpose then reshape (copying path)', (x) => T.reshape(T.transpose(x), [x.size]));
  moveCase('permute', (x) => T.permute(x, x.shape.map((_, i) => (i + 1) % x.rank)));
  moveCase('expandDims and squeeze', (x) => T.squeeze(T.expandDims(x, 0), 0).mul(T.expandDims(x, -1).squeeze(-1)), 0);
  moveCase('broadcastTo', (x) => T.broadcastTo(x, [2, ...x.shape]), 0);
  moveCase('slice', (x) => T.slice(x, x.shape.map((d) => (d > 1 ? 1 : 0)), x.shape.map((d) => (d > 1 ? d - 1 : 1))));
  moveCase('pad', (x) => T.pad(x, x.shape.map(() => 1), x.shape.map((d) => d + 2)));
  moveCase('concat and stack', (x) => T.concat([x, T.mul(x, 2), T.stack([x, x], 0).sum(0)], 0));
  moveCase('split', (x) => {
    const parts = T.split(x, [1, (x.shape[0] as number) - 1], 0);
    return T.mul(T.sum(parts[0] as Tensor), T.sum(parts[1] as Tensor).add(1));
  });
  moveCase('gather with repeated indices', (x) => T.gather(x, T.tensor([0, (x.shape[0] as number) - 1, 0], { dtype: 'int32' }), 0));
  moveCase('take (flattened) with a 2-D index tensor', (x) => T.take(x, T.tensor([[0, x.size - 1], [0, 0]], { dtype: 'int32' })));
  moveCase('contiguous of a transposed view', (x) => T.contiguous(T.transpose(x)));
});
