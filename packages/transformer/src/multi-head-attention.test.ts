import { describe, expect, it } from 'vitest';
import { concat, eye, matmul, randNormal, rng, slice, softmax, sum, tensor, transpose, zeros } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { checkLayer } from '@gradlab/models-nn/testing';
import { kvCache } from './kv-cache.ts';
import { multiHeadAttention } from './multi-head-attention.ts';

const close = (a: Tensor, b: Tensor, tol = 1e-12): void => {
  expect(a.shape).toEqual(b.shape);
  const da = a.data;
  const db = b.data;
  let worst = 0;
  for (let i = 0; i < da.length; i++) worst = Math.max(worst, Math.abs((da[i] as number) - (db[i] as number)));
  expect(worst).toBeLessThanOrEqual(tol);
};

describe('multiHeadAttention', () => {
  it('passes checkLayer, plain and causal, with and without bias', { timeout: 60_000 }, () => {
    const r = checkLayer((o) => multiHeadAttention({ dModel: 8, heads: 2, ...o }), { inputShape: [2, 5, 8], outputShape: [2, 5, 8] });
    expect(r.checks).toContain('gradient check');
    expect(r.checks).toContain('rows independent');
    checkLayer((o) => multiHeadAttention({ dModel: 8, heads: 4, causal: true, bias: false, ...o }), { inputShape: [2, 5, 8], outputShape: [2, 5, 8] });
  });

  it('names its parameters like a fused in_proj: qkv [3D, D] then out [D, D]', () => {
    const m = multiHeadAttention({ dModel: 6, heads: 3 });
    expect(m.namedParameters().map(([n, t]) => [n, t.shape])).toEqual([
      ['qkv.weight', [18, 6]],
      ['qkv.bias', [18]],
      ['out.weight', [6, 6]],
      ['out.bias', [6]],
    ]);
  });

  it('each query’s weights sum to 1, and attention is not symmetric', () => {
    const m = multiHeadAttention({ dModel: 8, heads: 2, rng: rng(3), dtype: 'float64' });
    // Unit-variance projections (GPT-2's 0.02 makes every weight ≈ 1/T), so the scores matter.
    m.loadStateDict({ ...m.stateDict(), 'qkv.weight': randNormal(rng(9), [24, 8], { dtype: 'float64', std: 0.5 }) });
    const { weights } = m.attend(randNormal(rng(4), [2, 5, 8], { dtype: 'float64' }));
    expect(weights.shape).toEqual([2, 2, 5, 5]);
    for (const s of sum(weights, -1).data) expect(s).toBeCloseTo(1, 12);
    // Query i attending to key j is q_i·k_j, not q_j·k_i: W_q and W_k are different maps.
    const w = weights.toArray() as number[][][][];
    const head = w[0]?.[0] as number[][];
    let gap = 0;
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) gap = Math.max(gap, Math.abs((head[i]?.[j] as number) - (head[j]?.[i] as number)));
    expect(gap).toBeGreaterThan(0.05);
  });

  it('with identity projections and one head it is the notes’ self-attention softmax(X Xᵀ / sqrt(D)) X', () => {
    const D = 4;
    const m = multiHeadAttention({ dModel: D, heads: 1, dtype: 'float64' });
    const I = eye(D, D, { dtype: 'float64' });
    const x = randNormal(rng(7), [1, 6, D], { dtype: 'float64' });
    const X = slice(x, [0], [1]).reshape([6, D]);
    // [I; I; I]: the query, key and value of each token are the token's embedding itself.
    m.loadStateDict({ 'qkv.weight': concat([I, I, I], 0), 'qkv.bias': zeros([3 * D], { dtype: 'float64' }), 'out.weight': I, 'out.bias': zeros([D], { dtype: 'float64' }) });
    const scaled = matmul(softmax(matmul(X, transpose(X)).div(Math.sqrt(D))), X);
    close(m.forward(x).reshape([6, D]), scaled);
    // The notes' formula has no 1/sqrt(D); scaling the query rows by sqrt(D) gives it exactly.
    m.loadStateDict({ 'qkv.weight': concat([I.mul(Math.sqrt(D)), I, I], 0), 'qkv.bias': zeros([3 * D], { dtype: 'float64' }), 'out.weight': I, 'out.bias': zeros([D], { dtype: 'float64' }) });
    close(m.forward(x).reshape([6, D]), matmul(softmax(matmul(X, transpose(X))), X));
  });

  it('causal: the output at t does not depend on inputs after t', () => {
    const m = multiHeadAttention({ dModel: 8, heads: 2, causal: true, rng: rng(1), dtype: 'float64' });
    const x = randNormal(rng(2), [2, 6, 8], { dtype: 'float64' });
    const y = m.forward(x);
    for (const t of [0, 2, 4]) {
      const later = randNormal(rng(10 + t), [2, 5 - t, 8], { dtype: 'float64' });
      const x2 = concat([slice(x, [0, 0, 0], [2, t + 1, 8]), later], 1);
      const y2 = m.forward(x2);
      close(slice(y2, [0, 0, 0], [2, t + 1, 8]), slice(y, [0, 0, 0], [2, t + 1, 8]), 0);
      expect(Math.abs((y2.data[(t + 1) * 8] as number) - (y.data[(t + 1) * 8] as number))).toBeGreaterThan(0);
    }
  });

  it('a KV cache fed one token at a time gives the full causal output', () => {
    const m = multiHeadAttention({ dModel: 8, heads: 2, causal: true, rng: rng(5), dtype: 'float64' });
    const x = randNormal(rng(6), [2, 5, 8], { dtype: 'float64' });
    const cache = kvCache();
    const first = m.attend(slice(x, [0, 0, 0], [2, 3, 8]), { cache }).output;
    const parts = [first];
    for (let t = 3; t < 5; t++) parts.push(m.attend(slice(x, [0, t, 0], [2, 1, 8]), { cache }).output);
    expect(cache.length).toBe(5);
    close(concat(parts, 1), m.forward(x), 1e-12);
  });

  it('a padding mask hides keys; a fully masked query gets zero weights, not NaN', () => {
    const m = multiHeadAttention({ dModel: 4, heads: 2, rng: rng(0), dtype: 'float64' });
    const x = randNormal(rng(1), [1, 3, 4], { dtype: 'float64' });
    const keep = tensor([1, 1, 0], { dtype: 'bool' }).reshape([1, 1, 1, 3]);
    const { weights } = m.attend(x, { mask: keep });
    expect(Array.from(slice(weights, [0, 0, 0, 2], [1, 2, 3, 1]).data)).toEqual([0, 0, 0, 0, 0, 0]);
    const none = tensor([0, 0, 0], { dtype: 'bool' }).reshape([1, 1, 1, 3]);
    const r = m.attend(x, { mask: none });
    expect(Array.from(r.weights.data).every((v) => v === 0)).toBe(true);
    expect(Array.from(r.output.data).every(Number.isFinite)).toBe(true);
  });

  it('dropout acts on the weights in training mode only', () => {
    const m = multiHeadAttention({ dModel: 4, heads: 1, dropout: 0.5, rng: rng(0), dtype: 'float64' });
    const x = randNormal(rng(1), [1, 6, 4], { dtype: 'float64' });
    const w = m.attend(x).weights;
    expect(Array.from(w.data).filter((v) => v === 0).length).toBeGreaterThan(0);
    m.eval();
    for (const s of sum(m.attend(x).weights, -1).data) expect(s).toBeCloseTo(1, 12);
  });

  it('typed errors for a bad width, heads or input', () => {
    expect(() => multiHeadAttention({ dModel: 10, heads: 3 })).toThrow(/dModel must be divisible by heads/);
    expect(() => multiHeadAttention({ dModel: 8, heads: 0 })).toThrow(/heads must be a positive integer/);
    expect(() => multiHeadAttention({ dModel: 8, heads: 2, dropuot: 0.1 } as never)).toThrow(/unknown option 'dropuot'/);
    const m = multiHeadAttention({ dModel: 8, heads: 2 });
    expect(() => m.forward(zeros([5, 8]))).toThrow(/expects \[batch, time, 8\].*Hint: add a batch axis/);
    expect(() => m.forward(zeros([1, 5, 6]))).toThrow(/received \[1, 5, 6\]/);
  });
});
