import { requireFiniteArray, requireFunction, requireOptions, rng, ValueError } from '@gradlab/core-tensor';
import type { Matrix } from './design.ts';
import type { RegressionPopulation } from './population.ts';
import { checkPoints, checkPopulation, populationLoss } from './population.ts';
import type { FeatureModel } from './with-features.ts';

/** Options of {@link biasEstimationDecomposition}. */
export interface BiasEstimationOptions {
  /** The known population p(x, t). */
  population: RegressionPopulation;
  /** Makes a fresh model of the class H (e.g. `() => polynomialRegression({ degree: 3 })`). */
  model: () => FeatureModel;
  /** N, the training-set size. */
  n: number;
  /** How many training sets D to draw and average over (default 20). */
  seeds?: number;
  /** Base seed (default 0): data set s is drawn with `rng(seed).fork(s)`. */
  seed?: number;
  /** Points approximating E_x (default 2000). */
  points?: number;
}

/** The decomposition L_p(θ_D) = L_p(t̂*) + bias + estimation error, averaged over data sets. */
export interface BiasEstimationResult {
  /** N. */
  readonly n: number;
  /** L_p(t̂*): the population loss of the population-optimal unconstrained predictor (σ²). */
  readonly minLoss: number;
  /** L_p(θ*): the population loss of the best predictor in the class (trained on the population). */
  readonly bestInClassLoss: number;
  /** E_D[L_p(θ_D)]: the population loss of the ERM predictor, averaged over data sets. */
  readonly ermLoss: number;
  /** Standard deviation of L_p(θ_D) over data sets. */
  readonly ermLossStd: number;
  /** E_D[L_D(θ_D)]: the training loss, averaged over data sets. */
  readonly trainLoss: number;
  /** Bias: L_p(θ*) − L_p(t̂*), what the class cannot represent. */
  readonly bias: number;
  /** Estimation error: E_D[L_p(θ_D)] − L_p(θ*), what N samples fail to pin down. */
  readonly estimationError: number;
}

function checkPositiveInteger(v: number, op: string, arg: string): void {
  if (!Number.isInteger(v) || v < 1) {
    throw new ValueError('must be a positive integer', { pkg: 'models-linear', op, arg, expected: 'an integer >= 1', received: v });
  }
}

/**
 * The predictor the class converges to with unlimited data: the model trained on the population
 * itself, i.e. on points covering p(x) with the noise-free targets f*(x) (for least squares this is
 * θ* = argmin_θ E_x[(f*(x) − θᵀu(x))²], the population-optimal predictor within the class).
 * @param population the known population
 * @param model makes a fresh model of the class
 * @param points points approximating E_x (default 2000)
 * @returns the fitted model
 * @throws whatever the model's `fit` throws on the population's points (e.g. ValueError for NaN)
 * @example
 * const best = bestInClass(sinusoidPopulation(), () => polynomialRegression({ degree: 3 }));
 */
export function bestInClass(population: RegressionPopulation, model: () => FeatureModel, points = 2000): FeatureModel {
  checkPopulation(population, 'bestInClass');
  requireFunction(model, { pkg: 'models-linear', op: 'bestInClass', arg: 'model' });
  checkPoints(points, 'bestInClass');
  const x = population.inputs(points);
  const m = model();
  m.fit(x, population.optimalPredictor(x));
  return m;
}

/**
 * For a model class H and training-set size N on a known population, computes the three
 * predictors of the notes — the population-optimal unconstrained one t̂*, the population-optimal
 * one in the class θ*, and the ERM one θ_D — and the split
 * L_p(θ_D) = L_p(t̂*) + [L_p(θ*) − L_p(t̂*)] (bias) + [L_p(θ_D) − L_p(θ*)] (estimation error),
 * the last averaged over `seeds` data sets.
 * @param options `population`, `model`, `n`, `seeds`, `seed`, `points`
 * @returns the losses, the bias and the estimation error
 * @throws ValueError when N, seeds or points is not a positive integer
 * @example
 * const r = biasEstimationDecomposition({ population: sinusoidPopulation(), model: () => polynomialRegression({ degree: 3 }), n: 10 });
 * r.bias; r.estimationError;
 */
