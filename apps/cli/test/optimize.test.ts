import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { customGrad, sub, tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { builtinLosses, defineLoss } from '@gradlab/losses';
import { checkLoss } from '@gradlab/losses/testing';
import { builtinOptimizers, elementwiseOptimizer, minimize } from '@gradlab/optim';
import type { Optimizer, OptimizerFactory } from '@gradlab/optim';
import { checkOptimizer } from '@gradlab/optim/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { optimizeCommand } from '../src/commands/optimize.ts';
import { chapter5 } from '../src/tour/classification.ts';

const bin = fileURLToPath(new URL('../dist/index.js', import.meta.url));

function gradlab(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const G = '0.5*(theta-2)^2 + 1.5*(theta+1)^2';

interface OptimizeJson {
  variables: string[];
  optimizer: { id: string; config: Record<string, unknown> };
  schedule?: { id: string; robbinsMonro: { satisfied: boolean } };
  trajectory: { step: number; theta: number[]; value: number; gradNorm: number }[];
  result: { theta: number[]; value: number; steps: number; reason: string };
}

describe('gradlab optimize (built binary)', () => {
  it('prints the gradient-descent trajectory and converges in one step at γ = 1/L', () => {
    const r = gradlab('optimize', G, '--from', '5', '--lr', '0.25');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('minimise g(theta) = 0.5*(theta - 2)^2 + 1.5*(theta + 1)^2');
    expect(r.stdout).toMatch(/^\s+0\s+58\.5\s+21\s+5$/m);
    expect(r.stdout).toMatch(/^\s+1\s+3\.375\s+0\s+-0\.25$/m);
    expect(r.stdout).toContain('converged after 1 step(s)');
  });

  it('runs Adam with --json and gives the whole trajectory', () => {
    const r = gradlab('optimize', 'x^2 + 10*y^2', '--from', 'x=3,y=1', '--optimizer', 'adam', '--lr', '0.1', '--steps', '300', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as OptimizeJson;
    expect(j.variables).toEqual(['x', 'y']);
    expect(j.optimizer.id).toBe('adam');
    expect(j.optimizer.config).toMatchObject({ lr: 0.1, betas: [0.9, 0.999] });
    expect(j.trajectory).toHaveLength(301);
    expect(j.trajectory[0]).toEqual({ step: 0, theta: [3, 1], value: 19, gradNorm: Math.hypot(6, 20) });
    // Adam's first step moves every coordinate by about lr against the gradient's sign.
    expect(j.trajectory[1]?.theta[0]).toBeCloseTo(2.9, 6);
    expect(j.trajectory[1]?.theta[1]).toBeCloseTo(0.9, 6);
    expect(Math.abs(j.result.theta[0] ?? 1)).toBeLessThan(0.05);
    expect(j.result.reason).toBe('max-steps');
  });

  it('suggests γ = 1/L with --lr auto and verifies the guaranteed decrease with --verify', () => {
    const auto = gradlab('optimize', G, '--from', '5', '--lr', 'auto');
    expect(auto.status).toBe(0);
    expect(auto.stdout).toContain('L = 4 at the start (Hessian power iteration), so γ = 1/L = 0.25');
    expect(auto.stdout).toContain('converged after 1 step(s)');
    const report = gradlab('optimize', G, '--from', '5', '--lr', '0.45', '--verify', 'report', '--steps', '5', '--json');
    const j = JSON.parse(report.stdout) as OptimizeJson & { violations: { step: number }[]; smoothness: { L: number } };
    expect(j.smoothness.L).toBe(4);
    expect(j.violations.map((v) => v.step)).toEqual([1, 2, 3, 4, 5]);
    const good = gradlab('optimize', G, '--from', '5', '--lr', '0.1', '--verify', 'report');
    expect(good.stdout).toContain('held at every step');
    const back = gradlab('optimize', G, '--from', '5', '--lr', '0.625', '--verify', 'backtrack');
    expect(back.status).toBe(0);
    expect(back.stdout).toMatch(/held at every step \(backtracking ended at γ = 0\.15625\)/);
    expect(gradlab('optimize', G, '--from', '5', '--optimizer', 'adam', '--verify', 'report').stderr).toContain('use it with --optimizer gd');
  });

  it('takes a Robbins–Monro schedule and reports its check', () => {
    const r = gradlab('optimize', G, '--from', 'theta=5', '--optimizer', 'sgd', '--schedule', 'robbins-monro:lr=0.2,beta=0.1,alpha=0.75', '--steps', '400', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as OptimizeJson;
    expect(j.schedule?.robbinsMonro.satisfied).toBe(true);
    expect(j.result.theta[0]).toBeCloseTo(-0.25, 6);
  });

  it('reports divergence at γ = 2.5/L with the step, and bad input with exit code 2', () => {
    const d = gradlab('optimize', G, '--from', '5', '--lr', '0.625', '--steps', '500');
    expect(d.status).toBe(1);
    expect(d.stderr).toMatch(/^gradlab optimize: \[gradlab\/optim\] minimize: diverged at step \d+: the loss .* exceeds/);
    const lr = gradlab('optimize', G, '--from', '5', '--lr', '-0.1');
    expect(lr.status).toBe(2);
    expect(lr.stderr).toContain('Invalid learning rate: -0.1');
    expect(gradlab('optimize', G, '--from', '5', '--optimizer', 'lbfgs').stderr).toContain("unknown optimizer 'lbfgs'; choose one of gd, sgd, heavy-ball, nesterov, adam, adamw");
    expect(gradlab('optimize', G).stderr).toContain('--from is required');
    expect(gradlab('optimize', 'x^2 + y^2', '--from', '1').stderr).toContain('--from: 1 value(s) for 2 variable(s) (x, y)');
    expect(gradlab('optimize', 'x^^2', '--from', '1').status).toBe(2);
    const outside = gradlab('optimize', 'x - log(x)', '--from', '0');
    expect(outside.status).toBe(2);
    expect(outside.stderr).toContain('the objective or its gradient is not finite at the starting point');
  });

  it('shows the optimisation and classification chapters in the tour', () => {
    const r = gradlab('tour', '--section', 'classification');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('perceptron (hinge-at-zero loss):  θ = -0.790000, then -0.640000');
    expect(r.stdout).toContain('logistic regression (log-loss):   θ = -0.812910, then -0.697118');
    const o = gradlab('tour', '--section', 'optimisation');
    expect(o.status).toBe(0);
    expect(o.stdout).toContain('gives L = 4, so γ = 1/L = 0.25');
    expect(o.stdout).toMatch(/γ = 2\.5\/L .* diverges \(reported at step \d+\)/);
    expect(o.stdout).toContain('Robbins–Monro holds');
  });
});

// A loss and an optimizer written here, outside their packages, with only the public contracts.

/** The pseudo-Huber loss δ²(√(1 + (d/δ)²) − 1), d = t̂ − t. */
const pseudoHuber = defineLoss({
  id: 'pseudo-huber',
  config: { delta: 1 },
  prediction: 'value',
  target: 'real',
  elementwise: (p, t) => sub(p, t).square().add(1).sqrt().sub(1),
});

/** Sign descent: θ ← θ − γ sign(∇g) (signSGD), with a tiny running state to prove serialisation. */
const signDescent = (config: { lr?: number } = {}): Optimizer =>
  elementwiseOptimizer({
    id: 'sign-descent',
    config: {},
    lr: config.lr ?? 0.01,
    slots: ['last_sign'],
    update({ param, grad: g, slots, lr }) {
      const last = slots.last_sign as Float64Array;
      for (let k = 0; k < param.length; k++) {
        const s = Math.sign(g[k] ?? 0);
        // Halve the step when the sign flips: the iterate crossed a minimum.
        const step = s !== 0 && s === -(last[k] ?? 0) ? lr / 2 : lr;
        param[k] = (param[k] ?? 0) - step * s;
        last[k] = s;
      }
    },
  });

describe('third-party plugins', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a custom loss passes checkLoss and plugs into minimize and the loss map', () => {
    expect(checkLoss(pseudoHuber).checks).toContain('gradient matches finite differences');
    const target = tensor([1, 2, 3]);
    const r = minimize((p: Tensor) => pseudoHuber.forward(p, target), tensor([0, 0, 0]), { optimizer: builtinOptimizers.sgd!({ lr: 1 }), steps: 2000 });
    expect(r.converged).toBe(true);
    Array.from(r.params.data).forEach((v, i) => expect(v).toBeCloseTo(i + 1, 6));
    // The chapter 5 steps, resolved in a map extended with a custom hinge-at-zero written here.
    const perceptronLoss = customGrad((s: Tensor) => s.relu(), (g, _out, [s]) => [g.mul(s.greater(0).astype('float64'))]);
    const mine = { ...builtinLosses, 'my-perceptron': () => defineLoss({ id: 'my-perceptron', prediction: 'score', target: 'binary', elementwise: (s, t) => perceptronLoss(s.mul(t.mul(2).sub(1)).neg()) }) };
    expect(checkLoss(mine['my-perceptron']()).id).toBe('my-perceptron');
    const steps = chapter5('my-perceptron', 'sgd', mine);
    expect(steps[0]).toBeCloseTo(-0.79, 12);
    expect(steps[1]).toBeCloseTo(-0.64, 12);
  });

  it('a custom optimizer passes checkOptimizer and plugs into minimize and the CLI map', async () => {
    const report = checkOptimizer(signDescent({ lr: 0.05 }));
    expect(report.descent.after).toBeLessThan(report.descent.before);
    const r = minimize((t: Tensor) => t.sub(tensor([1, -2])).square().sum(), tensor([0, 0]), { optimizer: signDescent({ lr: 0.1 }), steps: 200, tolerance: 1e-6 });
    Array.from(r.params.data).forEach((v, i) => expect(v).toBeCloseTo([1, -2][i] ?? NaN, 5));

    const optimizers: Record<string, OptimizerFactory> = { ...builtinOptimizers, 'sign-descent': (c) => signDescent(c) };
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    await optimizeCommand({ optimizers }).parseAsync([G, '--from', '5', '--optimizer', 'sign-descent', '--lr', '0.5', '--steps', '60', '--json'], { from: 'user' });
    const j = JSON.parse(lines.join('')) as OptimizeJson;
    expect(j.optimizer.id).toBe('sign-descent');
    expect(j.trajectory[1]?.theta).toEqual([4.5]);
    expect(j.result.theta[0]).toBeCloseTo(-0.25, 6);
  });
});
