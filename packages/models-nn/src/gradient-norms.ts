import { noGrad, norm, tidy, ValueError, valueAndGrad } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import type { Loss } from '@gradlab/losses';
import { functionalCall, Module } from './module.ts';
import { alignPrediction } from './train/fit.ts';
import { toSamples } from './train/training-data.ts';
import type { TrainingData } from './train/training-data.ts';

/** One row of {@link gradientNorms}. */
export interface GradientNorm {
  /** The parameter's name, e.g. `4.weight`. */
  name: string;
  /** ‖∂loss/∂θ‖₂ over the whole parameter. */
  norm: number;
}

/**
 * The Euclidean norm of the loss gradient for every weight matrix (parameters named `*.weight`,
 * or all with `{ all: true }`), on one batch: how vanishing or exploding gradients are seen.
 * Deep sigmoid networks show norms shrinking towards the input layers; ReLU with He
 * initialisation keeps them of one order.
 * @param model the network
 * @param data a Dataset or `{ x, y }` tensors (one batch: all of it)
 * @param loss the loss
 * @returns one row per parameter, in definition order (input layer first)
 * @example
 * gradientNorms(mlp({ sizes: [2, 32, 32, 32, 2], activation: 'sigmoid' }), twoMoons({ n: 64 }), crossEntropy());
 */
export function gradientNorms(model: Module, data: TrainingData, loss: Loss, options: { all?: boolean } = {}): GradientNorm[] {
  if (!(model instanceof Module)) throw new ValueError('model must be a Module', { pkg: 'models-nn', op: 'gradientNorms', arg: 'model', expected: 'a Module', received: typeof model });
  const s = toSamples('gradientNorms', 'data', data, model.dtype === 'float64' ? 'float64' : 'float32', model.inputKind);
  return tidy(() => {
    const [, grads] = valueAndGrad((p: Record<string, Tensor>) => functionalCall(model, p, () => loss.forward(alignPrediction(model.forward(s.x), s.y), s.y)))(model.stateDict());
    return noGrad(() =>
      Object.entries(grads)
        .filter(([n]) => options.all === true || n.endsWith('weight'))
        .map(([name, g]) => ({ name, norm: norm(g.astype('float64')).item() })),
    );
  });
}
