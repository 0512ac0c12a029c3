// The binary-classification demo (chapter 5): the reader's points of two classes; the perceptron and
// logistic regression of @gradlab/models-linear, trained by SGD with batch size 1 one epoch at a
// time (each epoch starts from the last θ), so the page's worker can stream the decision boundary
// as it moves. The notes' worked example is the same call with u(x) = x₁, no intercept, θ⁽⁰⁾ = −1,
// γ = 0.1 and the samples in order. The test calls the same functions in Node.
import { toTensors, linearClasses } from '@gradlab/data';
import { perceptron, logisticRegression, type LinearClassifier, type LogisticRegressionModel } from '@gradlab/models-linear';
import { sgd } from '@gradlab/optim';

/** One point the reader placed: its position and class t ∈ {0, 1}. */
export interface LabelledPoint {
  readonly x1: number;
  readonly x2: number;
  readonly t: 0 | 1;
}

/** The plotting box, and the side of the grid of the decision regions. */
export const BOX = { x: [-2.5, 2.5], y: [-2.5, 2.5] } as const;
export const GRID = 50;

/** The page's starting points: 20 separable points of `linearClasses` from @gradlab/data. */
export function startingPoints(): LabelledPoint[] {
  const { x, t } = toTensors(linearClasses({ n: 20, margin: 0.15, theta: [0.2, 1, -1], seed: 3 }));
  const rows = x.toArray() as number[][];
  return rows.map((r, i) => ({ x1: 2 * (r[0] ?? 0), x2: 2 * (r[1] ?? 0), t: t.data[i] === 1 ? 1 : 0 }));
}

/** The notes' example: (x = 2.1, t = 1) then (x = −1.5, t = 0), drawn on the x₁ axis. */
export const NOTES_POINTS: readonly LabelledPoint[] = [{ x1: 2.1, x2: 0, t: 1 }, { x1: -1.5, x2: 0, t: 0 }];

/** What defines a run. `notes`: u(x) = x₁, no intercept, θ⁽⁰⁾ = −1, samples in order; `plane`: u(x) = [1, x₁, x₂] from θ = 0, reshuffled every epoch. */
export interface ClassifierSetup {
  readonly points: readonly LabelledPoint[];
  readonly features: 'plane' | 'notes';
  readonly lr: number;
  readonly epochs: number;
}

/** One model after an epoch: θ (= [b, w₁, w₂], or [w₁] in the notes' setup), its accuracy, and the margins y = t±θᵀu(x). */
export interface ModelState {
  readonly theta: number[];
  readonly accuracy: number;
  readonly margins: number[];
}

/** What the worker streams after each epoch: both models, the perceptron's scores and logistic regression's p(t = 1 | x) on the grid. */
export interface ClassifierFrame {
  readonly epoch: number;
  readonly perceptron: ModelState;
  readonly logistic: ModelState & { readonly loss: number };
  readonly perceptronScores: number[];
  readonly logisticProba: number[];
  /** θ after every update of the first epoch (the notes' example lists these). */
  readonly firstSteps?: { readonly perceptron: number[]; readonly logistic: number[] };
}

const inputs = (setup: ClassifierSetup, points: readonly { x1: number; x2: number }[]): number[][] =>
  points.map((p) => (setup.features === 'notes' ? [p.x1] : [p.x1, p.x2]));

/** The centres of the GRID × GRID cells of the box, row by row from the bottom. */
export function gridPoints(): { x1: number; x2: number }[] {
  const out: { x1: number; x2: number }[] = [];
  for (let i = 0; i < GRID; i++) for (let j = 0; j < GRID; j++) {
    out.push({ x1: BOX.x[0] + ((j + 0.5) / GRID) * (BOX.x[1] - BOX.x[0]), x2: BOX.y[0] + ((i + 0.5) / GRID) * (BOX.y[1] - BOX.y[0]) });
  }
  return out;
}

