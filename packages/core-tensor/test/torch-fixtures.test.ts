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
  exp: (_p, x) => T.exp(x),
  log: (_p, x) => T.log(x),
  log1p: (_p, x) => T.log1p(x),
  sqrt: (_p, x) => T.sqrt(x),
  square: (_p, x) => T.square(x),
  abs: (_p, x) => T.abs(x),
  sin: (_p, x) => T.sin(x),
  cos: (_p, x) => T.cos(x),
  tanh: (_p, x) => T.tanh(x),
  sigmoid: (_p, x) => T.sigmoid(x),
  erf: (_p, x) => T.erf(x),
  relu: (_p, x) => T.relu(x),
  softplus: (_p, x) => T.softplus(x),
  gelu: (_p, x) => T.gelu(x),
  geluTanh: (_p, x) => T.gelu(x, { approximate: 'tanh' }),
  leakyRelu: (p, x) => T.leakyRelu(x, p.slope),
  clip: (p, x) => T.clip(x, p.low as number, p.high as number),
  add: (_p, a, b) => T.add(a, b),
  sub: (_p, a, b) => T.sub(a, b),
  mul: (_p, a, b) => T.mul(a, b),
  div: (_p, a, b) => T.div(a, b),
  pow: (_p, a, b) => T.pow(a, b),
  maximum: (_p, a, b) => T.maximum(a, b),
  minimum: (_p, a, b) => T.minimum(a, b),
  where: (_p, a, b) => T.where(T.greater(a, 0), a, b),
  sum: (p, x) => T.sum(x, axis(p)),
  sumKeep: (p, x) => T.sum(x, p.axis, { keepDims: true }),
  mean: (p, x) => T.mean(x, axis(p)),
  variance: (p, x) => T.variance(x, axis(p)),
  varianceUnbiased: (p, x) => T.variance(x, axis(p), { correction: 1 }),
  max: (p, x) => T.max(x, axis(p)),
  min: (p, x) => T.min(x, axis(p)),
  logSumExp: (p, x) => T.logSumExp(T.mul(x, 30), axis(p)),
  softmax: (p, x) => T.softmax(T.mul(x, 10), axis(p)),
  logSoftmax: (p, x) => T.logSoftmax(x, axis(p)),
  norm2: (p, x) => T.norm(x, { ord: 2, axis: axis(p) }),
  norm1: (p, x) => T.norm(x, { ord: 1, axis: axis(p) }),
  matmul: (_p, a, b) => T.matmul(a, b),
  matmulBatchBroadcast: (_p, a, b) => T.matmul(a, b),
  matmulVec: (_p, a, b) => T.matmul(a, b),
  gather: (p, x) => T.gather(x, p.indices as number[]),
  concat: (p, a, b) => T.concat([a, b], axis(p)),
  mlp: (_p, x, w, b) => T.logSoftmax(T.tanh(T.add(T.matmul(x, w), b))),
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
