import { checkPopulation, checkPoints } from './population.ts';
import { requireFunction, requireOptions, rng, ValueError } from '@gradlab/core-tensor';
import type { Matrix } from './design.ts';
import type { RegressionPopulation } from './population.ts';
import type { FeatureModel } from './with-features.ts';

/** One input x of {@link pointwiseDecomposition}. */
export interface PointwiseRow {
  /** The input x (first coordinate for vector inputs). */
  readonly x: number;
  /** f*(x) = E[t|x]. */
  readonly optimal: number;
  /** E_D[t̂_D(x)], the average trained predictor. */
  readonly meanPrediction: number;
  /** Aleatoric uncertainty σ²: the noise no predictor can remove. */
  readonly aleatoric: number;
  /** Squared bias (E_D[t̂_D(x)] − f*(x))². */
  readonly bias: number;
  /** Epistemic uncertainty Var_D[t̂_D(x)]: the spread caused by the finite data set. */
  readonly epistemic: number;
  /** E_D E_t|x[(t − t̂_D(x))²] = aleatoric + bias + epistemic. */
  readonly expectedLoss: number;
}

/** Options of {@link pointwiseDecomposition}. */
export interface PointwiseDecompositionOptions {
  /** The known population. */
  population: RegressionPopulation;
  /** Makes a fresh model. */
  model: () => FeatureModel;
  /** N, the training-set size. */
  n: number;
  /** The inputs at which to split the loss (`[M, D]`); default 101 points of the population's input rule. */
  at?: Matrix;
  /** Data sets to average over (default 50). */
  seeds?: number;
  /** Base seed (default 0). */
  seed?: number;
}

/**
 * The per-x split of the expected quadratic loss of the trained predictor:
 * E_D E[(t − t̂_D(x))² | x] = σ² (aleatoric) + (E_D t̂_D(x) − f*(x))² (bias) + Var_D t̂_D(x) (epistemic),
 * estimated over `seeds` training sets of size N.
 * @param options `population`, `model`, `n`, `at`, `seeds`, `seed`
 * @returns one row per input
 * @throws ValueError when N or seeds is not a positive integer
 * @example
 * pointwiseDecomposition({ population: sinusoidPopulation(), model: () => polynomialRegression({ degree: 9 }), n: 10 });
 */
export function pointwiseDecomposition(options: PointwiseDecompositionOptions): PointwiseRow[] {
  options = requireOptions(options, { pkg: 'models-linear', op: 'pointwiseDecomposition' }, ['population', 'model', 'n', 'at', 'seeds', 'seed']) as PointwiseDecompositionOptions;
  checkPopulation(options.population, 'pointwiseDecomposition', 'options.population');
  requireFunction(options.model, { pkg: 'models-linear', op: 'pointwiseDecomposition', arg: 'options.model' });
  checkPoints(options.n, 'pointwiseDecomposition', 'options.n');
  if (options.seeds !== undefined) checkPoints(options.seeds, 'pointwiseDecomposition', 'options.seeds');
  const { population, n } = options;
  const seeds = options.seeds ?? 50;
  for (const [arg, v] of [['options.n', n], ['options.seeds', seeds]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new ValueError('must be a positive integer', { pkg: 'models-linear', op: 'pointwiseDecomposition', arg, expected: 'an integer >= 1', received: v });
  }
  const at = options.at ?? population.inputs(101);
  const m = at.shape[0];
  const f = population.optimalPredictor(at);
  const sum = new Float64Array(m);
  const sumSq = new Float64Array(m);
  const base = rng(options.seed ?? 0);
  for (let s = 0; s < seeds; s++) {
    const d = population.sample(n, base.fork(s));
    const model = options.model();
    model.fit(d.x, d.t);
    const y = model.predict(at);
    for (let i = 0; i < m; i++) {
      sum[i] = (sum[i] as number) + (y[i] as number);
      sumSq[i] = (sumSq[i] as number) + (y[i] as number) ** 2;
    }
  }
  const sigma2 = population.noiseVariance;
  const rows: PointwiseRow[] = [];
  for (let i = 0; i < m; i++) {
    const mean = (sum[i] as number) / seeds;
    const epistemic = Math.max(0, (sumSq[i] as number) / seeds - mean * mean);
    const bias = (mean - (f[i] as number)) ** 2;
    rows.push({ x: at.data[i * at.shape[1]] as number, optimal: f[i] as number, meanPrediction: mean, aleatoric: sigma2, bias, epistemic, expectedLoss: sigma2 + bias + epistemic });
  }
  return rows;
}