export function biasEstimationDecomposition(options: BiasEstimationOptions): BiasEstimationResult {
  options = requireOptions(options, { pkg: 'models-linear', op: 'biasEstimationDecomposition' }, ['population', 'model', 'n', 'seeds', 'seed', 'points']) as BiasEstimationOptions;
  checkPopulation(options.population, 'biasEstimationDecomposition', 'options.population');
  requireFunction(options.model, { pkg: 'models-linear', op: 'biasEstimationDecomposition', arg: 'options.model' });
  checkPoints(options.n, 'biasEstimationDecomposition', 'options.n');
  if (options.points !== undefined) checkPoints(options.points, 'biasEstimationDecomposition', 'options.points');
  if (options.seeds !== undefined) checkPoints(options.seeds, 'biasEstimationDecomposition', 'options.seeds');
  const { population, model, n } = options;
  const seeds = options.seeds ?? 20;
  const points = options.points ?? 2000;
  checkPositiveInteger(n, 'biasEstimationDecomposition', 'options.n');
  checkPositiveInteger(seeds, 'biasEstimationDecomposition', 'options.seeds');
  checkPositiveInteger(points, 'biasEstimationDecomposition', 'options.points');
  const minLoss = population.noiseVariance;
  const best = bestInClass(population, model, points);
  const bestInClassLoss = populationLoss((x: Matrix) => best.predict(x), population, points);
  const base = rng(options.seed ?? 0);
  const losses: number[] = [];
  let trainLoss = 0;
  for (let s = 0; s < seeds; s++) {
    const d = population.sample(n, base.fork(s));
    const m = model();
    m.fit(d.x, d.t);
    losses.push(populationLoss((x: Matrix) => m.predict(x), population, points));
    const y = m.predict(d.x);
    let l = 0;
    for (let i = 0; i < n; i++) l += ((d.t[i] as number) - (y[i] as number)) ** 2;
    trainLoss += l / n;
  }
  const ermLoss = losses.reduce((a, b) => a + b, 0) / seeds;
  const ermLossStd = Math.sqrt(losses.reduce((a, b) => a + (b - ermLoss) ** 2, 0) / seeds);
  return {
    n,
    minLoss,
    bestInClassLoss,
    ermLoss,
    ermLossStd,
    trainLoss: trainLoss / seeds,
    bias: bestInClassLoss - minLoss,
    estimationError: ermLoss - bestInClassLoss,
  };
}

/** One row of {@link biasEstimationSweep}: a {@link BiasEstimationResult} at model order M. */
export interface BiasEstimationRow extends BiasEstimationResult {
  /** M, the model order (or whatever hyper-parameter the factory takes). */
  readonly degree: number;
}

/** Options of {@link biasEstimationSweep}. */
export interface BiasEstimationSweepOptions {
  /** The known population. */
  population: RegressionPopulation;
  /** Makes a fresh model of order M. */
  model: (degree: number) => FeatureModel;
  /** The model orders M to try. */
  degrees: readonly number[];
  /** The training-set sizes N to try. */
  sizes: readonly number[];
  /** Data sets per (M, N) (default 20). */
  seeds?: number;
  /** Base seed (default 0); the same data sets are used for every M. */
  seed?: number;
  /** Points approximating E_x (default 2000). */
  points?: number;
}

/**
 * Sweeps the decomposition over model orders M and data sizes N: a table (one row per (M, N),
 * M varying fastest) ready to plot bias, estimation error and population loss against M or N.
 * On average, bias falls and estimation error rises with M at fixed N; estimation error falls with N
 * at fixed M.
 * @param options `population`, `model(M)`, `degrees`, `sizes`, `seeds`, `seed`, `points`
 * @returns the rows
 * @throws ValueError when `degrees` or `sizes` is empty
 * @example
 * biasEstimationSweep({ population: sinusoidPopulation(), model: (m) => polynomialRegression({ degree: m }), degrees: [1, 3, 5], sizes: [15, 50] });
 */
export function biasEstimationSweep(options: BiasEstimationSweepOptions): BiasEstimationRow[] {
  options = requireOptions(options, { pkg: 'models-linear', op: 'biasEstimationSweep' }, ['population', 'model', 'degrees', 'sizes', 'seeds', 'seed', 'points']) as BiasEstimationSweepOptions;
  checkPopulation(options.population, 'biasEstimationSweep', 'options.population');
  requireFunction(options.model, { pkg: 'models-linear', op: 'biasEstimationSweep', arg: 'options.model' });
  requireFiniteArray(options.degrees, { pkg: 'models-linear', op: 'biasEstimationSweep', arg: 'options.degrees' });
  requireFiniteArray(options.sizes, { pkg: 'models-linear', op: 'biasEstimationSweep', arg: 'options.sizes' });
  if (options.degrees.length === 0 || options.sizes.length === 0) {
    throw new ValueError('nothing to sweep', { pkg: 'models-linear', op: 'biasEstimationSweep', arg: options.degrees.length === 0 ? 'options.degrees' : 'options.sizes', expected: 'at least one value', received: '[]' });
  }
  const rows: BiasEstimationRow[] = [];
  for (const n of options.sizes) {
    for (const degree of options.degrees) {
      const r = biasEstimationDecomposition({
        population: options.population,
        model: () => options.model(degree),
        n,
        seeds: options.seeds ?? 20,
        seed: options.seed ?? 0,
        points: options.points ?? 2000,
      });
      rows.push({ degree, ...r });
    }
  }
  return rows;
}
