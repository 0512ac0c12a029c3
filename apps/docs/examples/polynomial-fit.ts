// The computation behind the polynomial-fit demo on the supervised-learning page (chapter 3): the
// notes' N noisy samples of sin(2πx), polynomial features u(x) = [1, x, ..., x^M], ERM by least
// squares (λ = 0) or ridge (λ > 0). The page, its Web Worker and the browser test all call these
// functions, so the same (M, λ, N, seed) gives the same numbers everywhere.
import { rng } from '@gradlab/core-tensor';
import { sinusoid, type Dataset } from '@gradlab/data';
import {
  bestInClass,
  biasEstimationDecomposition,
  linearRegression,
  polynomialRegression,
  populationLoss,
  sinusoidPopulation,
  type Matrix,
} from '@gradlab/models-linear';

/** σ, the noise standard deviation of the notes' example (σ² = 0.09 is the minimum population loss). */
export const noiseStd = 0.3;
/** The known population p(x, t): x ~ U[0, 1], t = sin(2πx) + N(0, σ²). */
export const population = sinusoidPopulation({ noiseStd });
/** The size of the held-out validation set. */
export const validationSize = 100;
/** The model orders of the loss-against-M figure. */
export const degrees = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
/** The training-set sizes of the decomposition against N. */
export const sizes = [5, 10, 15, 20, 30, 40, 50, 75, 100] as const;

/** Midpoint-rule points for E_x in L_p on the page: fewer than the default 2000 keeps the page quick, and agrees with it to 3 or more digits even for M = 9. */
export const populationPoints = 500;

/** What the reader sets. */
export interface FitSettings {
  /** M, the model order. */
  readonly degree: number;
  /** λ of the regulariser (λ/N)‖w‖²; 0 is plain least squares. */
  readonly lambda: number;
  /** N, the training-set size. */
  readonly n: number;
  /** The seed of the training set. */
  readonly seed: number;
}

/** The training set D: N samples of sin(2πx) + noise, from @gradlab/data's `sinusoid`. */
export function trainingSet(s: Pick<FitSettings, 'n' | 'seed'>): Dataset {
  return sinusoid({ n: s.n, noiseStd, seed: s.seed });
}

/** A validation set of the same population, drawn from an independent stream of the same seed. */
export function validationSet(seed: number): Dataset {
  return sinusoid({ n: validationSize, noiseStd, seed: rng(seed).fork(1_000_000) });
}

/** The model of order M: least squares when λ = 0, ridge otherwise (warnings of a rank-deficient design are expected here). */
export function polynomialModel(degree: number, lambda: number): ReturnType<typeof polynomialRegression> {
  return polynomialRegression({ degree, penalty: lambda > 0 ? 'ridge' : 'none', lambda, onWarning: () => undefined });
}

/** One fitted polynomial. */
export interface PolynomialFit {
  /** θ = [θ₀, ..., θ_M]. */
  readonly theta: number[];
  /** L_D(θ_D): the mean quadratic loss on D (without the penalty). */
  readonly trainLoss: number;
  /** The mean quadratic loss on the validation set. */
  readonly validationLoss: number;
  /** L_p(θ_D), from the known population. */
  readonly populationLoss: number;
}

/** Fits order M to D and scores it on D, on the validation set and on the population. */
export function fitPolynomial(s: FitSettings, data: Dataset = trainingSet(s), validation: Dataset = validationSet(s.seed)): PolynomialFit & { readonly predict: (x: readonly number[]) => number[] } {
  const m = polynomialModel(s.degree, s.lambda).fit(data.x, data.t);
  return {
    theta: Array.from(m.model.theta),
    trainLoss: m.loss(data.x, data.t),
    validationLoss: m.loss(validation.x, validation.t),
    populationLoss: populationLoss((x: Matrix) => m.predict(x), population, populationPoints),
    predict: (x) => Array.from(m.predict([...x])),
  };
}

/** Training, validation and population loss for every M in {@link degrees}, on the same D. */
export function lossesAgainstDegree(s: Omit<FitSettings, 'degree'>): (PolynomialFit & { degree: number })[] {
  const data = trainingSet(s);
  const validation = validationSet(s.seed);
  return degrees.map((degree) => {
    const { predict: _predict, ...fit } = fitPolynomial({ ...s, degree }, data, validation);
    return { degree, ...fit };
  });
}

/** One point of the decomposition L_p(θ_D) = min L_p + bias + estimation error. */
export interface DecompositionPoint {
  readonly degree: number;
  readonly n: number;
  /** min L_p = σ². */
  readonly minLoss: number;
  /** L_p(θ*) − σ²: θ* the best least-squares fit in the class, trained on the population. */
  readonly bias: number;
  /** E_D[L_p(θ_D)] − L_p(θ*). */
  readonly estimationError: number;
  /** E_D[L_p(θ_D)]. */
  readonly ermLoss: number;
  /** E_D[L_D(θ_D)]. */
  readonly trainLoss: number;
}

/**
 * The decomposition at one (M, N), averaged over `datasets` training sets drawn with
 * `rng(seed).fork(s)`. `biasEstimationDecomposition` gives E_D[L_p(θ_D)] for the chosen λ; the bias
 * is that of the class H itself, from `bestInClass` with plain least squares, so that a penalty
 * λ > 0 moves only the estimation error (θ_D stays in H, so L_p(θ_D) >= L_p(θ*)).
 */
export function decompositionAt(degree: number, n: number, lambda: number, seed: number, datasets: number, points = 500): DecompositionPoint {
  const r = biasEstimationDecomposition({ population, model: () => polynomialModel(degree, lambda), n, seeds: datasets, seed, points });
  let best = r.bestInClassLoss;
  if (lambda > 0) {
    const thetaStar = bestInClass(population, () => polynomialModel(degree, 0), points);
    best = populationLoss((x: Matrix) => thetaStar.predict(x), population, points);
  }
  return { degree, n, minLoss: r.minLoss, bias: best - r.minLoss, estimationError: r.ermLoss - best, ermLoss: r.ermLoss, trainLoss: r.trainLoss };
}

/** The notes' worked example: t̂ = θ₀ + θ₁x trained on x ∈ {2, 3} of D = {(0,0), (1,1), (2,2), (3,2)}. */
export function notesExample(): { theta: number[]; lossOnAll: number; trainLoss: number } {
  const m = linearRegression().fit([2, 3], [2, 2]);
  return { theta: Array.from(m.theta), lossOnAll: m.loss([0, 1, 2, 3], [0, 1, 2, 2]), trainLoss: m.loss([2, 3], [2, 2]) };
}
