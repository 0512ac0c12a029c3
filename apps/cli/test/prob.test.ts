import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const SEED = '[[0.45,0.05],[0.1,0.4]]';

function gradlab(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

interface JointJson {
  variables: { name: string; values: (string | number)[] }[];
  probs: number[][];
  table: string;
  marginals: { variable: string; probs: number[]; distribution: string }[];
  conditionals: { variable: string; given: Record<string, number>; probs: number[] | null; distribution: string | null }[];
  independence: { a: string; b: string; independent: boolean; mutualInformation: number }[];
  entropy: number;
  chainRule: { order: string[]; maxError: number };
  conditional?: { variables: unknown[]; probs: number[] };
}

describe('gradlab prob joint (built binary)', () => {
  it("prints the seed's table, marginals and conditionals", () => {
    const r = gradlab('prob', 'joint', '--table', SEED, '--names', 'x1,x2');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(['x1\\x2 | 0    | 1', '------|------|-----', '0     | 0.45 | 0.05', '1     | 0.1  | 0.4'].join('\n'));
    expect(r.stdout).toMatch(/^ {2}x1 ~ Bern\(0\.5\)/m);
    expect(r.stdout).toMatch(/^ {2}x2 ~ Bern\(0\.45\)/m);
    expect(r.stdout).toMatch(/^ {2}x1 \| x2=0 ~ Bern\(0\.181818\)/m);
    expect(r.stdout).toContain('p(x2=0 | x1=0) = 0.9');
    expect(r.stdout).toContain('x1 and x2: dependent');
    expect(r.stdout).toMatch(/chain rule p\(x1, x2\) = p\(x1\) p\(x2 \| x1\): max error 0\.0e\+0/);
  });

  it('--json gives the same numbers to full precision', () => {
    const r = gradlab('prob', 'joint', '--table', SEED, '--names', 'x1,x2', '--json', '--given', 'x2=0');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as JointJson;
    expect(j.probs).toEqual([[0.45, 0.05], [0.1, 0.4]]);
    expect(j.marginals.map((m) => m.distribution)).toEqual(['Bern(0.5)', 'Bern(0.45)']);
    expect(j.marginals[1]?.probs[1]).toBeCloseTo(0.45, 12);
    const c = j.conditionals.find((x) => x.variable === 'x1' && x.given['x2'] === 0);
    expect(Math.abs((c?.probs?.[1] as number) - 0.1 / 0.55)).toBeLessThan(1e-12);
    expect(j.independence[0]?.independent).toBe(false);
    expect(j.chainRule.maxError).toBeLessThan(1e-15);
    expect(Math.abs((j.conditional?.probs[1] as number) - 0.1 / 0.55)).toBeLessThan(1e-12);
  });

  it('names default to x1, x2 and values can be labelled', () => {
    const r = gradlab('prob', 'joint', '--table', '[[0.25,0.25],[0.25,0.25]]', '--values', 'x1=sun,rain;x2=no,yes');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}x1 ~ Cat\(\[0\.5, 0\.5\]\) on \{sun, rain\}/m);
    expect(r.stdout).toContain('x1 and x2: independent');
  });

  it('reads a CSV of probabilities, and an empirical joint from a CSV of samples', () => {
    const long = gradlab('prob', 'joint', '--csv', fileURLToPath(new URL('fixtures/detection-joint.csv', import.meta.url)), '--json');
    expect(long.status).toBe(0);
    expect((JSON.parse(long.stdout) as JointJson).probs).toEqual([[0.45, 0.05], [0.1, 0.4]]);
    const samples = gradlab('prob', 'joint', '--csv', fileURLToPath(new URL('fixtures/detection-samples.csv', import.meta.url)), '--json');
    expect(samples.status).toBe(0);
    expect((JSON.parse(samples.stdout) as JointJson).probs).toEqual([[0.5, 0.25], [0, 0.25]]);
  });

  it('reports invalid tables with the argument at fault and exit code 2', () => {
    const neg = gradlab('prob', 'joint', '--table', '[[0.5,-0.1],[0.3,0.3]]');
    expect(neg.status).toBe(2);
    expect(neg.stderr).toContain('gradlab prob joint: [gradlab/prob] jointTable: probabilities must be non-negative (argument spec.probs[1]; expected >= 0; received -0.1)');
    const sum = gradlab('prob', 'joint', '--table', '[[1,1],[1,1]]');
    expect(sum.status).toBe(2);
    expect(sum.stderr).toContain('Hint: add --normalize to divide by the sum');
    const ok = gradlab('prob', 'joint', '--table', '[[1,1],[1,1]]', '--normalize', '--json');
    expect((JSON.parse(ok.stdout) as JointJson).probs).toEqual([[0.25, 0.25], [0.25, 0.25]]);
    const zero = gradlab('prob', 'joint', '--table', '[[0.5,0.5],[0,0]]', '--given', 'x1=1');
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain('cannot condition on an event of probability zero');
    expect(gradlab('prob', 'joint', '--table', 'nope').stderr).toContain('--table: not valid JSON');
    expect(gradlab('prob', 'joint').stderr).toContain('no joint given');
    expect(gradlab('prob', 'joint', '--table', SEED, '--names', 'a').stderr).toContain('--names: 1 names for a table nested 2 deep');
  });
});

