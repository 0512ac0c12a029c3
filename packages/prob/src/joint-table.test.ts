import { rng, ShapeError, ValueError } from '@gradlab/core-tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jointTable } from './joint-table-factory.ts';

const seed = () => jointTable({ variables: ['x1', 'x2'], probs: [[0.45, 0.05], [0.1, 0.4]] });

describe('jointTable: the seed example', () => {
  it('has marginals x1 ~ Bern(0.5) and x2 ~ Bern(0.45)', () => {
    const p = seed();
    const x1 = p.marginal('x1').toDistribution();
    const x2 = p.marginal('x2').toDistribution();
    expect(Math.abs(x1.prob(1) - 0.5)).toBeLessThan(1e-12);
    expect(Math.abs(x2.prob(1) - 0.45)).toBeLessThan(1e-12);
    expect(x1.toString()).toBe('Bern(0.5)');
    expect(x2.toString()).toBe('Bern(0.45)');
    expect(x1.family).toBe('bernoulli');
  });

  it('has x1 | x2 = 0 ~ Bern(0.1 / 0.55 = 0.181818...)', () => {
    const c = seed().conditional({ x2: 0 });
    expect(c.names).toEqual(['x1']);
    expect(Math.abs(c.prob({ x1: 1 }) - 0.1 / 0.55)).toBeLessThan(1e-12);
    expect(Math.abs(c.prob({ x1: 0 }) - 0.45 / 0.55)).toBeLessThan(1e-12);
    expect(c.toDistribution().toString()).toBe('Bern(0.181818)');
  });

  it('reads single entries and events', () => {
    const p = seed();
    expect(p.prob({ x1: 1, x2: 0 })).toBe(0.1);
    expect(p.prob({ x2: 0 })).toBeCloseTo(0.55, 15);
    expect(p.prob({ x1: '1', x2: '1' })).toBe(0.4);
    expect(p.prob({})).toBeCloseTo(1, 15);
    expect(p.shape).toEqual([2, 2]);
  });

  it('factorises by the chain rule in either order', () => {
    const p = seed();
    const forward = p.chainRule();
    expect(forward.order).toEqual(['x1', 'x2']);
    expect(forward.factors[0]?.rows[0]?.probs).toEqual([0.5, 0.5]);
    expect(forward.factors[1]?.given).toEqual(['x1']);
    expect(forward.factors[1]?.rows[1]?.given).toEqual({ x1: 1 });
    expect(forward.factors[1]?.rows[1]?.probs[1]).toBeCloseTo(0.8, 15);
    expect(forward.maxError).toBeLessThan(1e-15);
    const backward = p.chainRule(['x2', 'x1']);
    expect(backward.factors[1]?.rows[0]?.probs[1]).toBeCloseTo(0.1 / 0.55, 15);
    expect(backward.maxError).toBeLessThan(1e-15);
    expect(() => p.chainRule(['x1'])).toThrow(/name every variable once/);
  });

  it('is not independent; a product table is', () => {
    expect(seed().isIndependent('x1', 'x2')).toBe(false);
    const product = jointTable({ variables: ['a', 'b'], probs: [[0.5 * 0.3, 0.5 * 0.7], [0.5 * 0.3, 0.5 * 0.7]] });
    expect(product.isIndependent('a', 'b')).toBe(true);
    expect(product.mutualInformation('a', 'b')).toBeCloseTo(0, 14);
    expect(seed().isIndependent('x1', 'x2', { tolerance: 0.2 })).toBe(true);
  });

  it("applies Bayes' theorem with every term", () => {
    const r = seed().bayes('x1', { x2: 0 });
    expect(r.prior).toEqual([0.5, 0.5]);
    expect(r.likelihood[0]).toBeCloseTo(0.9, 15);
    expect(r.likelihood[1]).toBeCloseTo(0.2, 15);
    expect(r.evidence).toBeCloseTo(0.55, 15);
    expect(Math.abs((r.posterior[1] as number) - 0.1 / 0.55)).toBeLessThan(1e-12);
  });

  it('computes entropies in nats', () => {
    const p = seed();
    const h = -[0.45, 0.05, 0.1, 0.4].reduce((s, q) => s + q * Math.log(q), 0);
    expect(p.entropy()).toBeCloseTo(h, 14);
    const hx1 = Math.log(2);
    expect(p.conditionalEntropy('x2', 'x1')).toBeCloseTo(h - hx1, 14);
    expect(p.conditionalEntropy('x2')).toBeCloseTo(h - hx1, 14);
    expect(p.expectation((a) => (a['x1'] as number) * (a['x2'] as number))).toBe(0.4);
  });

  it('prints an aligned table like the notes', () => {
    expect(seed().format()).toBe(['x1\\x2 | 0    | 1', '------|------|-----', '0     | 0.45 | 0.05', '1     | 0.1  | 0.4'].join('\n'));
    expect(seed().marginal('x2').format()).toBe(['x2 | 0    | 1', '---|------|-----', 'p  | 0.55 | 0.45'].join('\n'));
    expect(seed().format({ layout: 'long' }).split('\n')[2]).toBe('0  | 0  | 0.45');
  });

  it('round-trips through JSON and keeps named values', () => {
    const p = jointTable({
      variables: [{ name: 'weather', values: ['sun', 'rain'] }, { name: 'umbrella', values: ['no', 'yes'] }, 'late'],
      probs: [0.2, 0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.4],
    });
    const again = jointTable(p.toJSON());
    expect(again.probabilities()).toEqual(p.probabilities());
    expect(again.prob({ weather: 'rain', umbrella: 'yes', late: 1 })).toBe(0.4);
    expect(p.conditional({ weather: 'rain' }, 'umbrella').prob({ umbrella: 'yes' })).toBeCloseTo(0.5 / 0.6, 14);
    expect(p.format().split('\n')[0]).toBe('weather | umbrella | late | p');
    expect(p.isIndependent('weather', 'late', { given: 'umbrella' })).toBe(false);
  });

  it('samples assignments with the table frequencies', () => {
    const n = 100_000;
    const draws = seed().sample(rng(11), n);
    for (const e of seed().entries()) {
      const f = draws.filter((a) => a['x1'] === e.assignment['x1'] && a['x2'] === e.assignment['x2']).length / n;
      expect(Math.abs(f - e.prob)).toBeLessThan(4 * Math.sqrt((e.prob * (1 - e.prob)) / n));
    }
  });
});

