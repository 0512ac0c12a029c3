// The MLP demo of the neural-networks page (chapter 6): the data sets, the network, and the training
// loop the page's Web Worker runs, epoch by epoch. The loss and the optimizer are built from the
// site's plugin registry (gradlab.plugins.ts), so the example plugin's focal loss and Lion train here
// like the built-ins. The test calls the same functions in Node.
import { rng, sigmoid, softmax, tensor, type Tensor } from '@gradlab/core-tensor';
import { dataset, toTensors, twoMoons, xor, type Dataset } from '@gradlab/data';
import type { Loss } from '@gradlab/losses';
import { fitAsync, gradientNorms, mlp, type GradientNorm, type Module } from '@gradlab/models-nn';
import type { Optimizer } from '@gradlab/optim';
import { registry } from '../docs/.vitepress/theme/lib/registry.ts';

/**
 * Two concentric noisy circles, class 1 inside (radius `factor`), class 0 outside (radius 1): no
 * line separates them, one hidden layer does.
 * @param options `n` samples (half per circle), Gaussian `noise` per coordinate, `factor` the inner radius, `seed`
 */
export function circles(options: { n?: number; noise?: number; factor?: number; seed?: number } = {}): Dataset {
  const n = options.n ?? 200;
  const noise = options.noise ?? 0.1;
  const factor = options.factor ?? 0.5;
  const r = rng(options.seed ?? 0);
  const x: number[][] = [];
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const cls = i % 2;
    const angle = 2 * Math.PI * r.uniform();
    const radius = cls === 1 ? factor : 1;
    x.push([radius * Math.cos(angle) + r.normal(0, noise), radius * Math.sin(angle) + r.normal(0, noise)]);
    t.push(cls);
  }
  return dataset(x, t, { featureNames: ['x1', 'x2'], classNames: ['outer', 'inner'], name: 'circles' });
}

/** The demo's data sets: id → label. */
export const DATASETS: Readonly<Record<string, string>> = { xor: 'XOR', moons: 'two moons', circles: 'circles' };

/** The data set of an id in {@link DATASETS} (200 points, seed 0). */
export function demoData(id: string): Dataset {
  if (id === 'xor') return xor({ n: 200, seed: 0 });
  if (id === 'circles') return circles({ n: 200, noise: 0.1, factor: 0.5, seed: 0 });
  return twoMoons({ n: 200, noise: 0.15, seed: 0 });
}

/** A learning rate that suits each optimizer on this problem; plugin optimizers not listed start at 0.01. */
export function suggestedLr(optimizer: string): number {
  return ({ sgd: 0.1, 'heavy-ball': 0.05, adam: 0.03, lion: 0.005 } as Record<string, number>)[optimizer] ?? 0.01;
}

/** Everything that defines one training run. */
export interface MlpSetup {
  readonly data: string;
  /** Hidden layers. */
  readonly depth: number;
  /** Units per hidden layer. */
  readonly width: number;
  readonly activation: 'relu' | 'tanh' | 'sigmoid' | 'leakyRelu';
  /** A loss id of the site's registry. */
  readonly loss: string;
  /** An optimizer id of the site's registry. */
  readonly optimizer: string;
  readonly lr: number;
  readonly epochs: number;
}

/** The loss `id` from the site's registry, with its default configuration. */
export function makeLoss(id: string): Loss {
  const factory = registry.losses[id];
  if (factory === undefined) throw new Error(`no loss '${id}' in the site's plugins`);
  return factory({});
}

/** The optimizer `id` from the site's registry, with step size γ = `lr`. */
export function makeOptimizer(id: string, lr: number): Optimizer {
  const factory = registry.optimizers[id];
  if (factory === undefined) throw new Error(`no optimizer '${id}' in the site's plugins`);
  return factory({ lr });
}

/**
 * The network for a setup: 2 inputs, `depth` hidden layers of `width`, and 2 logits for a loss on
 * logits (cross-entropy) or one score s for a loss on a binary target (the focal loss: p = σ(s)).
 */