describe('gradlab tour --section probability', () => {
  it("tells chapter 1 with the seed's numbers", () => {
    const r = gradlab('tour', '--section', 'probability');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('== Random variables, expectations and joint tables (1. Probability) ==');
    expect(r.stdout).toContain('E[x²] = Σ p(x)·x² = 3');
    expect(r.stdout).toContain('E[x²] = 5 = μ² + σ²');
    expect(r.stdout).toContain('marginals: x1 ~ Bern(0.5), x2 ~ Bern(0.45)');
    expect(r.stdout).toContain('x1 | x2 = 0 ~ Bern(0.181818)');
  });
});

interface DistJson {
  distribution: string;
  mean: number;
  variance: number;
  expectation?: { expression: string; value: number };
  samples: { n: number; mean: number; standardError: number; z: number; frequencies?: { value: number; prob: number; frequency: number; z: number }[] };
}

describe('gradlab prob dist (built binary)', () => {
  it("computes the seed's E[x^2] = 3 and checks 10^5 samples against the exact frequencies", () => {
    const r = gradlab('prob', 'dist', 'categorical', '--probs', '0.1,0.2,0.7', '--expect', 'x^2', '--json');
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as DistJson;
    expect(j.distribution).toBe('Cat([0.1, 0.2, 0.7])');
    expect(Math.abs((j.expectation?.value as number) - 3)).toBeLessThan(1e-12);
    expect(j.samples.n).toBe(100000);
    for (const f of j.samples.frequencies ?? []) expect(Math.abs(f.z)).toBeLessThan(4);
  });

  it('gives a Gaussian E[x^2] = mu^2 + sigma^2 by quadrature', () => {
    const r = gradlab('prob', 'dist', 'gaussian', '--mean', '1', '--std', '2', '--expect', 'x^2');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('x ~ N(1, 4)');
    expect(r.stdout).toContain('E[x^2] = 5');
    expect(r.stdout).toMatch(/sample mean 0\.99\d*, 0\.\d+ standard errors from E\[x\]/);
  });

  it('reports bad parameters and expressions with exit code 2', () => {
    const bad = gradlab('prob', 'dist', 'bernoulli', '--p', '1.5');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('[gradlab/prob] bernoulli: must be a probability (argument p');
    expect(gradlab('prob', 'dist', 'poisson').stderr).toContain("unknown family 'poisson'");
    expect(gradlab('prob', 'dist', 'uniform', '--expect', 'y^2').stderr).toContain('--expect: the expression may only use x, not y');
    expect(gradlab('prob', 'dist', 'uniform', '--expect', 'x^').status).toBe(2);
  });
});
