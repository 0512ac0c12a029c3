// The computation behind the optimal-predictors demo on the inference page (chapter 2): a small
// joint p(x, t) given as non-negative weights, and what @gradlab/inference says about it. The page
// and its browser test both call these functions, so the numbers on the page are the Node numbers.
import { jointTable, type JointTable } from '@gradlab/prob';
import {
  bayesLogLoss,
  bayesRisk,
  builtinPointLosses,
  optimalHardPredictor,
  optimalSoftPredictor,
  populationLogLoss,
  populationLoss,
  type HardRule,
} from '@gradlab/inference';

/** A name of `builtinPointLosses`: the notes' hard-prediction losses. */
export type PointLossName = keyof typeof builtinPointLosses;

/**
 * The hard-prediction losses the demo offers. They are inference's own `PointLoss` pieces (one
 * target against one guess), not tensor losses of the site's plugin registry, so the menu is the
 * frozen `builtinPointLosses` map of @gradlab/inference rather than `menu('loss')`: the notes' three
 * losses, 0-1, quadratic and absolute.
 */
export const pointLossNames = Object.keys(builtinPointLosses) as PointLossName[];

/** How the demo labels each loss, in the notes' notation. */
export const pointLossLabels: Readonly<Record<PointLossName, string>> = {
  'zero-one': 'detection error 1(t ≠ t̂)',
  quadratic: 'quadratic |t − t̂|²',
  absolute: 'absolute |t − t̂|',
};

/** A joint p(x, t) as weights w(x, t) >= 0 over a grid; p = w / Σ w. */
export interface JointWeights {
  readonly xValues: readonly number[];
  readonly tValues: readonly number[];
  /** `[x][t]`. */
  readonly weights: readonly (readonly number[])[];
}

/** The tables the reader starts from. */
export const jointPresets: readonly (JointWeights & { readonly id: string; readonly label: string })[] = [
  {
    id: 'weather',
    label: "the notes' detection table",
    xValues: [0, 1],
    tValues: [0, 1],
    weights: [[0.45, 0.05], [0.1, 0.4]],
  },
  {
    // Chosen so that for x = 0 the posterior mode (0), median (1) and mean (17/12) all differ.
    id: 'skewed',
    label: 'x ∈ {0, 1, 2}, t ∈ {0, 1, 2, 3}',
    xValues: [0, 1, 2],
    tValues: [0, 1, 2, 3],
    weights: [[5, 1, 2, 4], [1, 4, 2, 1], [0, 1, 2, 6]],
  },
];

/** The joint table p(x, t) of some weights (normalised by @gradlab/prob). */
export function jointOf(w: JointWeights): JointTable {
  return jointTable(
    { variables: [{ name: 'x', values: [...w.xValues] }, { name: 't', values: [...w.tValues] }], probs: w.weights.map((row) => [...row]) },
    { normalize: true },
  );
}

/** One observation x of the demo's table. */
export interface PredictorRow {
  readonly x: number;
  /** p(x). */
  readonly px: number;
  /** The optimal soft predictor q*(t | x) = p(t | x), over `tValues`. */
  readonly posterior: number[];
  /** The optimal hard predictor t̂*(x) under the chosen loss. */
  readonly tHat: number;
}

/** What the demo shows for one table and one loss. */
export interface OptimalPredictors {
  /** p(x, t), `[x][t]`. */
  readonly probs: number[][];
  readonly rows: PredictorRow[];
  /** mode (0-1), mean (quadratic) or median (absolute). */
  readonly rule: HardRule;
  /** bayesRisk(p, ℓ): min L_p. */
  readonly bayesRisk: number;
  /** populationLoss(p, t̂*, ℓ): the same number, by the exact sum over the table. */
  readonly populationLoss: number;
  /** populationLogLoss(p, p(t | x)): the population log-loss of the optimal soft predictor. */
  readonly logLoss: number;
  /** bayesLogLoss(p) = H(t | x). */
  readonly conditionalEntropy: number;
  /** The log-loss of the soft predictor that ignores x, q(t | x) = p(t): H(t). */
  readonly priorLogLoss: number;
  /** L_p under the chosen loss of the optimal predictor of every loss (t̂* of ℓ' scored by ℓ). */
  readonly crossLoss: Record<PointLossName, number>;
}

/**
 * The optimal hard and soft predictors of a joint given by weights, and their population losses.
 * @param w the weights w(x, t) (not all zero)
 * @param lossName which of `builtinPointLosses` the hard predictor minimises
 * @returns the predictors, the Bayes risk and the log-losses
 * @throws ValueError from @gradlab/prob when the weights are negative or all zero
 */
export function optimalPredictors(w: JointWeights, lossName: PointLossName): OptimalPredictors {
  const p = jointOf(w);
  const loss = builtinPointLosses[lossName]();
  const tHat = optimalHardPredictor(p, loss);
  const q = optimalSoftPredictor(p);
  const rows = tHat.table.map((e, i): PredictorRow => ({
    x: e.x['x'] as number,
    px: e.px,
    posterior: w.tValues.map((t) => q.table[i]?.posterior.prob(t) ?? Number.NaN),
    tHat: e.tHat as number,
  }));
  const prior = p.marginal('t').toDistribution();
  const crossLoss = Object.fromEntries(
    pointLossNames.map((other) => [other, populationLoss(p, optimalHardPredictor(p, builtinPointLosses[other]()), loss)]),
  ) as Record<PointLossName, number>;
  return {
    probs: w.xValues.map((x) => w.tValues.map((t) => p.prob({ x, t }))),
    rows,
    rule: tHat.rule,
    bayesRisk: bayesRisk(p, loss),
    populationLoss: populationLoss(p, tHat, loss),
    logLoss: populationLogLoss(p, q),
    conditionalEntropy: bayesLogLoss(p),
    priorLogLoss: populationLogLoss(p, () => prior),
    crossLoss,
  };
}
