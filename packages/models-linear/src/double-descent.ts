import { requireFiniteArray, requireOptions, rng, ValueError } from '@gradlab/core-tensor';
import type { Matrix } from './design.ts';
import { randomFeatures } from './feature-map.ts';
import { linearRegression } from './linear-regression.ts';
import type { RegressionPopulation } from './population.ts';
import { checkPoints, checkPopulation, populationLoss } from './population.ts';
import { withFeatures } from './with-features.ts';

/** Options of {@link doubleDescent}. */
export interface DoubleDescentOptions {
  /** The known population. */
  population: RegressionPopulation;
  /** N, the training-set size. */
  n: number;
  /** The numbers of random features F to try (e.g. 1..4N). */
  featureCounts: readonly number[];
  /** Data sets (and feature draws) to average over (default 20). */
  seeds?: number;
  /** Base seed (default 0). */
  seed?: number;
  /** The random features' activation (default `relu`). */
  activation?: 'relu' | 'cos';
  /** Scale of the random weights (default 5). */
  scale?: number;
}

/** One point of the double-descent curve. */
export interface DoubleDescentRow {
  /** F, the number of random features (parameters). */
  readonly features: number;
  /** Training loss, averaged over data sets. */
  readonly trainLoss: number;
  /** Population loss of the minimum-norm ERM predictor, averaged over data sets. */
  readonly populationLoss: number;
  /** Median of the population loss over data sets (robust to the spike at F = N). */
  readonly medianPopulationLoss: number;
}

/**
 * The double-descent curve: population loss of minimum-norm least squares on F random features,
 * against F at fixed N. It falls, peaks where F reaches N (the interpolation threshold, where the
 * design is square and badly conditioned), then falls again as F grows past N, where the
 * minimum-norm interpolant becomes smoother.
 * @param options `population`, `n`, `featureCounts`, `seeds`, `seed`, `activation`, `scale`
 * @returns one row per F
 * @throws ValueError when N or a feature count is not a positive integer
 * @example
 * doubleDescent({ population: sinusoidPopulation({ noiseStd: 0.1 }), n: 20, featureCounts: [5, 20, 200] });
 */
export function doubleDescent(options: DoubleDescentOptions): DoubleDescentRow[] {
  options = requireOptions(options, { pkg: 'models-linear', op: 'doubleDescent' }, ['population', 'n', 'featureCounts', 'seeds', 'seed', 'activation', 'scale']) as DoubleDescentOptions;
  checkPopulation(options.population, 'doubleDescent', 'options.population');
  checkPoints(options.n, 'doubleDescent', 'options.n');
  requireFiniteArray(options.featureCounts, { pkg: 'models-linear', op: 'doubleDescent', arg: 'options.featureCounts' });
  if (options.seeds !== undefined) checkPoints(options.seeds, 'doubleDescent', 'options.seeds');
  const { population, n } = options;
  const seeds = options.seeds ?? 20;
  if (!Number.isInteger(n) || n < 1) throw new ValueError('N must be a positive integer', { pkg: 'models-linear', op: 'doubleDescent', arg: 'options.n', expected: 'an integer >= 1', received: n });
  const base = rng(options.seed ?? 0);
  return options.featureCounts.map((count) => {
    const losses: number[] = [];
    let train = 0;
    for (let s = 0; s < seeds; s++) {
      const r = base.fork(s);
      const d = population.sample(n, r.fork(0));
      const model = withFeatures(
        randomFeatures({ count, inputs: d.x.shape[1], seed: r.fork(1), activation: options.activation ?? 'relu', scale: options.scale ?? 5 }),
        linearRegression({ fitIntercept: false, onWarning: () => undefined }),
      );
      model.fit(d.x, d.t);
      train += model.loss(d.x, d.t);
      losses.push(populationLoss((x: Matrix) => model.predict(x), population));
    }
    const sorted = losses.slice().sort((a, b) => a - b);
    const mid = Math.floor(seeds / 2);
    const median = seeds % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    return { features: count, trainLoss: train / seeds, populationLoss: losses.reduce((a, b) => a + b, 0) / seeds, medianPopulationLoss: median };
  });
}
