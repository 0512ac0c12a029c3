import { ValueError } from '@gradlab/core-tensor';
import type { Rng } from '@gradlab/core-tensor';
import { checkSampleCount, DEFAULT_TOLERANCE, xlogx } from './argument-checks.ts';
import { bernoulli } from './bernoulli.ts';
import { categorical } from './categorical.ts';
import type { Value } from './distribution.ts';
import type { FiniteDistribution } from './finite-distribution.ts';
import { formatJoint } from './joint-table-format.ts';
import type { Assignment, BayesResult, ChainFactor, ChainRule, JointTableJSON, NestedProbs, Variable } from './joint-table-types.ts';
import type { FormatOptions } from './joint-table-format.ts';

const OP = 'jointTable';

function names(arg: string | readonly string[]): readonly string[] {
  return typeof arg === 'string' ? [arg] : arg;
}

/**
 * An n-dimensional discrete joint pmf p(x₁, …, xₙ) over named variables with named values. Made by
 * {@link jointTable}, `jointFromSamples` or `jointFromPrior`; immutable. Probabilities are stored
 * row-major, last variable fastest. Values are matched by their string form, so `1` and `'1'` name
 * the same value.
 */
export class JointTable {
  /** The variables, in order. */
  readonly variables: readonly Variable[];
  /** Their names. */
  readonly names: readonly string[];
  /** Number of values of each variable. */
  readonly shape: readonly number[];
  readonly #p: Float64Array;
  readonly #strides: number[];
  readonly #lookup: Map<string, number>[];

  private constructor(variables: readonly Variable[], probs: Float64Array) {
    this.variables = Object.freeze(variables.map((v) => Object.freeze({ name: v.name, values: Object.freeze([...v.values]) })));
    this.names = Object.freeze(variables.map((v) => v.name));
    this.shape = Object.freeze(variables.map((v) => v.values.length));
    this.#p = probs;
    this.#strides = new Array<number>(variables.length).fill(1);
    for (let k = variables.length - 2; k >= 0; k--) this.#strides[k] = (this.#strides[k + 1] as number) * (this.shape[k + 1] as number);
    this.#lookup = variables.map((v) => new Map(v.values.map((x, i) => [String(x), i])));
  }

  /** @internal Builds a table from validated parts; use {@link jointTable}. */
  static fromValidated(variables: readonly Variable[], probs: Float64Array): JointTable {
    return new JointTable(variables, probs);
  }

