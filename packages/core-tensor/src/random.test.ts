import { describe, expect, it } from 'vitest';
import { ValueError } from './errors.ts';
import { rng, rngFromState } from './random.ts';

describe('rng', () => {
  it('gives the same stream for the same seed, bit for bit', () => {
    const a = rng(42);
    const b = rng(42);
    for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
    expect(rng(1).uniform()).not.toBe(rng(2).uniform());
  });

  it('pins the stream of seed 0 (a change of algorithm must be deliberate)', () => {
    const r = rng(0);
    const first = [r.nextUint32(), r.nextUint32(), r.nextUint32()];
    const again = rng(0);
    expect([again.nextUint32(), again.nextUint32(), again.nextUint32()]).toEqual(first);
    expect(first.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });

  it('uniform has mean 1/2 and variance 1/12 within 4 standard errors', () => {
    const r = rng(7);
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      s += u;
      s2 += u * u;
    }
    const mean = s / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('normal has the requested mean and standard deviation', () => {
    const r = rng(3);
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal(2, 3);
      s += z;
      s2 += z * z;
    }
    const mean = s / n;
    expect(Math.abs(mean - 2)).toBeLessThan(4 * (3 / Math.sqrt(n)));
    expect(Math.abs(Math.sqrt(s2 / n - mean * mean) - 3)).toBeLessThan(0.05);
  });

  it('categorical frequencies match the probabilities', () => {
    const r = rng(11);
    const p = [0.1, 0.2, 0.7];
    const counts = [0, 0, 0];
    const n = 100_000;
    for (let i = 0; i < n; i++) counts[r.categorical(p)]! += 1;
    p.forEach((pk, k) => {
      expect(Math.abs(counts[k]! / n - pk)).toBeLessThan(4 * Math.sqrt((pk * (1 - pk)) / n));
    });
  });

  it('permutation is a permutation and integer stays in range', () => {
    const r = rng(5);
    const perm = Array.from(r.permutation(100));
    expect([...perm].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    for (let i = 0; i < 1000; i++) {
      const k = r.integer(7);
      expect(k >= 0 && k < 7 && Number.isInteger(k)).toBe(true);
    }
    expect(r.shuffle(['a', 'b', 'c']).sort()).toEqual(['a', 'b', 'c']);
  });

  it('split and fork give reproducible, distinct streams', () => {
    const parent = rng(9);
    const c1 = parent.split();
    const c2 = parent.split();
    expect(c1.nextUint32()).not.toBe(c2.nextUint32());
    const p2 = rng(9);
    expect(p2.split().nextUint32()).toBe(rng(9).split().nextUint32());
    const f = rng(9);
    const before = f.state();
    const k3 = f.fork(3).uniform();
    expect(f.state()).toEqual(before);
    expect(rng(9).fork(3).uniform()).toBe(k3);
    expect(rng(9).fork(4).uniform()).not.toBe(k3);
  });

  it('clone and state restore the stream', () => {
    const r = rng(21);
    r.normal();
    const c = r.clone();
    expect(c.normal()).toBe(r.normal());
    const s = r.state();
    const restored = rngFromState(s);
    expect(restored.nextUint32()).toBe(r.nextUint32());
  });

  it('rejects bad arguments with a ValueError naming them', () => {
    expect(() => rng(-1)).toThrow(ValueError);
    expect(() => rng(1.5)).toThrow(/rng: seed must be/);
    expect(() => rng(0).bernoulli(1.2)).toThrow(/Rng\.bernoulli.*argument p/);
    expect(() => rng(0).categorical([0.5, 0.6])).toThrow(/sum to 1/);
    expect(() => rng(0).categorical([-0.5, 1.5])).toThrow(/non-negative/);
    expect(() => rng(0).integer(0)).toThrow(ValueError);
    expect(() => rngFromState([0, 0, 0, 0])).toThrow(/all-zero/);
  });
});
