import { bernoulli, jointTable } from '@gradlab/prob';
import { describe, expect, it } from 'vitest';
import {
  absoluteLoss,
  bayesLogLoss,
  bayesRisk,
  excessLogLoss,
  excessRisk,
  optimalHardPredictor,
  optimalSoftPredictor,
  populationLogLoss,
  populationLoss,
  quadraticLoss,
  zeroOneLoss,
} from '../src/index.ts';

// The worked detection example: x is what we observe, t what we must detect.
const joint = jointTable({ variables: ['x', 't'], probs: [[0.45, 0.05], [0.1, 0.4]] });

describe('detection with a known joint, end to end', () => {
  it('the optimal hard predictor under 0-1 loss is the posterior mode (MAP)', () => {
    const tHat = optimalHardPredictor(joint, zeroOneLoss());
    expect(tHat.rule).toBe('mode');
    expect(tHat({ x: 0 })).toBe(0);
    expect(tHat({ x: 1 })).toBe(1);
    expect(tHat.table.map((e) => [e.x['x'], e.tHat])).toEqual([[0, 0], [1, 1]]);
  });

  it('its population loss equals the Bayes risk, 0.15', () => {
    const tHat = optimalHardPredictor(joint, zeroOneLoss());
    const loss = populationLoss(joint, tHat, zeroOneLoss());
    expect(Math.abs(loss - 0.15)).toBeLessThan(1e-12);
    expect(Math.abs(bayesRisk(joint, zeroOneLoss()) - loss)).toBeLessThan(1e-15);
    expect(excessRisk(joint, tHat, zeroOneLoss())).toBe(0);
  });

  it('a worse predictor has a larger loss: always guessing t = 1 costs p(t = 0) = 0.55', () => {
    const always1 = (): number => 1;
    expect(populationLoss(joint, always1, zeroOneLoss())).toBeCloseTo(0.55, 15);
    expect(excessRisk(joint, always1, zeroOneLoss())).toBeCloseTo(0.4, 15);
    const flipped = ({ x }: { x?: string | number }): number => (x === 0 ? 1 : 0);
    expect(populationLoss(joint, flipped, zeroOneLoss())).toBeCloseTo(0.85, 15);
  });

  it("the optimal soft predictor is the posterior, and its log-loss is H(t | x)", () => {
    const q = optimalSoftPredictor(joint);
    expect(q({ x: 0 }).prob(1)).toBeCloseTo(0.1, 15);
    expect(q({ x: 1 }).prob(1)).toBeCloseTo(0.8, 15);
    const hTgivenX = -(0.45 * Math.log(0.9) + 0.05 * Math.log(0.1) + 0.1 * Math.log(0.2) + 0.4 * Math.log(0.8));
    expect(Math.abs(populationLogLoss(joint, q) - hTgivenX)).toBeLessThan(1e-12);
    expect(Math.abs(joint.conditionalEntropy('t', 'x') - hTgivenX)).toBeLessThan(1e-12);
    expect(bayesLogLoss(joint)).toBeCloseTo(hTgivenX, 14);
    // a coin flip is worse by E_x KL(p(t|x) || Bern(0.5))
    expect(populationLogLoss(joint, () => bernoulli(0.5))).toBeCloseTo(Math.log(2), 14);
    expect(excessLogLoss(joint, () => bernoulli(0.5))).toBeCloseTo(Math.log(2) - hTgivenX, 14);
    expect(populationLogLoss(joint, () => bernoulli(1))).toBe(Infinity);
  });

  it('the quadratic loss is minimised by the posterior mean, the absolute loss by the median', () => {
    const mean = optimalHardPredictor(joint, quadraticLoss());
    expect(mean.rule).toBe('mean');
    expect(mean({ x: 0 })).toBeCloseTo(0.1, 15);
    expect(mean({ x: 1 })).toBeCloseTo(0.8, 15);
    // E_x Var[t | x] = 0.5·0.1·0.9 + 0.5·0.8·0.2
    expect(bayesRisk(joint, quadraticLoss())).toBeCloseTo(0.125, 14);
    const median = optimalHardPredictor(joint, absoluteLoss());
    expect([median({ x: 0 }), median({ x: 1 })]).toEqual([0, 1]);
    expect(bayesRisk(joint, absoluteLoss())).toBeCloseTo(0.15, 14);
  });
});

