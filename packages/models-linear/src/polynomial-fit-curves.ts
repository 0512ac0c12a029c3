import { requireFiniteArray, requireOptions, ValueError } from '@gradlab/core-tensor';
import type { MatrixInput, VectorInput } from './design.ts';
import { readTrainingSet } from './design.ts';
import { polynomialRegression } from './polynomial-regression.ts';
import type { RegressionPopulation } from './population.ts';
import { checkPopulation, populationLoss } from './population.ts';

/** The fit of one model order, ready to plot. */
export interface PolynomialFitCurve {
  /** M. */
  readonly degree: number;
  /** θ = [θ₀, ..., θ_M]. */
  readonly theta: Float64Array;
  /** L_D(θ): the training loss (mean quadratic loss on D). */
  readonly trainLoss: number;
  /** L_p(θ): the population loss, when the population is known. */
  readonly populationLoss: number | undefined;
  /** Inputs of the plotted curve `[G]`. */
  readonly gridX: Float64Array;
  /** t̂(x) on the grid `[G]`. */
  readonly gridY: Float64Array;
}

/** Options of {@link polynomialFitCurves}. */
export interface PolynomialFitCurvesOptions {
  /** The model orders (default the notes' [1, 3, 9]). */
  degrees?: readonly number[];
  /** The known population, to report L_p (optional). */
  population?: RegressionPopulation;
  /** Range and number of grid points for the curve (default [min x, max x], 200 points). */
  grid?: { from?: number; to?: number; points?: number };
}

/**
 * The notes' under/over-fitting figure in numbers: least-squares polynomials of each order fitted
 * to the same scalar data set, with training loss, population loss and the curve on a grid. With
 * N = 10 samples of sin(2πx) + noise, M = 1 under-fits (both losses high), M = 3 fits well, M = 9
 * over-fits (training loss ≈ 0, population loss large).
 * @param x scalar inputs `[N]` (or `[N, 1]`)
 * @param t targets `[N]`
 * @param options `degrees`, `population`, `grid`
 * @returns one curve per degree
 * @throws ValueError when x has more than one column
 * @example
 * const d = sinusoid({ n: 10, seed: 1 });
 * polynomialFitCurves(d.x, d.t, { population: sinusoidPopulation() });
 */
export function polynomialFitCurves(x: MatrixInput, t: VectorInput, options: PolynomialFitCurvesOptions = {}): PolynomialFitCurve[] {
  options = requireOptions(options, { pkg: 'models-linear', op: 'polynomialFitCurves' }, ['degrees', 'population', 'grid']);
  if (options.degrees !== undefined) requireFiniteArray(options.degrees, { pkg: 'models-linear', op: 'polynomialFitCurves', arg: 'options.degrees' });
  if (options.population !== undefined) checkPopulation(options.population, 'polynomialFitCurves', 'options.population');
  const d = readTrainingSet(x, t, 'polynomialFitCurves');
  if (d.x.shape[1] !== 1) {
    throw new ValueError('the fit curves need a scalar input', { pkg: 'models-linear', op: 'polynomialFitCurves', arg: 'x', expected: '[N] or [N, 1]', received: `[${d.x.shape.join(', ')}]` });
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of d.x.data) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const from = options.grid?.from ?? lo;
  const to = options.grid?.to ?? hi;
  const g = options.grid?.points ?? 200;
  const gridX = new Float64Array(g);
  for (let i = 0; i < g; i++) gridX[i] = g === 1 ? from : from + ((to - from) * i) / (g - 1);
  return (options.degrees ?? [1, 3, 9]).map((degree) => {
    const m = polynomialRegression({ degree, onWarning: () => undefined }).fit(d.x, d.t);
    return {
      degree,
      theta: m.model.theta,
      trainLoss: m.loss(d.x, d.t),
      populationLoss: options.population === undefined ? undefined : populationLoss((u) => m.predict(u), options.population),
      gridX,
      gridY: m.predict(gridX),
    };
  });
}
