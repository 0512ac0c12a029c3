import { abs, customGrad, square, sub } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { dataset } from '@gradlab/data';
import type { Dataset } from '@gradlab/data';
import { defineLoss } from '@gradlab/losses';
import { constantSchedule, gd } from '@gradlab/optim';
import type { Schedule } from '@gradlab/optim';
import { describe, expect, it } from 'vitest';
import { corePlugin } from '../core-plugin.ts';
import { definePlugin } from '../define-plugin.ts';
import { PluginError } from '../plugin-error.ts';
import type { PluginManifest } from '../plugin-manifest.ts';
import { checkDataset } from './check-dataset.ts';
import { checkPlugin } from './check-plugin.ts';
import { checkSchedule } from './check-schedule.ts';

describe('checkPlugin', () => {
  it('passes every piece of the core plugin, one row each, in kind order', () => {
    const rows = checkPlugin(corePlugin);
    expect(rows.filter((r) => !r.passed)).toEqual([]);
    const count = (k: string) => rows.filter((r) => r.kind === k).length;
    expect(count('loss')).toBe(Object.keys(corePlugin.losses).length);
    expect(count('layer')).toBe(Object.keys(corePlugin.layers).length);
    expect(rows.find((r) => r.id === 'hinge')?.checks).toContain('gradient matches finite differences');
    expect(rows.find((r) => r.kind === 'schedule' && r.id === 'robbins-monro')?.checks).toContain('robbins-monro analytic: satisfied');
    expect(rows.find((r) => r.kind === 'layer' && r.id === 'linear')?.checks).toContain('seeded initialisation');
    expect(rows.find((r) => r.kind === 'backend')?.checks[0]).toMatch(/^\d+ kernel cases$/);
    expect(rows.find((r) => r.id === 'gaussian')?.checks.some((c) => c.startsWith('N(0, 1)'))).toBe(true);
    expect(rows.map((r) => r.kind).filter((k, i, a) => a.indexOf(k) === i)).toEqual(['loss', 'optimizer', 'schedule', 'layer', 'dataset', 'backend', 'distribution']);
  });

  it('reports a failing piece with its first failure and never throws', () => {
    const forgetful = customGrad((d: Tensor) => square(d), (g, _out, [d]) => [g.mul(d)]);
    const broken = definePlugin({
      name: 'broken',
      version: '1.0.0',
      losses: {
        wrong: () => defineLoss({ id: 'wrong', prediction: 'value', target: 'real', elementwise: (p, t) => forgetful(sub(p, t)) }),
        misnamed: () => defineLoss({ id: 'cubic', prediction: 'value', target: 'real', elementwise: (p, t) => abs(sub(p, t)).pow(3) }),
      },
      optimizers: { ascent: (c) => gd({ lr: -(c.lr as number) }), 'gd-again': { factory: (c) => ({ ...gd({ lr: c.lr as number }), id: 'gd-again' }), example: { lr: 0.1 } } },
      schedules: { negative: (): Schedule => ({ id: 'negative', config: {}, at: (i) => (i > 50 ? -1 : 1) }) },
      datasets: { ragged: (): Dataset => ({ ...dataset([[1], [2]], [0, 1]), t: new Float64Array([0, 1, 1]) }) },
      distributions: { fake: { factory: () => ({ ...(corePlugin.distributions.gaussian!.factory as (m: number, s: number) => object)(0, 1), mean: () => 0.5 }) as never, examples: [[]] } },
    });
    const rows = checkPlugin(broken);
    const row = (id: string) => rows.find((r) => r.id === id)!;
    expect(row('wrong')).toMatchObject({ kind: 'loss', passed: false, checks: [] });
    expect(row('wrong').error).toContain('fails the check "gradient matches finite differences"');
    expect(row('misnamed').error).toContain("its id is 'cubic'");
    expect(row('ascent').error).toContain('Invalid learning rate');
    expect(row('gd-again').passed).toBe(true);
    expect(row('negative').error).toContain('at(51) is -1');
    expect(row('ragged').error).toContain('x has 2 rows but t has 3 entries');
    expect(row('fake').passed).toBe(false);
    expect(row('fake').error).toContain("distribution 'fake' at N(0, 1) fails");
    expect(() => checkPlugin({} as PluginManifest)).toThrow(PluginError);
  });

  it('filters by kind and id', () => {
    expect(checkPlugin(corePlugin, { kinds: ['loss'], ids: ['hinge', 'quadratic'] }).map((r) => r.id)).toEqual(['quadratic', 'hinge']);
  });
});

describe('checkDataset', () => {
  it('passes a data set with class names and reports its shape', () => {
    const d = dataset([[0, 1], [1, 0], [2, 2]], [0, 1, 1], { classNames: ['a', 'b'] });
    expect(checkDataset('toy', d)).toEqual({ id: 'toy', checks: ['contract', 'shape', 'finite values', 'names', 'class indices'], shape: [3, 2] });
  });

  it('names the first bad number, a missing name and a class index out of range', () => {
    const d = dataset([[0, 1], [1, 0]], [0, 1]);
    const x = { data: new Float64Array([0, 1, Number.NaN, 0]), shape: [2, 2] as [number, number] };
    expect(() => checkDataset('nan', { ...d, x })).toThrow('x[1, 0] is NaN');
    expect(() => checkDataset('names', { ...d, featureNames: ['a'] })).toThrow('x has 2 columns but there are 1 feature names');
    expect(() => checkDataset('classes', { ...d, classNames: ['only'] })).toThrow('t[1] is 1, not a class index 0..0');
    expect(() => checkDataset('size', { ...d, x: { data: new Float64Array(3), shape: [2, 2] } })).toThrow('x.data holds 3 numbers, not 4');
  });
});

describe('checkSchedule', () => {
  it('reports the Robbins-Monro verdict without failing a schedule that does not meet it', () => {
    const report = checkSchedule(constantSchedule({ lr: 0.1 }));
    expect(report.robbinsMonro.satisfied).toBe(false);
    expect(report.checks).toContain('finite non-negative steps');
  });

  it('catches a schedule that is not deterministic', () => {
    let calls = 0;
    expect(() => checkSchedule({ id: 'noisy', config: {}, at: () => ++calls })).toThrow('fails the check "deterministic"');
  });
});