  /** The flat row-major probabilities (a copy). */
  probabilities(): number[] {
    return Array.from(this.#p);
  }

  /** Every assignment with its probability, in row-major order. */
  entries(): { assignment: Assignment; prob: number }[] {
    return this.#digitsList().map((d, i) => ({ assignment: this.#assignment(d), prob: this.#p[i] as number }));
  }

  /**
   * The probability of an assignment; with only some variables named, the marginal probability of
   * that event (the sum over the others): `prob({ x1: 0, x2: 1 })`, `prob({ x2: 0 })`.
   * @throws ValueError for an unknown variable or value
   */
  prob(assignment: Assignment): number {
    const fixed = this.#resolve(assignment, 'prob', 'assignment');
    let s = 0;
    this.#digitsList().forEach((d, i) => {
      if (fixed.every(([k, v]) => d[k] === v)) s += this.#p[i] as number;
    });
    return s;
  }

  /**
   * The marginal p(x_A) = Σ over the other variables, as a table over `vars` in the order given.
   * @param vars a name or names
   * @returns a {@link JointTable} over `vars`
   * @throws ValueError for an unknown or repeated name
   * @example
   * p.marginal('x2').probabilities(); // [0.55, 0.45]
   */
  marginal(vars: string | readonly string[]): JointTable {
    const keep = this.#indicesOf(names(vars), 'marginal', 'names');
    if (keep.length === 0) throw new ValueError('a marginal needs at least one variable', { pkg: 'prob', op: `${OP}.marginal`, arg: 'names', expected: 'a non-empty list', received: '[]' });
    return new JointTable(keep.map((k) => this.variables[k] as Variable), this.#sumTo(keep, []));
  }

  /**
   * The conditional p(rest | given) = p(rest, given) / p(given), as a table over the variables not
   * in `given` (all of them, or only `of` when given).
   * @param given values of the conditioning variables, e.g. `{ x2: 0 }`
   * @param of the variables to keep (default: all the others)
   * @returns a {@link JointTable} over the remaining variables, summing to 1
   * @throws ValueError when p(given) = 0, or a name or value is unknown
   * @example
   * p.conditional({ x2: 0 }).prob({ x1: 1 }); // 0.1 / 0.55
   */
  conditional(given: Assignment, of?: string | readonly string[]): JointTable {
    const op = `${OP}.conditional`;
    const fixed = this.#resolve(given, 'conditional', 'given');
    const fixedVars = new Set(fixed.map(([k]) => k));
    const keep = of === undefined ? this.names.map((_n, k) => k).filter((k) => !fixedVars.has(k)) : this.#indicesOf(names(of), 'conditional', 'of');
    if (keep.length === 0) throw new ValueError('nothing is left to be distributed once every variable is given', { pkg: 'prob', op, arg: 'given', received: given });
    const clash = keep.find((k) => fixedVars.has(k));
    if (clash !== undefined) throw new ValueError('a variable cannot be both kept and given', { pkg: 'prob', op, arg: 'of', received: this.names[clash] });
    const joint = this.#sumTo(keep, fixed);
    const total = joint.reduce((s, p) => s + p, 0);
    if (!(total > 0)) {
      throw new ValueError('cannot condition on an event of probability zero', {
        pkg: 'prob',
        op,
        arg: 'given',
        expected: 'p(given) > 0',
        received: `p(${Object.entries(given).map(([n, v]) => `${n}=${v}`).join(', ')}) = 0`,
      });
    }
    return new JointTable(keep.map((k) => this.variables[k] as Variable), joint.map((p) => p / total));
  }

  /**
   * The chain rule p(x₁, …, xₙ) = p(x₁) p(x₂ | x₁) ⋯ p(xₙ | x₁, …, xₙ₋₁) in the given order; the
   * factors are returned and their product is checked against the table (`maxError`).
   * @param order all the names, in the order to factorise (default: the table's order)
   * @returns the order, the factors and `maxError`
   * @throws ValueError when `order` is not a permutation of the names
   * @example
   * p.chainRule(['x2', 'x1']).factors[1].rows[0].probs; // p(x1 | x2 = 0) = [0.818…, 0.181…]
   */
  chainRule(order: readonly string[] = this.names): ChainRule {
    const idx = this.#indicesOf(order, 'chainRule', 'order');
    if (idx.length !== this.names.length) {
      throw new ValueError('the order must name every variable once', { pkg: 'prob', op: `${OP}.chainRule`, arg: 'order', expected: [...this.names], received: [...order] });
    }
    const factors: ChainFactor[] = [];
    for (let i = 0; i < idx.length; i++) {
      const givenIdx = idx.slice(0, i);
      const target = idx[i] as number;
      const joint = this.#sumTo([...givenIdx, target], []);
      const m = this.shape[target] as number;
      const rows: ChainFactor['rows'][number][] = [];
      for (let r = 0; r * m < joint.length; r++) {
        const row = Array.from(joint.subarray(r * m, (r + 1) * m));
        const z = row.reduce((s, p) => s + p, 0);
        const givenDigits = this.#unflatten(r, givenIdx);
        rows.push({
          given: Object.freeze(Object.fromEntries(givenIdx.map((k, j) => [this.names[k] as string, (this.variables[k] as Variable).values[givenDigits[j] as number] as Value]))),
          probs: Object.freeze(z > 0 ? row.map((p) => p / z) : row.map(() => 1 / m)),
          defined: z > 0,
        });
      }
      factors.push(Object.freeze({ target: this.names[target] as string, given: Object.freeze(givenIdx.map((k) => this.names[k] as string)), rows: Object.freeze(rows) }));
    }
    let maxError = 0;
    this.#digitsList().forEach((d, flat) => {
      let product = 1;
      factors.forEach((f, i) => {
        const givenIdx = idx.slice(0, i);
        let r = 0;
        for (const k of givenIdx) r = r * (this.shape[k] as number) + (d[k] as number);
        product *= ((f.rows[r] as ChainFactor['rows'][number]).probs[d[idx[i] as number] as number]) as number;
      });
      maxError = Math.max(maxError, Math.abs(product - (this.#p[flat] as number)));
    });
    return Object.freeze({ order: Object.freeze(idx.map((k) => this.names[k] as string)), factors: Object.freeze(factors), maxError });
  }

  /**
   * Exact independence test: a ⫫ b when |p(a, b) − p(a) p(b)| <= tolerance for every pair of values
   * (with `given`, for every value of the given variables with positive probability).
   * @param a a name or names
   * @param b another name or names, disjoint from a
   * @param options tolerance (default 1e-9), given: names to condition on
   * @returns true when independent within the tolerance
   * @throws ValueError for an unknown name, or a and b sharing a variable
   * @example
   * p.isIndependent('x1', 'x2'); // false
   */
  isIndependent(a: string | readonly string[], b: string | readonly string[], options: { tolerance?: number; given?: string | readonly string[] } = {}): boolean {
    const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
    const ai = this.#indicesOf(names(a), 'isIndependent', 'a');
    const bi = this.#indicesOf(names(b), 'isIndependent', 'b');
    const gi = options.given === undefined ? [] : this.#indicesOf(names(options.given), 'isIndependent', 'options.given');
    const all = [...ai, ...bi, ...gi];
    if (new Set(all).size !== all.length) {
      throw new ValueError('a, b and given must not share variables', { pkg: 'prob', op: `${OP}.isIndependent`, arg: 'b', received: all.map((k) => this.names[k]) });
    }
    const joint = this.#sumTo(all, []);
    const na = ai.reduce((s, k) => s * (this.shape[k] as number), 1);
    const nb = bi.reduce((s, k) => s * (this.shape[k] as number), 1);
    const ng = gi.reduce((s, k) => s * (this.shape[k] as number), 1);
    // joint is indexed [a][b][g]: p(a, b, g) = joint[(ia·nb + ib)·ng + ig]
    for (let g = 0; g < ng; g++) {
      let pg = 0;
      const pa = new Float64Array(na);
      const pb = new Float64Array(nb);
      for (let i = 0; i < na; i++) {
        for (let j = 0; j < nb; j++) {
          const p = joint[(i * nb + j) * ng + g] as number;
          pg += p;
          pa[i] = (pa[i] as number) + p;
          pb[j] = (pb[j] as number) + p;
        }
      }
      if (pg === 0) continue;
      for (let i = 0; i < na; i++) {
        for (let j = 0; j < nb; j++) {
          const pab = (joint[(i * nb + j) * ng + g] as number) / pg;
          if (Math.abs(pab - ((pa[i] as number) / pg) * ((pb[j] as number) / pg)) > tolerance) return false;
        }
      }
    }
    return true;
  }

  /**
   * Bayes' theorem for one variable t given evidence e: p(t | e) = p(t) p(e | t) / p(e), with every
   * term returned.
   * @param target the variable t
   * @param evidence values of other variables
   * @returns prior, likelihood, evidence and posterior
   * @throws ValueError when p(evidence) = 0, or t is among the evidence
   * @example
   * p.bayes('x1', { x2: 0 }).posterior; // [0.818…, 0.181…]
   */
  bayes(target: string, evidence: Assignment): BayesResult {
    const op = `${OP}.bayes`;
    const [t] = this.#indicesOf([target], 'bayes', 'target');
    const tv = this.variables[t as number] as Variable;
    if (target in evidence) throw new ValueError('the target cannot be part of the evidence', { pkg: 'prob', op, arg: 'evidence', received: evidence });
    const prior = Array.from(this.#sumTo([t as number], []));
    const fixed = this.#resolve(evidence, 'bayes', 'evidence');
    const joint = Array.from(this.#sumTo([t as number], fixed));
    const likelihood = joint.map((p, k) => ((prior[k] as number) > 0 ? p / (prior[k] as number) : 0));
    const ev = joint.reduce((s, p) => s + p, 0);
    if (!(ev > 0)) throw new ValueError('the evidence has probability zero', { pkg: 'prob', op, arg: 'evidence', expected: 'p(evidence) > 0', received: evidence });
    const posterior = prior.map((p, k) => (p * (likelihood[k] as number)) / ev);
    return Object.freeze({ target, values: tv.values, prior, likelihood, evidence: ev, posterior });
  }

  /** The joint entropy H(x₁, …, xₙ) = −Σ p log p, in nats. */
  entropy(): number {
    let s = 0;
    for (const p of this.#p) s -= xlogx(p);
    return s;
  }

  /**
   * The conditional entropy H(T | X) = H(T, X) − H(X) = −Σ p(x, t) log p(t | x), in nats.
   * @param target the name(s) of T
   * @param given the name(s) of X (default: every other variable)
   */
  conditionalEntropy(target: string | readonly string[], given?: string | readonly string[]): number {
    const ti = this.#indicesOf(names(target), 'conditionalEntropy', 'target');
    const gi = given === undefined ? this.names.map((_n, k) => k).filter((k) => !ti.includes(k)) : this.#indicesOf(names(given), 'conditionalEntropy', 'given');
    const h = (idx: number[]): number => (idx.length === 0 ? 0 : -Array.from(this.#sumTo(idx, [])).reduce((s, p) => s + xlogx(p), 0));
    return h([...gi, ...ti]) - h(gi);
  }

  /** The mutual information I(A; B) = H(A) + H(B) − H(A, B), in nats. */
  mutualInformation(a: string | readonly string[], b: string | readonly string[]): number {
    const ai = this.#indicesOf(names(a), 'mutualInformation', 'a');
    const bi = this.#indicesOf(names(b), 'mutualInformation', 'b');
    const h = (idx: number[]): number => -Array.from(this.#sumTo(idx, [])).reduce((s, p) => s + xlogx(p), 0);
    return Math.max(0, h(ai) + h(bi) - h([...ai, ...bi]));
  }

  /** E[f(x₁, …, xₙ)] = Σ p(x) f(x), exactly. */
  expectation(f: (assignment: Assignment) => number): number {
    let s = 0;
    this.#digitsList().forEach((d, i) => {
      const p = this.#p[i] as number;
      if (p > 0) s += p * f(this.#assignment(d));
    });
    return s;
  }

  /**
   * A table of one variable as a distribution: Bern(p) when its values are exactly 0 and 1,
   * otherwise a categorical on its values.
   * @throws ValueError when the table has more than one variable
   */
  toDistribution(): FiniteDistribution<Value> {
    const v = this.variables[0] as Variable;
    if (this.variables.length !== 1) {
      throw new ValueError('only a table of one variable is a distribution of one variable', { pkg: 'prob', op: `${OP}.toDistribution`, expected: '1 variable', received: `${this.variables.length} variables`, hint: 'take a marginal first' });
    }
    if (v.values.length === 2 && v.values[0] === 0 && v.values[1] === 1) return bernoulli(Math.min(1, Math.max(0, this.#p[1] as number)));
    return categorical<Value>(this.#p, { values: v.values, normalize: true });
  }

  /** n independent assignments drawn from the table. */
  sample(rng: Rng, n: number): Assignment[] {
    checkSampleCount(n, `${OP}.sample`);
    const flat = categorical(this.#p, { normalize: true }).sample(rng, n);
    const list = this.#digitsList();
    return flat.map((i) => this.#assignment(list[i] as number[]));
  }

  /** An aligned text table: a grid for one or two variables, one row per assignment otherwise. */
  format(options: FormatOptions = {}): string {
    return formatJoint(this.variables, this.#digitsList().map((digits, i) => ({ digits, prob: this.#p[i] as number })), options);
  }

  /** `{ variables, probs }` with probs nested; `jointTable(table.toJSON())` rebuilds it. */
  toJSON(): JointTableJSON {
    const nest = (level: number, offset: number): NestedProbs[] => {
      const n = this.shape[level] as number;
      const stride = this.#strides[level] as number;
      return Array.from({ length: n }, (_x, i) =>
        level === this.shape.length - 1 ? (this.#p[offset + i] as number) : nest(level + 1, offset + i * stride),
      );
    };
    return { variables: this.variables.map((v) => ({ name: v.name, values: [...v.values] })), probs: nest(0, 0) };
  }

  /** The same as {@link JointTable.format}. */
  toString(): string {
    return this.format();
  }

  #digitsList(): number[][] {
    const out: number[][] = [];
    const d = new Array<number>(this.shape.length).fill(0);
    for (let i = 0; i < this.#p.length; i++) {
      out.push([...d]);
      for (let k = d.length - 1; k >= 0; k--) {
        d[k] = (d[k] as number) + 1;
        if ((d[k] as number) < (this.shape[k] as number)) break;
        d[k] = 0;
      }
    }
    return out;
  }

  #assignment(digits: readonly number[]): Assignment {
    return Object.freeze(Object.fromEntries(digits.map((d, k) => [this.names[k] as string, (this.variables[k] as Variable).values[d] as Value])));
  }

  #unflatten(r: number, idx: readonly number[]): number[] {
    const out = new Array<number>(idx.length).fill(0);
    for (let j = idx.length - 1; j >= 0; j--) {
      const m = this.shape[idx[j] as number] as number;
      out[j] = r % m;
      r = Math.floor(r / m);
    }
    return out;
  }

  #indicesOf(list: readonly string[], op: string, arg: string): number[] {
    const idx = list.map((n) => {
      const k = this.names.indexOf(n);
      if (k < 0) throw new ValueError('unknown variable', { pkg: 'prob', op: `${OP}.${op}`, arg, expected: `one of ${this.names.join(', ')}`, received: n });
      return k;
    });
    if (new Set(idx).size !== idx.length) throw new ValueError('a variable is named twice', { pkg: 'prob', op: `${OP}.${op}`, arg, received: [...list] });
    return idx;
  }

  #resolve(assignment: Assignment, op: string, arg: string): [number, number][] {
    return Object.entries(assignment).map(([name, value]) => {
      const [k] = this.#indicesOf([name], op, arg) as [number];
      const d = (this.#lookup[k] as Map<string, number>).get(String(value));
      if (d === undefined) {
        throw new ValueError('unknown value', { pkg: 'prob', op: `${OP}.${op}`, arg: `${arg}.${name}`, expected: `one of ${(this.variables[k] as Variable).values.join(', ')}`, received: value });
      }
      return [k, d];
    });
  }

  /** Σ of p over every entry matching `fixed`, indexed row-major by the variables `keep`. */
  #sumTo(keep: readonly number[], fixed: readonly [number, number][]): Float64Array {
    const size = keep.reduce((s, k) => s * (this.shape[k] as number), 1);
    const out = new Float64Array(size);
    this.#digitsList().forEach((d, i) => {
      if (!fixed.every(([k, v]) => d[k] === v)) return;
      let j = 0;
      for (const k of keep) j = j * (this.shape[k] as number) + (d[k] as number);
      out[j] = (out[j] as number) + (this.#p[i] as number);
    });
    return out;
  }
}
