import { gelu as geluFn, leakyRelu as leakyReluFn, logSoftmax as logSoftmaxFn, relu as reluFn, sigmoid as sigmoidFn, softmax as softmaxFn, tanh as tanhFn, ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { Module } from '../module.ts';
import type { LayerConfig } from '../module.ts';
import { checkLayerOptions } from './check-options.ts';

/** The names of the built-in activations (configs, `mlp`, the CLI). */
export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu' | 'gelu' | 'softmax' | 'log-softmax' | 'identity';

/** Options of the activations that take any: `alpha` (leaky ReLU), `axis` (softmax), `approximate` (GELU). */
export interface ActivationOptions {
  /** Leaky ReLU's slope for x < 0 (default 0.01, as PyTorch). */
  alpha?: number;
  /** Softmax's axis (default -1). */
  axis?: number;
  /** GELU's tanh approximation instead of the exact erf form (default false). */
  approximate?: boolean;
}

/**
 * An elementwise (or, for softmax, per-row) non-linearity as a layer without parameters. Its
 * derivative comes from core-tensor's autodiff; {@link backpropTrace} uses {@link Activation.derivative}.
 */
export class Activation extends Module {
  readonly kind: ActivationName;
  readonly options: Readonly<ActivationOptions>;
  readonly #fn: (x: Tensor) => Tensor;

  constructor(kind: ActivationName, options: ActivationOptions = {}) {
    super();
    const known: Record<ActivationName, readonly string[]> = { sigmoid: [], tanh: [], relu: [], 'leaky-relu': ['alpha'], gelu: ['approximate'], softmax: ['axis'], 'log-softmax': ['axis'], identity: [] };
    const keys = known[kind];
    if (keys === undefined) {
      throw new ValueError('unknown activation', { pkg: 'models-nn', op: 'activation', arg: 'kind', expected: Object.keys(known).join(', '), received: kind });
    }
    checkLayerOptions(kind, options, keys);
    if (options.alpha !== undefined && !(Number.isFinite(options.alpha) && options.alpha >= 0)) {
      throw new ValueError('alpha must be a finite number >= 0', { pkg: 'models-nn', op: 'leakyRelu', arg: 'options.alpha', expected: 'a number >= 0', received: options.alpha });
    }
    if (options.axis !== undefined && !Number.isInteger(options.axis)) {
      throw new ValueError('axis must be an integer', { pkg: 'models-nn', op: kind, arg: 'options.axis', expected: 'an integer', received: options.axis });
    }
    this.kind = kind;
    this.options = { ...options };
    const alpha = options.alpha ?? 0.01;
    const axis = options.axis ?? -1;
    const fns: Record<ActivationName, (x: Tensor) => Tensor> = {
      sigmoid: sigmoidFn,
      tanh: tanhFn,
      relu: reluFn,
      'leaky-relu': (x) => leakyReluFn(x, alpha),
      gelu: (x) => geluFn(x, options.approximate === true ? { approximate: 'tanh' } : {}),
      softmax: (x) => softmaxFn(x, axis),
      'log-softmax': (x) => logSoftmaxFn(x, axis),
      identity: (x) => x,
    };
    this.#fn = fns[kind];
  }

  /** Applies the non-linearity. */
  forward(x: Tensor): Tensor {
    return this.#fn(x);
  }

  /** Softmax and log-softmax mix the entries of a row; the others act on each entry alone. */
  get elementwise(): boolean {
    return this.kind !== 'softmax' && this.kind !== 'log-softmax';
  }

  config(): LayerConfig {
    return { kind: this.kind, ...this.options };
  }
}

/** The logistic sigmoid σ(a) = 1 / (1 + e^(-a)) as a layer. */
export const sigmoid = (): Activation => new Activation('sigmoid');
/** tanh as a layer. */
export const tanh = (): Activation => new Activation('tanh');
/** ReLU, max(0, a), as a layer. */
export const relu = (): Activation => new Activation('relu');
/** Leaky ReLU, a for a > 0 else alpha · a, as a layer (alpha default 0.01). */
export const leakyRelu = (options: { alpha?: number } = {}): Activation => new Activation('leaky-relu', options);
/** GELU, a · Φ(a), as a layer (`approximate: true` for the tanh form). */
export const gelu = (options: { approximate?: boolean } = {}): Activation => new Activation('gelu', options);
/** Softmax over `axis` (default -1) as a layer. */
export const softmax = (options: { axis?: number } = {}): Activation => new Activation('softmax', options);
/** Log-softmax over `axis` (default -1) as a layer. */
export const logSoftmax = (options: { axis?: number } = {}): Activation => new Activation('log-softmax', options);
/** The identity as a layer (a linear output unit). */
export const identity = (): Activation => new Activation('identity');

/**
 * The activation layer named `name`, as `mlp` and the CLI spell them (`relu`, `leaky-relu`,
 * `leakyRelu`, `tanh`, ...).
 * @throws ValueError for an unknown name
 */
export function activation(name: string, options: ActivationOptions = {}): Activation {
  const canonical = name === 'leakyRelu' ? 'leaky-relu' : name === 'logSoftmax' ? 'log-softmax' : name;
  return new Activation(canonical as ActivationName, options);
}
