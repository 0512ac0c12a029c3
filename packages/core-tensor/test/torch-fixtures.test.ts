/** Values and gradients of core-tensor ops against PyTorch (fixtures from make_torch_fixtures.py). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as T from '../src/index.ts';
import type { NestedArray, Tensor } from '../src/index.ts';
import { expectClose } from '../src/testing/index.ts';

interface Case {
  name: string;
  params: { axis?: number | number[]; slope?: number; low?: number; high?: number; indices?: number[] };
  inputs: NestedArray[];
  weight: NestedArray;
  output: NestedArray;
  grads: (NestedArray | null)[];
}
const fixtures = JSON.parse(readFileSync(new URL('./fixtures/torch.json', import.meta.url), 'utf8')) as {
  cases: Case[];
  hessian: { x: number[]; h: number[][] };
};

type Op = (p: Case['params'], ...xs: Tensor[]) => Tensor;
const first = (xs: Tensor[]): Tensor => xs[0] as Tensor;
const axis = (p: Case['params']): number => p.axis as number;

const OPS: Record<string, Op> = {
  exp: (_p, x) => T.exp(x as Tensor),
  log: (_p, x) => T.log(x as Tensor),
  log1p: (_p, x) => T.log1p(x as Tensor),
  sqrt: (_p, x) => T.sqrt(x as Tensor),
  square: (_p, x) => T.square(x as Tensor),
  abs: (_p, x) => T.abs(x as Tensor),
  sin: (_p, x) => T.sin(x as Tensor),
  cos: (_p, x) => T.cos(x as Tensor),
  tanh: (_p, x) => T.tanh(x as Tensor),
  sigmoid: (_p, x) => T.sigmoid(x as Tensor),
  erf: (_p, x) => T.erf(x as Tensor),
  relu: (_p, x) => T.relu(x as Tensor),
  softplus: (_p, x) => T.softplus(x as Tensor),
  gelu: (_p, x) => T.gelu(x as Tensor),
  geluTanh: (_p, x) => T.gelu(x as Tensor, { approximate: 'tanh' }),
  leakyRelu: (p, x) => T.leakyRelu(x as Tensor, p.slope),
  clip: (p, x) => T.clip(x as Tensor, p.low as number, p.high as number),
  add: (_p, a, b) => T.add(a as Tensor, b as Tensor),
  sub: (_p, a, b) => T.sub(a as Tensor, b as Tensor),
  mul: (_p, a, b) => T.mul(a as Tensor, b as Tensor),
  div: (_p, a, b) => T.div(a as Tensor, b as Tensor),
  pow: (_p, a, b) => T.pow(a as Tensor, b as Tensor),
  maximum: (_p, a, b) => T.maximum(a as Tensor, b as Tensor),
  minimum: (_p, a, b) => T.minimum(a as Tensor, b as Tensor),
  where: (_p, a, b) => T.where(T.greater(a as Tensor, 0), a as Tensor, b as Tensor),
  sum: (p, x) => T.sum(x as Tensor, axis(p)),
  sumKeep: (p, x) => T.sum(x as Tensor, p.axis, { keepDims: true }),
  mean: (p, x) => T.mean(x as Tensor, axis(p)),
  variance: (p, x) => T.variance(x as Tensor, axis(p)),
  varianceUnbiased: (p, x) => T.variance(x as Tensor, axis(p), { correction: 1 }),
  max: (p, x) => T.max(x as Tensor, axis(p)),
  min: (p, x) => T.min(x as Tensor, axis(p)),
  logSumExp: (p, x) => T.logSumExp(T.mul(x as Tensor, 30), axis(p)),
  softmax: (p, x) => T.softmax(T.mul(x as Tensor, 10), axis(p)),
  logSoftmax: (p, x) => T.logSoftmax(x as Tensor, axis(p)),
  norm2: (p, x) => T.norm(x as Tensor, { ord: 2, axis: axis(p) }),
  norm1: (p, x) => T.norm(x as Tensor, { ord: 1, axis: axis(p) }),
  matmul: (_p, a, b) => T.matmul(a as Tensor, b as Tensor),
  matmulBatchBroadcast: (_p, a, b) => T.matmul(a as Tensor, b as Tensor),
  matmulVec: (_p, a, b) => T.matmul(a as Tensor, b as Tensor),
  gather: (p, x) => T.gather(x as Tensor, p.indices as number[]),
  concat: (p, a, b) => T.concat([a as Tensor, b as Tensor], axis(p)),
  mlp: (_p, x, w, b) => T.logSoftmax(T.tanh(T.add(T.matmul(x as Tensor, w as Tensor), b as Tensor))),
};

describe('matches PyTorch (float64)', () => {
  it('covers every fixture case', () => {
    expect(fixtures.cases.length).toBeGreaterThan(40);
    for (const c of fixtures.cases) expect(Object.keys(OPS)).toContain(c.name);
  });

  for (const c of fixtures.cases) {
    it(`${c.name} ${c.inputs.map((x) => JSON.stringify(T.tensor(x).shape)).join(' ')}`, () => {
      const op = OPS[c.name] as Op;
      const xs = c.inputs.map((x) => T.tensor(x));
      expectClose(op(c.params, ...xs), c.output, { rtol: 1e-12, atol: 1e-12 });
      const w = T.tensor(c.weight);
      const grads = T.grad((...args: Tensor[]) => T.sum(T.mul(op(c.params, ...args), w)), { argnums: xs.map((_, i) => i) })(...xs);
      c.grads.forEach((g, i) => {
        if (g !== null) expectClose(grads[i] as Tensor, g, { rtol: 1e-11, atol: 1e-12 });
      });
      expect(first(xs).dtype).toBe('float64');
    });
  }

  it('the Hessian of Σ tanh(x)³·eˣ', () => {
    const H = T.hessian((x: Tensor) => T.sum(T.mul(T.pow(T.tanh(x), 3), T.exp(x))))(T.tensor(fixtures.hessian.x));
    expectClose(H, fixtures.hessian.h, { rtol: 1e-11, atol: 1e-12 });
  });
});
