import { rng as makeRng, ValueError } from '@gradlab/core-tensor';
import { initDType, initRng } from '../init.ts';
import type { FloatDType, Initializer } from '../init.ts';
import type { Rng } from '@gradlab/core-tensor';
import type { Module } from '../module.ts';
import { activation } from './activation.ts';
import type { ActivationName } from './activation.ts';
import { checkLayerOptions, checkRate, checkSize } from './check-options.ts';
import { dropout } from './dropout.ts';
import { linear } from './linear.ts';
import { Sequential } from './sequential.ts';

/** Options of {@link mlp}. */
export interface MlpOptions {
  /** Layer widths `[D_0, D_1, ..., D_L]`: inputs, hidden layers, outputs (at least two). */
  sizes: readonly number[];
  /** The hidden layers' activation (default `relu`). */
  activation?: ActivationName | 'leakyRelu';
  /** An activation after the last layer (default none: the outputs are logits or values). */
  outputActivation?: ActivationName;
  /** Dropout rate after each hidden activation (default 0: no dropout layers). */
  dropout?: number;
  /** Weight initialisation (default: He for ReLU-like activations, Xavier for the others). */
  init?: Initializer;
  /** The generator of the initial weights (default: the package's, see `manualSeed`). */
  rng?: Rng;
  /** A seed for the initial weights and dropout masks (used when `rng` is absent). */
  seed?: number;
  /** Parameter dtype (default float32). */
  dtype?: FloatDType;
}

/**
 * A multi-layer perceptron: `linear, activation, ..., linear`, as a {@link Sequential}, so its
 * parameters are named `0.weight`, `0.bias`, `2.weight`, ... like the same `nn.Sequential` in PyTorch.
 * @param options `sizes` (required), `activation`, `outputActivation`, `dropout`, `init`, `rng`/`seed`, `dtype`
 * @returns the network
 * @throws ValueError for fewer than two sizes or a non-positive size
 * @example
 * const net = mlp({ sizes: [64, 32, 32, 10], activation: 'relu', seed: 0 });
 * net.forward(zeros([5, 64], { dtype: 'float32' })).shape; // [5, 10]
 */
export function mlp(options: MlpOptions): Sequential {
  const op = 'mlp';
  if (typeof options !== 'object' || options === null) {
    throw new ValueError('mlp takes an options object', { pkg: 'models-nn', op, arg: 'options', expected: '{ sizes: [in, ...hidden, out] }', received: options === null ? 'null' : typeof options });
  }
  checkLayerOptions(op, options, ['sizes', 'activation', 'outputActivation', 'dropout', 'init', 'rng', 'seed', 'dtype']);
  const { sizes } = options;
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new ValueError('sizes lists the input width, the hidden widths and the output width', { pkg: 'models-nn', op, arg: 'options.sizes', expected: 'at least two positive integers, e.g. [64, 32, 10]', received: Array.isArray(sizes) ? `[${sizes.join(', ')}]` : typeof sizes });
  }
  sizes.forEach((s, i) => checkSize(op, `options.sizes[${i}]`, s));
  const act = options.activation ?? 'relu';
  const p = options.dropout === undefined ? 0 : checkRate(op, 'options.dropout', options.dropout);
  const dtype = initDType(op, options);
  if (options.seed !== undefined && (!Number.isInteger(options.seed) || options.seed < 0)) {
    throw new ValueError('seed must be a non-negative integer', { pkg: 'models-nn', op, arg: 'options.seed', expected: 'an integer >= 0', received: options.seed });
  }
  const r = options.rng ?? (options.seed !== undefined ? makeRng(options.seed) : initRng(undefined));
  const reluLike = act === 'relu' || act === 'leaky-relu' || act === 'leakyRelu' || act === 'gelu';
  const init = options.init ?? (reluLike ? 'he-uniform' : 'xavier-uniform');
  const layers: Module[] = [];
  for (let l = 1; l < sizes.length; l++) {
    layers.push(linear(sizes[l - 1] as number, sizes[l] as number, { rng: r, dtype, init }));
    if (l < sizes.length - 1) {
      layers.push(activation(act));
      if (p > 0) layers.push(dropout(p, { seed: (options.seed ?? 0) + l }));
    } else if (options.outputActivation !== undefined) {
      layers.push(activation(options.outputActivation));
    }
  }
  return new Sequential(layers);
}
