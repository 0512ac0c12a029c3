import type { Rng } from '@gradlab/core-tensor';
import { checkElementCount, requireFunction, requireInteger, requireObject, requireOptions, ValueError } from '@gradlab/core-tensor';
import { sinusoid } from '@gradlab/data';
import type { Matrix } from './design.ts';

/**
 * A known population p(x, t) = p(x) p(t|x) with additive noise, t = f*(x) + ε, E[ε|x] = 0,
 * Var[ε] = σ². Under quadratic loss the population-optimal unconstrained predictor is
 * f*(x) = E[t|x] and its population loss, the minimum any predictor can reach, is σ².
 */
export interface RegressionPopulation {
  /** A short name, e.g. `sinusoid(σ=0.3)`. */
  readonly name: string;
  /** σ², the aleatoric noise variance: the minimum population loss. */
  readonly noiseVariance: number;
  /**
   * Draws a training set D of N samples from p(x, t).
   * @param n N
   * @param seed a seed or caller-owned `Rng`
   */
  sample(n: number, seed: number | Rng): { x: Matrix; t: Float64Array };
  /**
   * f*(x) = E[t|x] at each row.
   * @param x inputs `[M, D]`
   * @returns `[M]`
   */
  optimalPredictor(x: Matrix): Float64Array;
  /**
   * Points whose plain average approximates E_x~p(x)[·] (a quadrature rule or a fixed sample).
   * @param count how many points
   * @returns `[count, D]`
   */
  inputs(count: number): Matrix;
}

/**
 * The notes' population: x ~ U[0, 1], t = sin(2πx) + ε, ε ~ N(0, σ²), sampled with the `sinusoid`
 * generator of `@gradlab/data`. Expectations over x use the midpoint rule on [0, 1].
 * @param options `noiseStd` σ (default 0.3)
 * @returns the population
 * @throws ValueError when σ is negative or not finite, or an option is unknown (e.g. `std` for `noiseStd`)
 * @example
 * const pop = sinusoidPopulation();
 * pop.noiseVariance; // 0.09
 */
export function sinusoidPopulation(options: { noiseStd?: number } = {}): RegressionPopulation {
  options = requireOptions(options, { pkg: 'models-linear', op: 'sinusoidPopulation' }, ['noiseStd']);
  const noiseStd = options.noiseStd ?? 0.3;
  if (!(noiseStd >= 0) || !Number.isFinite(noiseStd)) {
    throw new ValueError('the noise standard deviation must be >= 0', { pkg: 'models-linear', op: 'sinusoidPopulation', arg: 'options.noiseStd', expected: 'σ >= 0', received: noiseStd });
  }
  return {
    name: `sinusoid(σ=${noiseStd})`,
    noiseVariance: noiseStd * noiseStd,
    sample(n, seed) {
      const d = sinusoid({ n, noiseStd, seed });
      return { x: d.x, t: d.t };
    },
    optimalPredictor(x) {
      const [m, d] = x.shape;
      const out = new Float64Array(m);
      for (let i = 0; i < m; i++) out[i] = Math.sin(2 * Math.PI * (x.data[i * d] as number));
      return out;
    },
    inputs(count) {
      const data = new Float64Array(count);
      for (let i = 0; i < count; i++) data[i] = (i + 0.5) / count;
      return { data, shape: [count, 1] };
    },
  };
}

/**
 * The population loss under quadratic loss of a predictor t̂, for an additive-noise population:
 * L_p(t̂) = E[(t − t̂(x))²] = σ² + E_x[(f*(x) − t̂(x))²].
 * @param predict the predictor, on a batch of inputs `[M, D]` → `[M]`
 * @param population the known population
 * @param points how many points approximate E_x (default 2000)
 * @returns L_p(t̂)
 * @throws nothing itself; the predictor's own errors pass through
 * @example
 * populationLoss((x) => new Float64Array(x.shape[0]), sinusoidPopulation()); // 0.09 + 0.5
 */
export function populationLoss(predict: (x: Matrix) => ArrayLike<number>, population: RegressionPopulation, points = 2000): number {
  requireFunction(predict, { pkg: 'models-linear', op: 'populationLoss', arg: 'predict' });
  checkPopulation(population, 'populationLoss');
  checkPoints(points, 'populationLoss');
  const x = population.inputs(points);
  const f = population.optimalPredictor(x);
  const y = predict(x);
  let s = 0;
  for (let i = 0; i < f.length; i++) s += ((f[i] as number) - (y[i] as number)) ** 2;
  return population.noiseVariance + s / f.length;
}

/** Checks a population argument: an object with `inputs(n)` and `optimalPredictor(x)`. */
export function checkPopulation(population: unknown, op: string, arg = 'population'): void {
  requireObject(population, { pkg: 'models-linear', op, arg }, ['inputs', 'optimalPredictor']);
}

/** Checks a grid size such as `points`: an integer in [1, cap]. */
export function checkPoints(points: unknown, op: string, arg = 'points'): number {
  return checkElementCount(requireInteger(points, { pkg: 'models-linear', op, arg }, { min: 1 }), { pkg: 'models-linear', op, arg });
}