describe('jointTable: invalid input', () => {
  it('rejects negative probabilities and bad sums, naming the argument', () => {
    expect(() => jointTable({ variables: ['a'], probs: [1.2, -0.2] })).toThrow('[gradlab/prob] jointTable: probabilities must be non-negative (argument spec.probs[1]; expected >= 0; received -0.2)');
    expect(() => jointTable({ variables: ['a', 'b'], probs: [[0.5, 0.5], [0.5, 0.5]] })).toThrow(/must sum to 1.*received sum 2\). Hint: pass \{ normalize: true \}/);
    expect(jointTable({ variables: ['a', 'b'], probs: [[1, 1], [1, 1]] }, { normalize: true }).prob({ a: 0, b: 1 })).toBe(0.25);
    expect(jointTable({ variables: ['a'], probs: [0.5, 0.5001] }, { tolerance: 1e-3 }).shape).toEqual([2]);
  });

  it('rejects a shape mismatch', () => {
    expect(() => jointTable({ variables: ['a', 'b'], probs: [[0.5, 0.2], [0.3]] })).toThrow(ShapeError);
    expect(() => jointTable({ variables: ['a'], probs: [[0.5, 0.5]] })).toThrow(/nesting depth/);
    expect(() => jointTable({ variables: [{ name: 'a', values: [0, 1, 2] }], probs: [0.5, 0.5] })).toThrow(/product of the numbers of values/);
    expect(() => jointTable({ variables: ['a', 'b'], probs: [0.5, 0.5] })).toThrow(/values of all but one variable must be listed/);
    expect(jointTable({ variables: ['a'], probs: [0.5, 0.5] }).variables[0]?.values).toEqual([0, 1]);
    expect(() => jointTable({ variables: ['a', 'a'], probs: [[0.25, 0.25], [0.25, 0.25]] })).toThrow(/names must be distinct/);
  });

  it('refuses to condition on an event of probability zero', () => {
    const p = jointTable({ variables: ['x', 't'], probs: [[0.5, 0.5], [0, 0]] });
    try {
      p.conditional({ x: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValueError);
      expect((e as ValueError).arg).toBe('given');
      expect((e as Error).message).toBe('[gradlab/prob] jointTable.conditional: cannot condition on an event of probability zero (argument given; expected p(given) > 0; received p(x=1) = 0)');
    }
    expect(() => p.bayes('t', { x: 1 })).toThrow(/probability zero/);
    expect(() => p.conditional({ y: 1 })).toThrow(/unknown variable/);
    expect(() => p.conditional({ x: 7 })).toThrow(/unknown value \(argument given.x; expected one of 0, 1; received 7\)/);
  });
});

describe('jointTable: properties of random tables', () => {
  const table = fc
    .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 3 }))
    .chain(([a, b, c]) => fc.tuple(fc.constant([a, b, c]), fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: a * b * c, maxLength: a * b * c })));

  it('marginals sum to 1, the chain rule reproduces the table, Bayes equals the conditional', () => {
    fc.assert(
      fc.property(table, ([[a, b, c], w]) => {
        const p = jointTable(
          { variables: [{ name: 'x', values: Array.from({ length: a }, (_v, i) => i) }, { name: 'y', values: Array.from({ length: b }, (_v, i) => i) }, { name: 't', values: Array.from({ length: c }, (_v, i) => i) }], probs: w },
          { normalize: true },
        );
        expect(p.marginal(['t', 'x']).probabilities().reduce((s, q) => s + q, 0)).toBeCloseTo(1, 12);
        expect(p.chainRule(['t', 'y', 'x']).maxError).toBeLessThan(1e-14);
        const post = p.bayes('t', { x: 0, y: 0 }).posterior;
        const cond = p.conditional({ x: 0, y: 0 }).probabilities();
        post.forEach((q, k) => expect(q).toBeCloseTo(cond[k] as number, 12));
        expect(p.conditionalEntropy('t', ['x', 'y'])).toBeLessThanOrEqual(p.marginal('t').entropy() + 1e-12);
      }),
      { numRuns: 60 },
    );
  });
});
