import { ValueError } from '@gradlab/core-tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Schedule } from '../schedule.ts';
import { constantBatchSize, growingBatchSize } from './batch-size.ts';
import { builtinBatchSizeSchedules, builtinSchedules, scheduleFromSpec } from './builtin-schedules.ts';
import { checkRobbinsMonro } from './check-robbins-monro.ts';
import { constantSchedule } from './constant-schedule.ts';
import { cosineAnnealing } from './cosine-annealing.ts';
import { exponentialDecay } from './exponential-decay.ts';
import { inversePower } from './inverse-power.ts';
import { robbinsMonro } from './robbins-monro.ts';
import { stepDecay } from './step-decay.ts';
import { warmup } from './warmup.ts';

describe('learning-rate schedules', () => {
  it('compute the formulas of the notes and of torch.optim.lr_scheduler', () => {
    expect(constantSchedule({ lr: 0.1 }).at(7)).toBe(0.1);
    expect(inversePower({ alpha: 1 }).at(4)).toBe(0.25);
    expect(inversePower({ alpha: 0.5, lr: 2 }).at(9)).toBeCloseTo(2 / 3, 15);
    expect(robbinsMonro({ lr: 0.5, beta: 0.1, alpha: 0.75 }).at(10)).toBeCloseTo(0.5 / 2 ** 0.75, 15);
    const step = stepDecay({ lr: 1, stepSize: 10, gamma: 0.5 });
    expect([step.at(1), step.at(10), step.at(11), step.at(21)]).toEqual([1, 1, 0.5, 0.25]);
    expect(exponentialDecay({ lr: 1, gamma: 0.9 }).at(3)).toBeCloseTo(0.81, 15);
    const cos = cosineAnnealing({ lr: 1, tMax: 10, etaMin: 0.1 });
    expect(cos.at(1)).toBe(1);
    expect(cos.at(6)).toBeCloseTo(0.55, 15);
    expect(cos.at(11)).toBeCloseTo(0.1, 15);
    expect(cos.at(500)).toBe(0.1);
    const w = warmup(constantSchedule({ lr: 0.1 }), { steps: 4, startFactor: 0 });
    expect([w.at(1), w.at(3), w.at(5), w.at(50)].map((x) => Number(x.toFixed(12)))).toEqual([0, 0.05, 0.1, 0.1]);
  });

  it('are monotone non-increasing for the decaying families (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 10_000 }),
        (alpha, beta, i) => {
          const s = robbinsMonro({ lr: 1, beta, alpha });
          expect(s.at(i + 1)).toBeLessThanOrEqual(s.at(i));
          expect(s.at(i)).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('reject bad hyper-parameters with PyTorch wording', () => {
    expect(() => constantSchedule({ lr: -0.1 })).toThrow(ValueError);
    expect(() => constantSchedule({ lr: -0.1 })).toThrow('Invalid learning rate: -0.1');
    expect(() => stepDecay({ lr: 1, stepSize: 0 })).toThrow('Invalid step size: 0');
    expect(() => cosineAnnealing({ lr: 0.1, tMax: 5, etaMin: 1 })).toThrow('Invalid eta_min: 1');
    expect(() => warmup(constantSchedule({ lr: 1 }), { steps: 3, startFactor: 1.5 })).toThrow('Invalid start_factor: 1.5');
    expect(() => warmup(null as never, { steps: 3 })).toThrow(/expected a Schedule/);
    expect(() => inversePower({ alpha: 1 }).at(0)).toThrow('iterations are numbered from 1');
  });

  it('round-trip through JSON and the builtin map', () => {
    const schedules: Schedule[] = [
      constantSchedule({ lr: 0.3 }),
      inversePower({ alpha: 0.6, lr: 0.2 }),
      robbinsMonro({ lr: 0.5, beta: 0.1, alpha: 1 }),
      stepDecay({ lr: 1, stepSize: 3 }),
      exponentialDecay({ lr: 1, gamma: 0.5 }),
      cosineAnnealing({ lr: 1, tMax: 7 }),
      warmup(robbinsMonro({ lr: 0.5, beta: 1, alpha: 0.7 }), { steps: 5 }),
    ];
    for (const s of schedules) {
      const again = scheduleFromSpec(JSON.parse(JSON.stringify({ id: s.id, config: s.config })) as { id: string; config: Record<string, never> });
      for (const i of [1, 2, 5, 13]) expect(again.at(i)).toBe(s.at(i));
      expect(Object.hasOwn(builtinSchedules, s.id)).toBe(true);
    }
    expect(Object.isFrozen(builtinSchedules)).toBe(true);
    expect(() => scheduleFromSpec({ id: 'nope', config: {} })).toThrow("unknown schedule 'nope'");
  });
});

describe('checkRobbinsMonro', () => {
  it('is analytic for the built-in families', () => {
    for (const alpha of [0.51, 0.75, 1]) {
      const r = checkRobbinsMonro(robbinsMonro({ lr: 1, beta: 0.5, alpha }));
      expect(r).toMatchObject({ satisfied: true, method: 'analytic', exponent: alpha });
      expect(checkRobbinsMonro(inversePower({ alpha })).satisfied).toBe(true);
    }
    expect(checkRobbinsMonro(inversePower({ alpha: 0.5 }))).toMatchObject({ satisfied: false, sumDiverges: true, sumOfSquaresConverges: false });
    expect(checkRobbinsMonro(inversePower({ alpha: 1.5 }))).toMatchObject({ satisfied: false, sumDiverges: false, sumOfSquaresConverges: true });
    expect(checkRobbinsMonro(constantSchedule({ lr: 0.1 })).reason).toContain('Σγ² is infinite');
    expect(checkRobbinsMonro(exponentialDecay({ lr: 1, gamma: 0.99 }))).toMatchObject({ satisfied: false, sumDiverges: false });
    expect(checkRobbinsMonro(stepDecay({ lr: 1, stepSize: 100 })).satisfied).toBe(false);
    expect(checkRobbinsMonro(cosineAnnealing({ lr: 1, tMax: 100 })).sumDiverges).toBe(false);
    expect(checkRobbinsMonro(warmup(inversePower({ alpha: 0.8 }), { steps: 10 })).satisfied).toBe(true);
  });

  it('agrees with the analytic answer when forced to be numeric', () => {
    const cases: Schedule[] = [
      robbinsMonro({ lr: 1, beta: 0.5, alpha: 0.75 }),
      inversePower({ alpha: 1 }),
      inversePower({ alpha: 0.5 }),
      inversePower({ alpha: 1.2 }),
      constantSchedule({ lr: 0.1 }),
      exponentialDecay({ lr: 1, gamma: 0.999999 }),
      stepDecay({ lr: 1, stepSize: 1000 }),
      cosineAnnealing({ lr: 1, tMax: 10 }),
    ];
    for (const s of cases) {
      const a = checkRobbinsMonro(s);
      const n = checkRobbinsMonro(s, { numeric: true });
      expect(n.method).toBe('numeric');
      expect([n.sumDiverges, n.sumOfSquaresConverges]).toEqual([a.sumDiverges, a.sumOfSquaresConverges]);
    }
  });

  it('uses the heuristic for a user schedule without a tail', () => {
    const user: Schedule = { id: 'mine', config: {}, at: (i) => 3 / (10 + i) ** 0.8 };
    expect(checkRobbinsMonro(user)).toMatchObject({ satisfied: true, method: 'numeric', exponent: 0.8 });
    const growing: Schedule = { id: 'grow', config: {}, at: (i) => Math.sqrt(i) };
    expect(checkRobbinsMonro(growing)).toMatchObject({ satisfied: false, sumDiverges: true, sumOfSquaresConverges: false });
  });
});

describe('batch-size schedules', () => {
  it('grow geometrically up to the cap', () => {
    const s = growingBatchSize({ initial: 4, factor: 2, every: 10, max: 64 });
    expect([s.at(1), s.at(10), s.at(11), s.at(21), s.at(1000)]).toEqual([4, 4, 8, 16, 64]);
    expect(growingBatchSize({ initial: 3, factor: 1.5 }).at(2)).toBe(5);
    expect(constantBatchSize({ size: 32 }).at(100)).toBe(32);
    expect(builtinBatchSizeSchedules['growing-batch-size']?.({ initial: 8 }).at(3)).toBe(32);
  });

  it('validate their options', () => {
    expect(() => constantBatchSize({ size: 0 })).toThrow('Invalid batch size: 0');
    expect(() => growingBatchSize({ initial: 2, factor: 0.5 })).toThrow('Invalid growth factor: 0.5');
    expect(() => growingBatchSize({ initial: 8, max: 4 })).toThrow('Invalid maximum batch size: 4');
  });
});