describe('optimal predictors for other losses', () => {
  const estimation = jointTable({
    variables: [{ name: 'x', values: ['low', 'high'] }, { name: 't', values: [0, 1, 2, 10] }],
    probs: [[0.2, 0.15, 0.1, 0.05], [0.05, 0.1, 0.15, 0.2]],
  });

  it('minimises a user loss directly over the candidate values', () => {
    // missing a detection (t = 1, t̂ = 0) costs 5, a false alarm 1
    const asymmetric = (t: string | number, tHat: string | number): number => (t === tHat ? 0 : t === 1 ? 5 : 1);
    const tHat = optimalHardPredictor(joint, asymmetric);
    expect(tHat.rule).toBe('search');
    // x = 0: risk(0) = 5·0.1 = 0.5, risk(1) = 0.9, so 0; x = 1: risk(0) = 4, risk(1) = 0.2, so 1
    expect([tHat({ x: 0 }), tHat({ x: 1 })]).toEqual([0, 1]);
    const bayes = bayesRisk(joint, asymmetric);
    expect(bayes).toBeCloseTo(0.05 * 5 + 0.1, 15);
    expect(populationLoss(joint, () => 1, asymmetric)).toBeGreaterThan(bayes);
  });

  it('searches a grid of candidates for |t - t̂|^3 and beats every grid value', () => {
    const cube = (t: string | number, tHat: string | number): number => Math.abs((t as number) - (tHat as number)) ** 3;
    const grid = Array.from({ length: 1001 }, (_v, i) => i / 100);
    const tHat = optimalHardPredictor(estimation, cube, { candidates: grid });
    const post = [0.05, 0.1, 0.15, 0.2].map((p) => p / 0.5);
    const risk = (c: number): number => post.reduce((s, p, k) => s + p * Math.abs(([0, 1, 2, 10][k] as number) - c) ** 3, 0);
    const best = tHat({ x: 'high' }) as number;
    for (const c of grid) expect(risk(best)).toBeLessThanOrEqual(risk(c));
    expect(bayesRisk(estimation, cube, { candidates: grid })).toBeLessThanOrEqual(populationLoss(estimation, () => 3, cube));
  });

  it('uses a median that lies on a target value for the absolute loss', () => {
    const median = optimalHardPredictor(estimation, absoluteLoss());
    expect(median({ x: 'low' })).toBe(1);
    expect(median({ x: 'high' })).toBe(2);
    expect(optimalHardPredictor(estimation, quadraticLoss())({ x: 'high' })).toBeCloseTo((0.1 + 0.3 + 2) / 0.5, 14);
  });

  it('works with several observed variables and a named target', () => {
    const three = jointTable({
      variables: ['t', 'a', 'b'],
      probs: [[[0.2, 0.05], [0.05, 0.05]], [[0.05, 0.1], [0.1, 0.4]]],
    });
    const tHat = optimalHardPredictor(three, zeroOneLoss(), { target: 't' });
    expect(tHat({ a: 0, b: 0 })).toBe(0);
    expect(tHat({ a: 1, b: 1 })).toBe(1);
    expect(tHat({ a: 0, b: 1 })).toBe(1);
    expect(bayesRisk(three, zeroOneLoss(), { target: 't' })).toBeCloseTo(0.05 + 0.05 + 0.05 + 0.05, 14);
  });

  it('predicts from the prior where p(x) = 0', () => {
    const sparse = jointTable({ variables: ['x', 't'], probs: [[0.3, 0.7], [0, 0]] });
    expect(optimalHardPredictor(sparse, zeroOneLoss())({ x: 1 })).toBe(1);
    expect(optimalSoftPredictor(sparse)({ x: 1 }).prob(1)).toBeCloseTo(0.7, 15);
  });
});

describe('invalid input', () => {
  it('names the argument at fault', () => {
    expect(() => optimalHardPredictor(joint, zeroOneLoss(), { target: 'y' })).toThrow('[gradlab/inference] optimalHardPredictor: unknown target variable (argument options.target; expected one of x, t; received y)');
    expect(() => optimalHardPredictor(joint, zeroOneLoss())({ x: 3 })).toThrow(/unknown observation/);
    expect(() => populationLoss(joint, () => Number.NaN, zeroOneLoss())).toThrow(/must return a number or a label/);
    const labels = jointTable({ variables: ['x', { name: 't', values: ['no', 'yes'] }], probs: [[0.5, 0], [0, 0.5]] });
    expect(() => optimalHardPredictor(labels, quadraticLoss())).toThrow(/posterior mean needs numeric target values/);
    expect(populationLoss(labels, ({ x }) => (x === 0 ? 'no' : 'yes'), zeroOneLoss())).toBe(0);
    expect(() => populationLogLoss(joint, () => ({ prob: () => -1 }))).toThrow(/must return probabilities/);
  });
});
