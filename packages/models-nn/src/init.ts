import { randNormal, randUniform, requireShape, rng as makeRng, ValueError } from '@gradlab/core-tensor';
import type { Rng, Tensor } from '@gradlab/core-tensor';

/** The float dtypes a layer's parameters can have. */
export type FloatDType = 'float32' | 'float64';

/** What every layer factory accepts for its parameters. */
export interface InitOptions {
  /** The generator its initial values are drawn from (default: the package's, see {@link manualSeed}). */
  rng?: Rng;
  /** The parameters' dtype (default `float32`, as PyTorch). */
  dtype?: FloatDType;
}

let defaultRng: Rng = makeRng(0);

/**
 * Reseeds the generator that layer factories draw from when no `rng` is passed, like
 * `torch.manual_seed`. It starts at seed 0, so a fresh process always builds the same weights.
 * @param seed a non-negative integer
 */
export function manualSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0) {
    throw new ValueError('the seed must be a non-negative integer', { pkg: 'models-nn', op: 'manualSeed', arg: 'seed', expected: 'an integer >= 0', received: seed });
  }
  defaultRng = makeRng(seed);
}

/** The generator of `options.rng`, or the package default. */
export function initRng(options: InitOptions | undefined): Rng {
  return options?.rng ?? defaultRng;
}

/** The dtype of `options.dtype` (default float32), checked. */
export function initDType(op: string, options: InitOptions | undefined): FloatDType {
  const d = options?.dtype ?? 'float32';
  if (d !== 'float32' && d !== 'float64') {
    throw new ValueError('parameters are float32 or float64', { pkg: 'models-nn', op, arg: 'options.dtype', expected: "'float32' or 'float64'", received: d });
  }
  return d;
}

/** Fan-in and fan-out of a weight `[out, in, ...]`, as PyTorch computes them. */
function fans(shape: readonly number[]): [number, number] {
  const receptive = shape.slice(2).reduce((a, b) => a * b, 1);
  const fanIn = (shape[1] ?? 1) * receptive;
  const fanOut = (shape[0] ?? 1) * receptive;
  return [fanIn, fanOut];
}

/** Initialiser names, for configs and the CLI. */
export type Initializer = 'xavier-uniform' | 'xavier-normal' | 'he-uniform' | 'he-normal';

/**
 * Draws a weight of `shape` (`[out, in]`) with Xavier/Glorot or He/Kaiming initialisation:
 * - Xavier: variance 2 / (fanIn + fanOut), keeps activations' variance for tanh/sigmoid;
 * - He: variance 2 / fanIn, for ReLU (half the units are zero).
 *
 * Uniform variants draw from U(-a, a) with a = sqrt(3 · variance), normal ones from N(0, variance).
 * @param kind which rule
 * @param shape `[out, in, ...]`
 * @param options `rng`, `dtype`, `gain` (multiplies the std; default 1)
 * @returns the weight
 * @example
 * initWeight('he-normal', [64, 32], { rng: rng(0) }).shape; // [64, 32]
 */
export function initWeight(kind: Initializer, shape: readonly number[], options: InitOptions & { gain?: number } = {}): Tensor {
  const op = 'initWeight';
  requireShape(shape, { pkg: 'models-nn', op, arg: 'shape' });
  const dtype = initDType(op, options);
  const gain = options.gain ?? 1;
  const [fanIn, fanOut] = fans(shape);
  let variance: number;
  if (kind === 'xavier-uniform' || kind === 'xavier-normal') variance = (2 / Math.max(fanIn + fanOut, 1)) * gain * gain;
  else if (kind === 'he-uniform' || kind === 'he-normal') variance = (2 / Math.max(fanIn, 1)) * gain * gain;
  else {
    throw new ValueError('unknown initialiser', { pkg: 'models-nn', op, arg: 'kind', expected: "'xavier-uniform', 'xavier-normal', 'he-uniform' or 'he-normal'", received: kind });
  }
  const r = initRng(options);
  if (kind.endsWith('uniform')) {
    const a = Math.sqrt(3 * variance);
    return randUniform(r, shape, { low: -a, high: a, dtype });
  }
  return randNormal(r, shape, { mean: 0, std: Math.sqrt(variance), dtype });
}

/** Xavier/Glorot uniform: U(-a, a), a = gain · sqrt(6 / (fanIn + fanOut)). */
export const xavierUniform = (shape: readonly number[], options?: InitOptions & { gain?: number }): Tensor => initWeight('xavier-uniform', shape, options);
/** Xavier/Glorot normal: N(0, gain² · 2 / (fanIn + fanOut)). */
export const xavierNormal = (shape: readonly number[], options?: InitOptions & { gain?: number }): Tensor => initWeight('xavier-normal', shape, options);
/** He/Kaiming uniform: U(-a, a), a = gain · sqrt(6 / fanIn). */
export const heUniform = (shape: readonly number[], options?: InitOptions & { gain?: number }): Tensor => initWeight('he-uniform', shape, options);
/** He/Kaiming normal: N(0, gain² · 2 / fanIn). */
export const heNormal = (shape: readonly number[], options?: InitOptions & { gain?: number }): Tensor => initWeight('he-normal', shape, options);
