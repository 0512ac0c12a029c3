import { grad, tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adam, adamw, sgd } from '../src/index.ts';
import type { Optimizer } from '../src/index.ts';

interface Run {
  optimizer: 'sgd' | 'adam' | 'adamw';
  options: { lr: number; momentum?: number; dampening?: number; weight_decay?: number; nesterov?: boolean; maximize?: boolean; betas?: [number, number]; eps?: number; amsgrad?: boolean };
  trajectory: { w: number[]; b: number[] }[];
}
interface Fixture {
  problem: { X: number[][]; t: number[]; w0: number[]; b0: number[]; steps: number };
  runs: Run[];
}

// Made by test/fixtures/make_torch_fixtures.py with Debian's python3-torch.
const fixture = JSON.parse(readFileSync(new URL('./fixtures/torch-trajectories.json', import.meta.url), 'utf8')) as Fixture;
const X = tensor(fixture.problem.X);
const T = tensor(fixture.problem.t);

type Params = { w: Tensor; b: Tensor };
/** g(w, b) = mean_n (x_n . w + b - t_n)^2 + 0.25 sum(w^4), as in the script. */
const g = (p: Params): Tensor => {
  const r = X.matmul(p.w).add(p.b).sub(T);
  return r.square().mean().add(p.w.pow(4).sum().mul(0.25));
};

function make(run: Run): Optimizer {
  const o = run.options;
  const common = { lr: o.lr, ...(o.weight_decay !== undefined ? { weightDecay: o.weight_decay } : {}) };
  if (run.optimizer === 'sgd') {
    return sgd({ ...common, momentum: o.momentum ?? 0, dampening: o.dampening ?? 0, nesterov: o.nesterov ?? false, maximize: o.maximize ?? false });
  }
  const adamOptions = { ...common, ...(o.betas ? { betas: o.betas } : {}), ...(o.eps !== undefined ? { eps: o.eps } : {}), amsgrad: o.amsgrad ?? false };
  return run.optimizer === 'adam' ? adam(adamOptions) : adamw(adamOptions);
}

describe('optimizers follow torch.optim over 20 steps', () => {
  for (const run of fixture.runs) {
    it(`${run.optimizer} ${JSON.stringify(run.options)}`, () => {
      const opt = make(run);
      let params: Params = { w: tensor(fixture.problem.w0), b: tensor(fixture.problem.b0) };
      let state = opt.init(params);
      run.trajectory.forEach((expected, i) => {
        ({ params, state } = opt.step(params, grad(g)(params), state));
        const w = Array.from(params.w.data);
        const b = Array.from(params.b.data);
        expected.w.forEach((v, k) => expect(w[k], `step ${i + 1}, w[${k}]`).toBeCloseTo(v, 10));
        expect(b[0], `step ${i + 1}, b`).toBeCloseTo(expected.b[0] ?? NaN, 10);
      });
      expect(state.step).toBe(fixture.problem.steps);
    });
  }
});
