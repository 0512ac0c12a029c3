import { describe, expect, it } from 'vitest';
import { DTypeError, grad, matmul, randNormal, rng, ShapeError, softmax, sum, tensor, ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { expectClose, gradCheck } from '@gradlab/core-tensor/testing';
import { scaledDotProductAttention } from './scaled-dot-product-attention.ts';
import { causalMask } from './causal-mask.ts';

const f64 = { dtype: 'float64' } as const;

function qkv(seed: number, batch: number[], tq: number, tk: number, d: number, dv: number): [Tensor, Tensor, Tensor] {
  const r = rng(seed);
  return [randNormal(r, [...batch, tq, d], f64), randNormal(r, [...batch, tk, d], f64), randNormal(r, [...batch, tk, dv], f64)];
}

/** A fixed random weighting of the outputs, so the checked scalar depends on every element. */
function weighted(seed: number, shape: readonly number[]): (t: Tensor) => Tensor {
  const w = randNormal(rng(seed), shape, f64);
  return (t) => sum(t.mul(w));
}

const padMask = tensor([[1, 1, 1, 0], [1, 1, 0, 0]], { dtype: 'bool' }).reshape([2, 1, 1, 4]);

describe('scaledDotProductAttention', () => {
  it('is softmax(q kᵀ / √d) v', () => {
    const [q, k, v] = qkv(1, [], 3, 4, 2, 5);
    const { output, weights } = scaledDotProductAttention(q, k, v);
    const w = softmax(matmul(q, k.transpose()).div(Math.sqrt(2)), -1);
    expectClose(weights, w, { rtol: 1e-12, atol: 1e-14 });
    expectClose(output, matmul(w, v), { rtol: 1e-12, atol: 1e-14 });
    expect(output.shape).toEqual([3, 5]);
  });

  it('gives weights that sum to 1 over the keys for every query, masked or not', () => {
    const [q, k, v] = qkv(2, [2, 3], 4, 4, 5, 3);
    for (const options of [{}, { causal: true }, { mask: padMask }, { mask: padMask, causal: true }]) {
      const { weights } = scaledDotProductAttention(q, k, v, options);
      for (const s of sum(weights, -1).data) expect(s).toBeCloseTo(1, 12);
    }
  });

  it('gives masked keys weight exactly 0, and causal attention sees no future key', () => {
    const [q, k, v] = qkv(3, [2, 1], 4, 4, 3, 3);
    const w = scaledDotProductAttention(q, k, v, { mask: padMask, causal: true }).weights.toArray() as number[][][][];
    for (let b = 0; b < 2; b++) for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
      const kept = j <= i && (b === 0 ? j < 3 : j < 2);
      if (!kept) expect(w[b]?.[0]?.[i]?.[j]).toBe(0);
      else expect(w[b]?.[0]?.[i]?.[j]).toBeGreaterThan(0);
    }
    const first = scaledDotProductAttention(q, k, v, { causal: true });
    expectClose(first.output.slice([0, 0, 0, 0], [2, 1, 1, 3]), v.slice([0, 0, 0, 0], [2, 1, 1, 3]), { rtol: 1e-12 });
  });

  it('batches: each batch and head is attention on its own slice', () => {
    const [q, k, v] = qkv(4, [2, 3], 5, 5, 4, 2);
    const full = scaledDotProductAttention(q, k, v, { causal: true }).output;
    const one = scaledDotProductAttention(q.slice([1, 2, 0, 0], [1, 1, 5, 4]).reshape([5, 4]), k.slice([1, 2, 0, 0], [1, 1, 5, 4]).reshape([5, 4]), v.slice([1, 2, 0, 0], [1, 1, 5, 2]).reshape([5, 2]), { causal: true }).output;
    expectClose(full.slice([1, 2, 0, 0], [1, 1, 5, 2]).reshape([5, 2]), one, { rtol: 1e-12 });
  });

  it('is not symmetric: how much token i attends to j differs from j to i', () => {
    const r = rng(5);
    const x = randNormal(r, [4, 3], f64);
    const wq = randNormal(r, [3, 3], f64);
    const wk = randNormal(r, [3, 3], f64);
    const w = scaledDotProductAttention(matmul(x, wq), matmul(x, wk), x).weights.toArray() as number[][];
    let asymmetric = 0;
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) if (Math.abs((w[i]?.[j] as number) - (w[j]?.[i] as number)) > 1e-3) asymmetric++;
    expect(asymmetric).toBe(6);
    // even with identity projections the rows are normalised separately, so w[0][1] != w[1][0]
    const s = scaledDotProductAttention(x, x, x).weights.toArray() as number[][];
    expect(Math.abs((s[0]?.[1] as number) - (s[1]?.[0] as number))).toBeGreaterThan(1e-3);
  });

  it("reduces to the notes' self-attention softmax(X Xᵀ) X with identity projections and scale 1", () => {
    // The course notes (chapter 7) take the same embeddings X as query, key and value and weight
    // them by the softmax of their raw dot products, without the 1/√d of Vaswani et al.
    const X = tensor([[1, 0, 1], [0, 2, 0], [1, 1, 0], [0, 0, 1]], f64);
    const notes = matmul(softmax(matmul(X, X.transpose()), -1), X);
    expectClose(scaledDotProductAttention(X, X, X, { scale: 1 }).output, notes, { rtol: 1e-12 });
    // by hand, row 1: scores [0, 4, 2, 0] -> weights e^[0,4,2,0]/Σ, output = Σ_j w_j X_j
    const e = [1, Math.exp(4), Math.exp(2), 1];
    const z = e.reduce((a, b) => a + b);
    const row1 = [(e[0]! + e[2]!) / z, (2 * e[1]! + e[2]!) / z, (e[0]! + e[3]!) / z];
    expectClose((notes.toArray() as number[][])[1] as number[], row1, { rtol: 1e-12 });
    // the default scales by 1/√d: the same as scaling X by d^(-1/4) in q and k
    const c = 3 ** -0.25;
    expectClose(scaledDotProductAttention(X, X, X).output, scaledDotProductAttention(X.mul(c), X.mul(c), X, { scale: 1 }).output, { rtol: 1e-12 });
  });

  describe('gradients (float64, against finite differences)', () => {
    const cases = [
      ['no mask', {}],
      ['causal', { causal: true }],
      ['padding mask', { mask: padMask }],
      ['padding mask and causal', { mask: padMask, causal: true }],
    ] as const;
    for (const [name, options] of cases) {
      it(`of q, k and v: ${name}`, () => {
        const [q, k, v] = qkv(6, [2, 2], 4, 4, 3, 2);
        const out = weighted(7, [2, 2, 4, 2]);
        const wts = weighted(8, [2, 2, 4, 4]);
        const report = gradCheck((a, b, c) => {
          const r = scaledDotProductAttention(a, b, c, options);
          return out(r.output).add(wts(r.weights));
        }, [q, k, v]);
        expect(report.passed).toBe(true);
      });
    }
    it('of q, k and v with Tq != Tk, a broadcast mask and a custom scale', () => {
      const [q, k, v] = qkv(9, [2], 3, 5, 2, 3);
      const mask = tensor([[1, 0, 1, 1, 0], [0, 1, 1, 0, 1], [1, 1, 1, 1, 1]], { dtype: 'bool' });
      const out = weighted(10, [2, 3, 3]);
      expect(gradCheck((a, b, c) => out(scaledDotProductAttention(a, b, c, { mask, scale: 0.7 }).output), [q, k, v]).passed).toBe(true);
    });
  });

  it('gives a fully masked row zero weights, zero output and finite gradients (never NaN)', () => {
    const [q, k, v] = qkv(11, [1], 3, 3, 2, 2);
    const mask = tensor([[1, 1, 0], [0, 0, 0], [1, 0, 1]], { dtype: 'bool' });
    const { output, weights } = scaledDotProductAttention(q, k, v, { mask });
    expect((weights.toArray() as number[][][])[0]?.[1]).toEqual([0, 0, 0]);
    expect((output.toArray() as number[][][])[0]?.[1]).toEqual([0, 0]);
    const f = (a: Tensor, b: Tensor, c: Tensor): Tensor => sum(scaledDotProductAttention(a, b, c, { mask }).output.square());
    const gs = grad(f)(q, k, v);
    for (const g of gs) for (const x of g.data) expect(Number.isFinite(x)).toBe(true);
    expect((gs[0].toArray() as number[][][])[0]?.[1]).toEqual([0, 0]);
    expect(gradCheck(f, [q, k, v]).passed).toBe(true);
    // huge scores: still no overflow
    const big = scaledDotProductAttention(q.mul(1e4), k.mul(1e4), v, { mask, causal: true });
    for (const x of big.output.data) expect(Number.isFinite(x)).toBe(true);
  });

  it('works in float32', () => {
    const [q, k, v] = qkv(12, [2], 3, 3, 4, 4).map((t) => t.astype('float32')) as [Tensor, Tensor, Tensor];
    const r = scaledDotProductAttention(q, k, v, { causal: true });
    expect(r.output.dtype).toBe('float32');
    expectClose(r.output, scaledDotProductAttention(q.astype('float64'), k.astype('float64'), v.astype('float64'), { causal: true }).output, { rtol: 1e-5, atol: 1e-6 });
  });

  it('causalMask is the lower triangle, aligned top-left when Tq != Tk', () => {
    expect(causalMask(3).toArray()).toEqual([[1, 0, 0], [1, 1, 0], [1, 1, 1]]);
    expect(causalMask(2, 3).toArray()).toEqual([[1, 0, 0], [1, 1, 0]]);
    expect(() => causalMask(-1)).toThrow(ValueError);
    // Found by the fuzzer: a length whose square is past the allocation cap is a typed error.
    expect(() => causalMask(1e160)).toThrow(/causalMask.*allocation cap/);
    expect(() => causalMask(100_000, 100_000)).toThrow(ValueError);
    expect(causalMask(1e9, 0).shape).toEqual([1e9, 0]);
  });

  it('rejects bad input with typed errors', () => {
    const [q, k, v] = qkv(13, [], 3, 4, 2, 5);
    expect(() => scaledDotProductAttention(q, k.slice([0, 0], [4, 1]), v)).toThrow(ShapeError);
    expect(() => scaledDotProductAttention(q, k, v.slice([0, 0], [3, 5]))).toThrow(/one value per key/);
    expect(() => scaledDotProductAttention(tensor([1, 2], f64), k, v)).toThrow(ShapeError);
    expect(() => scaledDotProductAttention(q.astype('int32'), k, v)).toThrow(DTypeError);
    expect(() => scaledDotProductAttention(q, k, v, { mask: tensor([[1, 0, 1, 1]], f64) })).toThrow(DTypeError);
    expect(() => scaledDotProductAttention(q, k, v, { mask: tensor([[1, 0, 1]], { dtype: 'bool' }) })).toThrow(/broadcast/);
    expect(() => scaledDotProductAttention(q, k, v, { scale: Number.NaN })).toThrow(ValueError);
    try {
      scaledDotProductAttention(q, k.slice([0, 0], [4, 1]), v);
    } catch (e) {
      expect(e).toMatchObject({ pkg: 'transformer', op: 'scaledDotProductAttention', arg: 'k' });
    }
  });
});
