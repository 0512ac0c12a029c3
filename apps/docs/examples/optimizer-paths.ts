// The optimizer-paths demo of the optimisation page (chapter 4): GD, SGD, momentum, Adam and any
// plugin's optimizer (Lion) minimising a 2-D training loss g(θ) = (1/N) Σₙ gₙ(θ), by
// @gradlab/optim's `minimize` as the CLI's `gradlab optimize` runs it. Each surface is an
// expression of θ = (x, y) and one sample's data (a, b), compiled by core-tensor's symbolic module;
// SGD sees a mini-batch S⁽ⁱ⁾ of the N samples per update, the others the full sum. The page's
// worker and the test call the same functions.
import { rng, scalar, tensor, type Tensor } from '@gradlab/core-tensor';
import { compile, evaluate, parse, type CompiledExpr } from '@gradlab/core-tensor/symbolic';
import { DivergenceError, minimize, type MiniBatches } from '@gradlab/optim';
import { registry } from '../docs/.vitepress/theme/lib/registry.ts';

/** A 2-D loss surface: gₙ(θ) of one sample, the data's mean and spread, the plotting box, and a start. */
export interface Surface {
  readonly label: string;
  /** gₙ(x, y) in the sample's data a, b. */
  readonly sample: string;
  /** The mean of the samples' (a, b): g(θ) is `sample` at the mean, plus a constant. */
  readonly mean: readonly [number, number];
  /** The standard deviation of a and b across the samples. */
  readonly spread: number;
  readonly box: { readonly x: readonly [number, number]; readonly y: readonly [number, number] };
  readonly start: readonly [number, number];
  /** The minimiser θ*. */
  readonly minimum: readonly [number, number];
  /** A step size that suits each optimizer here (on the page's log₁₀ grid of 0.1); others start at 0.01. */
  readonly lr: Readonly<Record<string, number>>;
  readonly steps: number;
}

export const SURFACES = {
  quadratic: {
    label: 'ill-conditioned quadratic ½x² + 5y² (κ = 10)',
    sample: '0.5*(x - a)^2 + 5*(y - b)^2',
    mean: [0, 0], spread: 1,
    box: { x: [-5, 5], y: [-3, 3] }, start: [-4.5, 2], minimum: [0, 0],
    lr: { gd: 0.16, sgd: 0.05, 'heavy-ball': 0.02, nesterov: 0.02, adam: 0.32, adamw: 0.32, lion: 0.1 },
    steps: 100,
  },
  rosenbrock: {
    label: 'Rosenbrock (1 − x)² + 100(y − x²)²',
    sample: '(a - x)^2 + 100*(y - x^2)^2',
    mean: [1, 0], spread: 0.3,
    box: { x: [-2, 2], y: [-1, 3] }, start: [-1.5, 2.5], minimum: [1, 1],
    lr: { gd: 0.0013, sgd: 0.001, 'heavy-ball': 0.00032, nesterov: 0.00032, adam: 0.05, adamw: 0.05, lion: 0.005 },
    steps: 1000,
  },
} as const satisfies Record<string, Surface>;
export type SurfaceId = keyof typeof SURFACES;

/** The number of samples N behind each surface. */
export const SAMPLES = 20;

/** The samples' data (aₙ, bₙ): the surface's mean plus seeded noise, centred so its mean is exact. */
export function sampleData(surface: Surface, seed = 0): { a: number[]; b: number[] } {
  const r = rng(seed);
  const draw = (mean: number): number[] => {
    const z = Array.from({ length: SAMPLES }, () => r.normal(0, surface.spread));
    const m = z.reduce((s, v) => s + v, 0) / SAMPLES;
    return z.map((v) => mean + v - m);
  };
  return { a: draw(surface.mean[0]), b: draw(surface.mean[1]) };
}

/** g(θ) up to a constant, for the contours: the sample's loss at the data's mean (symbolic `evaluate`). */
export function surfaceAt(surface: Surface): (x: number, y: number) => number {
  const expr = parse(surface.sample);
  const [a, b] = surface.mean;
  return (x, y) => evaluate(expr, { x, y, a, b });
}

/** One run: which surface, which optimizer of the site's registry, γ, the budget and the start. */
export interface PathSetup {
  readonly surface: SurfaceId;
  /** An optimizer id of the site's registry. */
  readonly optimizer: string;
  readonly lr: number;
  readonly steps: number;
  readonly start: readonly [number, number];
  /** Mini-batch size S for the `sgd` optimizer (the others use all N samples). */
  readonly batchSize: number;
  readonly seed: number;
}

/** An optimizer's path: θ⁽⁰⁾, θ⁽¹⁾, …, the loss at the end, and how it ended. */
export interface Path {
  readonly optimizer: string;
  readonly xs: number[];
  readonly ys: number[];
  readonly value: number;
  readonly steps: number;
  /** Set when `minimize` threw a DivergenceError: its message. */
  readonly diverged?: string;
}

type Theta = { x: Tensor; y: Tensor };

/**
 * The loss of a mini-batch: (1/|S|) Σₙ∈S gₙ(θ), or of all N samples without a batch.
 * @param surface the surface
 * @param seed the seed of the samples' data
 */
export function trainingLoss(surface: Surface, seed = 0): (theta: Theta, batch?: Int32Array) => Tensor {
  const g: CompiledExpr = compile(parse(surface.sample), ['x', 'y', 'a', 'b']);
  const { a, b } = sampleData(surface, seed);
  const all = Int32Array.from({ length: SAMPLES }, (_, n) => n);
  const pick = (values: number[], batch: Int32Array): Tensor => tensor(Array.from(batch, (n) => values[n] as number), { dtype: 'float64' });
  // The batch's (a, b) as vectors: gₙ(θ) of every sample in one broadcast evaluation, then the mean.
  return (theta, batch = all) => g({ x: theta.x, y: theta.y, a: pick(a, batch), b: pick(b, batch) }).mean();
}

/**
 * Runs one optimizer from the start, recording every iterate.
 * @param setup the run
 * @param signal stops the run between steps when aborted
 */
export function optimizerPath(setup: PathSetup, signal?: AbortSignal): Path {
  const surface: Surface = SURFACES[setup.surface];
  const factory = registry.optimizers[setup.optimizer];
  if (factory === undefined) throw new Error(`no optimizer '${setup.optimizer}' in the site's plugins`);
  const optimizer = factory({ lr: setup.lr });
  const f = trainingLoss(surface, setup.seed);
  const stochastic = setup.optimizer === 'sgd';
  const batches: MiniBatches | undefined = stochastic ? { size: SAMPLES, batchSize: setup.batchSize, rng: rng(setup.seed) } : undefined;
  const xs: number[] = [];
  const ys: number[] = [];
  const theta0: Theta = { x: scalar(setup.start[0], { dtype: 'float64' }), y: scalar(setup.start[1], { dtype: 'float64' }) };
  try {
    const r = minimize(f, theta0, {
      optimizer,
      steps: setup.steps,
      tolerance: stochastic ? 0 : 1e-9,
      ...(batches === undefined ? {} : { batches }),
      onStep: ({ params }) => {
        xs.push(params.x.item());
        ys.push(params.y.item());
        return signal?.aborted !== true;
      },
    });
    return { optimizer: setup.optimizer, xs, ys, value: f(r.params).item(), steps: r.steps };
  } catch (err) {
    if (!(err instanceof DivergenceError)) throw err;
    return { optimizer: setup.optimizer, xs, ys, value: Number.NaN, steps: err.step, diverged: err.message };
  }
}

export { formatNumber } from './format.ts';
