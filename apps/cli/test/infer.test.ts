import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const SEED = '[[0.45,0.05],[0.1,0.4]]';
const CSV = fileURLToPath(new URL('fixtures/detection-joint.csv', import.meta.url));

function gradlab(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

interface InferJson {
  target: string;
  observed: string[];
  hard: { loss: string; rule: string; predictor: { x: Record<string, number>; tHat: number }[]; populationLoss: number; bayesRisk: number }[];
  soft: { predictor: { x: Record<string, number>; posterior: number[] }[]; populationLogLoss: number; conditionalEntropy: number };
  predictor?: { losses: { loss: string; populationLoss: number; excessRisk: number }[] };
}

const H = -(0.45 * Math.log(0.9) + 0.05 * Math.log(0.1) + 0.1 * Math.log(0.2) + 0.4 * Math.log(0.8));

describe('gradlab infer (built binary)', () => {
  it('prints the optimal predictors and their population losses', () => {
    const r = gradlab('infer', '--table', SEED, '--names', 'x,t');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('optimal hard predictor under the zero-one loss (posterior mode):\n  t̂(x=0) = 0\n  t̂(x=1) = 1\n  population loss = 0.15 = Bayes risk 0.15');
    expect(r.stdout).toContain('optimal hard predictor under the quadratic loss (posterior mean):\n  t̂(x=0) = 0.1\n  t̂(x=1) = 0.8\n  population loss = 0.125');
    expect(r.stdout).toContain('q(· | x=1) = [0.2, 0.8] over t = 0, 1');
    expect(r.stdout).toContain(`population log-loss = ${String(Number(H.toPrecision(6)))} nats = H(t | x)`);
  });

  it('--json, from a CSV file, scores a worse predictor against the Bayes risk', () => {
    const r = gradlab('infer', '--csv', CSV, '--loss', 'zero-one', '--predict', '0=1,1=1', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as InferJson;
    expect(j.target).toBe('t');
    expect(j.observed).toEqual(['x']);
    expect(j.hard).toHaveLength(1);
    expect(j.hard[0]?.predictor.map((e) => [e.x['x'], e.tHat])).toEqual([[0, 0], [1, 1]]);
    expect(Math.abs((j.hard[0]?.populationLoss as number) - 0.15)).toBeLessThan(1e-12);
    expect(j.hard[0]?.bayesRisk).toBe(j.hard[0]?.populationLoss);
    expect(Math.abs(j.soft.populationLogLoss - H)).toBeLessThan(1e-12);
    expect(Math.abs(j.soft.conditionalEntropy - H)).toBeLessThan(1e-12);
    expect(j.predictor?.losses[0]?.populationLoss).toBeCloseTo(0.55, 12);
    expect(j.predictor?.losses[0]?.excessRisk).toBeCloseTo(0.4, 12);
  });

  it('predicts a labelled target with --target and power losses', () => {
    const r = gradlab('infer', '--table', SEED, '--names', 't,x', '--target', 't', '--loss', 'power:3', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as InferJson;
    expect(j.observed).toEqual(['x']);
    expect(j.hard[0]?.loss).toBe('power(3)');
    expect(j.hard[0]?.rule).toBe('search');
    // x = 0: p(t | x=0) = [0.45, 0.1]/0.55, so t̂ = 0; x = 1: [0.05, 0.4]/0.45, so t̂ = 1
    expect(j.hard[0]?.predictor.map((e) => e.tHat)).toEqual([0, 1]);
    expect(j.hard[0]?.populationLoss).toBeCloseTo(0.15, 12);
  });

  it('rejects bad options with exit code 2', () => {
    expect(gradlab('infer', '--table', SEED, '--loss', 'hinge').stderr).toContain("--loss: unknown loss 'hinge'");
    expect(gradlab('infer', '--table', SEED, '--target', 'y').stderr).toContain("--target: 'y' is not among the variables x1, x2");
    const bad = gradlab('infer', '--table', SEED, '--predict', '0=1');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--predict: no prediction for x1=1');
    expect(gradlab('infer', '--table', SEED, '--csv', CSV).stderr).toContain('either --table or --csv');
  });
});

interface GaussianJson {
  weights: number[];
  intercept: number;
  errorVariance: number;
  hard: { loss: string; bayesRisk: number }[];
  soft: { conditionalEntropy: number };
  prediction?: { x: number[]; tHat: number; posterior: string };
}

describe('gradlab infer --gaussian (built binary)', () => {
  const XT = '{"mean":[0,1],"cov":[[1,0.8],[0.8,1]]}';

  it('prints the MMSE estimator and its error in closed form', () => {
    const r = gradlab('infer', '--gaussian', XT, '--at', '2');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('t̂(x) = 1 + 0.8·x0');
    expect(r.stdout).toContain('error variance = 0.36');
    expect(r.stdout).toContain('at x = [2]: t̂ = 2.6, posterior N(2.6, 0.36)');
  });

  it('--json gives the weights, the Bayes risks and h(t | x)', () => {
    const j = JSON.parse(gradlab('infer', '--gaussian', XT, '--json').stdout) as GaussianJson;
    expect(j.weights[0]).toBeCloseTo(0.8, 14);
    expect(j.intercept).toBeCloseTo(1, 14);
    expect(j.errorVariance).toBeCloseTo(0.36, 14);
    expect(j.hard.map((h) => h.loss)).toEqual(['quadratic', 'absolute']);
    expect(j.hard[1]?.bayesRisk).toBeCloseTo(0.6 * Math.sqrt(2 / Math.PI), 9);
    expect(j.soft.conditionalEntropy).toBeCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * 0.36), 14);
  });

  it('rejects a covariance that is not positive definite', () => {
    const r = gradlab('infer', '--gaussian', '{"mean":[0,0],"cov":[[1,2],[2,1]]}');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the covariance must be positive definite (argument cov');
  });
});

describe('gradlab tour --section inference', () => {
  it('tells chapter 2: the optimal predictors reach the Bayes risk and H(t | x)', () => {
    const r = gradlab('tour', '--section', 'inference');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('== Optimal prediction with a known joint p(x, t) (2. Inference) ==');
    expect(r.stdout).toContain('always says t̂ = 1: population 0-1 loss L_p = 0.55');
    expect(r.stdout).toContain('t̂(0) = 0, t̂(1) = 1,\n  with L_p = 0.15');
    expect(r.stdout).toMatch(/E\[−log q\(t \| x\)\] = 0\.412743 nats = H\(t \| x\) = 0\.412743/);
  });
});