/**
 * One epoch of each model from θ, by the models' own `fit` with `init: θ` and `epochs: 1`.
 * @param setup the points and settings
 * @param theta the models' θ before the epoch (undefined: the setup's θ⁽⁰⁾)
 * @param epoch 1 for the first; it seeds the reshuffling of the `plane` setup
 * @param onStep receives θ after each update
 */
export function fitEpoch(
  setup: ClassifierSetup,
  theta: { perceptron?: number[]; logistic?: number[] },
  epoch: number,
  onStep?: (model: 'perceptron' | 'logistic', theta: number[]) => void,
): { perceptron: LinearClassifier; logistic: LogisticRegressionModel } {
  const notes = setup.features === 'notes';
  const start = notes ? [-1] : [0, 0, 0];
  const common = { fitIntercept: !notes, shuffle: !notes, seed: epoch };
  const x = inputs(setup, setup.points);
  const t = setup.points.map((p) => p.t);
  const p = perceptron({
    ...common, lr: setup.lr, epochs: 1, init: theta.perceptron ?? start, onWarning: () => undefined,
    onStep: (s) => onStep?.('perceptron', Array.from(s.theta)),
  }).fit(x, t);
  const l = logisticRegression({
    solver: 'gradient', fitIntercept: !notes, lambda: 0, onWarning: () => undefined,
    training: { optimizer: sgd({ lr: setup.lr }), epochs: 1, batchSize: 1, shuffle: !notes, seed: epoch, init: theta.logistic ?? start, onStep: (s) => onStep?.('logistic', Array.from(s.theta)) },
  }).fit(x, t);
  return { perceptron: p, logistic: l };
}

const secondColumn = (data: Float64Array): number[] => Array.from({ length: data.length / 2 }, (_, i) => data[2 * i + 1] as number);

function stateOf(setup: ClassifierSetup, model: LinearClassifier): ModelState {
  const x = inputs(setup, setup.points);
  const t = setup.points.map((p) => p.t);
  const scores = Array.from(model.decisionFunction(x).data);
  return { theta: Array.from(model.theta), accuracy: model.score(x, t), margins: scores.map((s, n) => (t[n] === 1 ? s : -s)) };
}

/**
 * Trains both models epoch by epoch, calling `onFrame` after each; between epochs it waits `pause`
 * milliseconds, so a page sees the boundary move and a cancel message gets in.
 * @returns the last frame
 */
export async function trainClassifiers(setup: ClassifierSetup, onFrame: (frame: ClassifierFrame) => void, signal?: AbortSignal, pause = 0): Promise<ClassifierFrame | undefined> {
  const grid = inputs(setup, gridPoints());
  let theta: { perceptron?: number[]; logistic?: number[] } = {};
  let last: ClassifierFrame | undefined;
  for (let epoch = 1; epoch <= setup.epochs; epoch++) {
    if (signal?.aborted === true) throw new Error('cancelled');
    const first = { perceptron: [] as number[], logistic: [] as number[] };
    const models = fitEpoch(setup, theta, epoch, epoch === 1 ? (m, th) => first[m].push(th[0] as number) : undefined);
    const x = inputs(setup, setup.points);
    const t = setup.points.map((p) => p.t);
    last = {
      epoch,
      perceptron: stateOf(setup, models.perceptron),
      logistic: { ...stateOf(setup, models.logistic), loss: models.logistic.loss(x, t) },
      perceptronScores: Array.from(models.perceptron.decisionFunction(grid).data),
      // The soft predictor's second column: q(t = 1 | x) = σ(θᵀu(x)).
      logisticProba: secondColumn(models.logistic.predictProba(grid).data),
      ...(epoch === 1 ? { firstSteps: first } : {}),
    };
    theta = { perceptron: last.perceptron.theta, logistic: last.logistic.theta };
    onFrame(last);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  return last;
}

export { formatNumber } from './format.ts';