export function makeModel(setup: MlpSetup, loss: Loss): Module {
  const out = loss.prediction === 'logits' ? 2 : 1;
  return mlp({ sizes: [2, ...Array.from({ length: setup.depth }, () => setup.width), out], activation: setup.activation, seed: 0 });
}

/** The plotting box of a data set: its range plus a margin. */
export interface Bounds { x0: number; x1: number; y0: number; y1: number }

export function dataBounds(data: Dataset, pad = 0.3): Bounds {
  const xs = toTensors(data).x.toArray() as number[][];
  const col = (j: number): number[] => xs.map((r) => r[j] ?? 0);
  return { x0: Math.min(...col(0)) - pad, x1: Math.max(...col(0)) + pad, y0: Math.min(...col(1)) - pad, y1: Math.max(...col(1)) + pad };
}

/** The centres of a `g × g` grid over the box, row by row from the bottom. */
export function regionGrid(b: Bounds, g: number): number[][] {
  const grid: number[][] = [];
  for (let i = 0; i < g; i++) for (let j = 0; j < g; j++) grid.push([b.x0 + ((j + 0.5) / g) * (b.x1 - b.x0), b.y0 + ((i + 0.5) / g) * (b.y1 - b.y0)]);
  return grid;
}

/** p(t = 1 | x) at each point: the softmax of the logits, σ of a score, or the output itself. */
export function positiveProbability(model: Module, loss: Loss, points: number[][]): number[] {
  const out: Tensor = model.forward(tensor(points, { dtype: 'float32' }));
  if (loss.prediction === 'logits') return (softmax(out, -1).toArray() as number[][]).map((r) => r[1] ?? 0.5);
  const flat = Array.from((loss.prediction === 'score' ? sigmoid(out) : out).data, Number);
  return flat.map((p) => Math.min(1, Math.max(0, p)));
}

/** What the worker streams to the page: epoch 0 is the initialisation. */
export interface MlpFrame {
  readonly epoch: number;
  /** Mean training loss of the epoch (absent at epoch 0). */
  readonly loss?: number;
  readonly accuracy?: number;
  /** p(t = 1 | x) on the region grid, when redrawn. */
  readonly region?: number[];
  /** ‖∂L/∂W_l‖ per layer, input first, on the whole data set, when recomputed. */
  readonly norms?: GradientNorm[];
}

/** The side of the decision-region grid. */
export const GRID = 30;

/**
 * Trains the setup's MLP with fitAsync (mini-batches of 32, shuffled with seed 0), sending a frame
 * at the start and after every epoch; the region and the gradient norms every 5 epochs and at the end.
 * @returns the frames' losses, epoch 1 first
 */
export async function trainMlp(setup: MlpSetup, onFrame: (frame: MlpFrame) => void, signal?: AbortSignal): Promise<number[]> {
  const data = demoData(setup.data);
  const grid = regionGrid(dataBounds(data), GRID);
  const loss = makeLoss(setup.loss);
  const model = makeModel(setup, loss);
  onFrame({ epoch: 0, region: positiveProbability(model, loss, grid), norms: gradientNorms(model, data, loss) });
  const losses: number[] = [];
  await fitAsync(model, data, {
    loss, optimizer: makeOptimizer(setup.optimizer, setup.lr), epochs: setup.epochs, batchSize: 32, seed: 0,
    ...(signal !== undefined ? { signal } : {}),
    onEpoch: (log) => {
      losses.push(log.loss);
      const redraw = log.epoch % 5 === 0 || log.epoch === setup.epochs;
      onFrame({
        epoch: log.epoch, loss: log.loss, ...(log.accuracy !== undefined ? { accuracy: log.accuracy } : {}),
        ...(redraw ? { region: positiveProbability(model, loss, grid), norms: gradientNorms(model, data, loss) } : {}),
      });
    },
  });
  return losses;
}

export { formatNumber } from './format.ts';
