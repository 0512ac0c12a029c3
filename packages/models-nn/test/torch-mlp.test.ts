import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tensor, valueAndGrad } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { binaryCrossEntropyWithLogits, crossEntropy } from '@gradlab/losses';
import { adam, heavyBall, sgd } from '@gradlab/optim';
import type { Optimizer } from '@gradlab/optim';
import { fit, functionalCall, mlp } from '../src/index.ts';
import type { Module } from '../src/index.ts';

interface TorchCase {
  name: string;
  sizes: number[];
  activation: 'relu' | 'tanh' | 'sigmoid';
  x: number[][];
  t: number[];
  state_dict: Record<string, number[] | number[][]>;
  logits: number[][];
  loss: number | string;
  loss_value?: number;
  grads: Record<string, number[] | number[][]>;
  training: { optimizer: { name: string; lr: number; momentum?: number }; steps: number; losses: number[]; final_loss: number; state_dict: Record<string, number[] | number[][]> }[];
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/torch-mlp.json', import.meta.url), 'utf8')) as { cases: TorchCase[] };

const asTensor = (v: number[] | number[][]): Tensor => tensor(v, { dtype: 'float64' });

function build(c: TorchCase): Module {
  const model = mlp({ sizes: c.sizes, activation: c.activation, dtype: 'float64' });
  model.loadStateDict(Object.fromEntries(Object.entries(c.state_dict).map(([k, v]) => [k, asTensor(v)])));
  return model;
}

function close(actual: ArrayLike<number>, expected: readonly number[], tol = 1e-10): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs((actual[i] as number) - (expected[i] as number))).toBeLessThan(tol * (1 + Math.abs(expected[i] as number)));
}

const flat = (v: number[] | number[][]): number[] => (v as (number | number[])[]).flat();

describe('MLPs match PyTorch (float64 fixtures from make_torch_mlp_fixtures.py)', () => {
  for (const c of fixture.cases) {
    const binary = c.sizes.at(-1) === 1;
    const loss = binary ? binaryCrossEntropyWithLogits() : crossEntropy();
    const x = asTensor(c.x);
    const t = tensor(c.t, { dtype: 'float64' });
    const lossOf = (model: Module) => (p: Record<string, Tensor>) =>
      functionalCall(model, p, () => {
        const out = model.forward(x);
        return loss.forward(binary ? out.reshape([c.t.length]) : out, t);
      });

    it(`${c.name}: logits, loss and every parameter gradient to 1e-10`, () => {
      const model = build(c);
      close(model.forward(x).data, c.logits.flat());
      const [value, grads] = valueAndGrad(lossOf(model))(model.stateDict());
      close([value.item()], [typeof c.loss === 'number' ? c.loss : (c.loss_value as number)]);
      expect(Object.keys(grads)).toEqual(Object.keys(c.grads));
      for (const [name, g] of Object.entries(c.grads)) close((grads[name] as Tensor).data, flat(g));
    });

    for (const run of c.training) {
      const o = run.optimizer;
      it(`${c.name}: ${run.steps} steps of ${o.name}${o.momentum ? ` (momentum ${o.momentum})` : ''} through fit, to 1e-10`, () => {
        const model = build(c);
        const optimizer: Optimizer = o.name === 'adam' ? adam({ lr: o.lr }) : o.momentum ? heavyBall({ lr: o.lr, momentum: o.momentum }) : sgd({ lr: o.lr });
        const r = fit(model, { x, y: t }, { loss, optimizer, epochs: run.steps, batchSize: c.t.length, shuffle: false });
        close(r.history.map((h) => h.loss), run.losses);
        for (const [name, v] of Object.entries(run.state_dict)) close((model.stateDict()[name] as Tensor).data, flat(v));
      });
    }
  }
});
