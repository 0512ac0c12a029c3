import { grad, tensor } from '@gradlab/core-tensor';
import { binaryCrossEntropyWithLogits } from '@gradlab/losses';
import { checkLoss } from '@gradlab/losses/testing';
import { describe, expect, it } from 'vitest';
import { focalLoss } from '../src/focal-loss.js';

const scores = [-6, -2.5, -0.3, 0, 0.4, 1.7, 5, 12];
const targets = [0, 1, 1, 0, 1, 0, 1, 0];

/** The paper's formula, term by term in plain floats: −α_t (1 − p_t)^γ log p_t. */
function reference(s, t, gamma, alpha) {
  const p = 1 / (1 + Math.exp(-s));
  const pt = t === 1 ? p : 1 - p;
  const at = alpha === null ? 1 : t === 1 ? alpha : 1 - alpha;
  return -at * (1 - pt) ** gamma * Math.log(pt);
}

describe('focalLoss', () => {
  it('passes checkLoss for several gammas and alphas, and every reduction', () => {
    for (const [gamma, alpha] of [[2, 0.25], [0, null], [0.5, 0.9], [5, null]]) {
      for (const reduction of ['mean', 'sum', 'none']) {
        expect(checkLoss(focalLoss({ gamma, alpha, reduction })).checks).toContain('gradient matches finite differences');
      }
    }
  });

  it('with gamma = 0 and no class weight is binary-cross-entropy-with-logits, values and gradients', () => {
    const s = tensor(scores, { dtype: 'float64' });
    const t = tensor(targets, { dtype: 'float64' });
    const focal = focalLoss({ gamma: 0, alpha: null, reduction: 'sum' });
    const bce = binaryCrossEntropyWithLogits({ reduction: 'sum' });
    const a = focal.elementwise(s, t).toArray();
    const b = bce.elementwise(s, t).toArray();
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 14));
    const ga = grad((x) => focal.forward(x, t))(s).toArray();
    const gb = grad((x) => bce.forward(x, t))(s).toArray();
    ga.forEach((v, i) => expect(v).toBeCloseTo(gb[i], 14));
  });

  it('with gamma = 0 and alpha is the class-weighted cross-entropy', () => {
    const s = tensor(scores, { dtype: 'float64' });
    const t = tensor(targets, { dtype: 'float64' });
    const got = focalLoss({ gamma: 0, alpha: 0.25 }).elementwise(s, t).toArray();
    const bce = binaryCrossEntropyWithLogits().elementwise(s, t).toArray();
    got.forEach((v, i) => expect(v).toBeCloseTo((targets[i] === 1 ? 0.25 : 0.75) * bce[i], 14));
  });

  it('matches the paper formula, and stays finite where that formula overflows', () => {
    for (const [gamma, alpha] of [[2, 0.25], [1, null], [3.5, 0.6]]) {
      const got = focalLoss({ gamma, alpha }).elementwise(tensor(scores, { dtype: 'float64' }), tensor(targets, { dtype: 'float64' })).toArray();
      // Relative: the reference loses digits in 1 − p where p is near 1.
      got.forEach((v, i) => {
        const want = reference(scores[i], targets[i], gamma, alpha);
        expect(Math.abs(v - want)).toBeLessThanOrEqual(1e-11 * Math.max(1, Math.abs(want)));
      });
    }
    // s = 40 with t = 0: p rounds to 1 in float64, so log(1 − p) is −∞; the loss is ≈ 0.75 · 40.
    const far = focalLoss({ gamma: 2, alpha: 0.25 }).elementwise(tensor([40, -40], { dtype: 'float64' }), tensor([0, 1], { dtype: 'float64' })).toArray();
    expect(far[0]).toBeCloseTo(0.75 * 40, 10);
    expect(far[1]).toBeCloseTo(0.25 * 40, 10);
  });

  it('down-weights easy samples: a confident right answer costs far less than under cross-entropy', () => {
    const s = tensor([4], { dtype: 'float64' });
    const t = tensor([1], { dtype: 'float64' });
    const ratio = focalLoss({ gamma: 2, alpha: null }).forward(s, t).item() / binaryCrossEntropyWithLogits().forward(s, t).item();
    const p = 1 / (1 + Math.exp(-4));
    expect(ratio).toBeCloseTo((1 - p) ** 2, 12);
  });

  it('refuses a negative gamma or an alpha outside [0, 1], and keeps its config as JSON', () => {
    expect(() => focalLoss({ gamma: -1 })).toThrow('Invalid gamma: -1');
    expect(() => focalLoss({ alpha: 1.5 })).toThrow('Invalid alpha: 1.5');
    expect(focalLoss({ gamma: 1 }).config).toEqual({ gamma: 1, alpha: 0.25, reduction: 'mean' });
    expect(() => focalLoss().forward(tensor([0.3]), tensor([0.5]))).toThrow('invalid target');
  });
});
