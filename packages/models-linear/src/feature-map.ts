import type { Rng } from '@gradlab/core-tensor';
import { requireObject, requireOptions, rng, ShapeError, ValueError } from '@gradlab/core-tensor';
import type { Matrix, MatrixInput } from './design.ts';
import { readMatrix } from './design.ts';
import { polynomialFeatures } from './polynomial-features.ts';

/**
 * A feature map u(·): turns each input row x into the feature vector u(x) a linear model weighs
 * with θ. Plain object; make one with {@link polynomialFeatureMap}, {@link featureMap} or
 * {@link randomFeatures}, or write your own of this shape.
 */
export interface FeatureMap {
  /** A short description, e.g. `polynomial(M=3)`. */
  readonly name: string;
  /**
   * Applies the map to every row.
   * @param x inputs `[N, D]`
   * @returns features `[N, F]`
   */
  transform(x: Matrix): Matrix;
}

/**
 * The polynomial feature map u(x) = [1, x, ..., x^M] (all monomials up to degree M for vector x).
 * @param degree M ≥ 0
 * @param options `bias` (default true) keeps the constant feature
 * @returns the feature map
 * @throws ValueError when M is not a non-negative integer
 * @example
 * polynomialFeatureMap(2).transform({ data: new Float64Array([3]), shape: [1, 1] }).data; // [1, 3, 9]
 */
export function polynomialFeatureMap(degree: number, options: { bias?: boolean } = {}): FeatureMap {
  if (!Number.isInteger(degree) || degree < 0) {
    throw new ValueError('the model order must be a non-negative integer', { pkg: 'models-linear', op: 'polynomialFeatureMap', arg: 'degree', expected: 'an integer M >= 0', received: degree });
  }
  return { name: `polynomial(M=${degree})`, transform: (x) => polynomialFeatures(x, degree, options) };
}

/**
 * A feature map from a function of one input row: u(x) = fn(x). Every row must give the same
 * number of finite features.
 * @param fn maps x `[D]` to u(x) `[F]`
 * @param name a short description (default `custom`)
 * @returns the feature map
 * @throws ShapeError (from `transform`) when rows give different feature counts
 * @throws ValueError (from `transform`) when a feature is NaN or infinite
 * @example
 * const u = featureMap((x) => [1, Math.sin(2 * Math.PI * x[0]!)], 'sine');
 */
export function featureMap(fn: (x: Float64Array) => ArrayLike<number>, name = 'custom'): FeatureMap {
  return {
    name,
    transform(x: Matrix): Matrix {
      const [n, d] = x.shape;
      let f = -1;
      let data = new Float64Array(0);
      for (let i = 0; i < n; i++) {
        const u = fn(x.data.slice(i * d, (i + 1) * d));
        if (f < 0) {
          f = u.length;
          data = new Float64Array(n * f);
        } else if (u.length !== f) {
          throw new ShapeError('the feature function must give the same number of features for every row', { pkg: 'models-linear', op: `featureMap(${name}).transform`, arg: `x[${i}]`, expected: `${f} features`, received: `${u.length} features` });
        }
        for (let k = 0; k < f; k++) {
          const v = u[k] as number;
          if (!Number.isFinite(v)) {
            throw new ValueError('the feature function returned a non-finite value', { pkg: 'models-linear', op: `featureMap(${name}).transform`, arg: `u(x[${i}])[${k}]`, expected: 'a finite number', received: v });
          }
          data[i * f + k] = v;
        }
      }
      return { data, shape: [n, Math.max(f, 0)] };
    },
  };
}

/** Options of {@link randomFeatures}. */
export interface RandomFeaturesOptions {
  /** F, the number of random features. */
  count: number;
  /** D, the input dimension (default 1). */
  inputs?: number;
  /** `relu`: max(0, wᵀx + b); `cos`: cos(wᵀx + b) (random Fourier features). Default `relu`. */
  activation?: 'relu' | 'cos';
  /** Scale of the random weights w ~ N(0, scale² I) (default 5). */
  scale?: number;
  /** The box [low, high]^D the inputs lie in; ReLU kinks are placed uniformly in it (default [0, 1]). */
  range?: readonly [number, number];
  /** A seed or a caller-owned `Rng` for the weights (default 0). */
  seed?: number | Rng;
}

/**
 * Random features u_k(x) = g(w_kᵀx + b_k), k = 1..F, drawn once: w_k ~ N(0, scale² I); for `relu`,
 * b_k = −w_kᵀc_k with the kink point c_k uniform in the input box `range` (so every feature bends
 * where the data are), for `cos`, b_k ~ U[0, 2π] (random Fourier features). A linear model on them, fitted by minimum-norm least squares,
 * shows double descent: its population loss peaks where F reaches N and falls again beyond.
 * @param options `count`, `inputs`, `activation`, `scale`, `seed`
 * @returns the feature map (fixed weights)
 * @throws ValueError when `count` or `inputs` is not a positive integer
 * @example
 * const u = randomFeatures({ count: 40, seed: 0 });
 */
export function randomFeatures(options: RandomFeaturesOptions): FeatureMap {
  options = requireOptions(options, { pkg: 'models-linear', op: 'randomFeatures' }, ['count', 'inputs', 'activation', 'scale', 'range', 'seed']) as RandomFeaturesOptions;
  const { count } = options;
  const inputs = options.inputs ?? 1;
  for (const [arg, v] of [['options.count', count], ['options.inputs', inputs]] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new ValueError('must be a positive integer', { pkg: 'models-linear', op: 'randomFeatures', arg, expected: 'an integer >= 1', received: v });
    }
  }
  const activation = options.activation ?? 'relu';
  const scale = options.scale ?? 5;
  const [low, high] = options.range ?? [0, 1];
  const r = typeof options.seed === 'object' ? options.seed : rng(options.seed ?? 0);
  const w = new Float64Array(count * inputs);
  const b = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    let kink = 0;
    for (let j = 0; j < inputs; j++) {
      const wkj = r.normal(0, scale);
      w[k * inputs + j] = wkj;
      kink += wkj * r.uniform(low, high);
    }
    b[k] = activation === 'cos' ? r.uniform(0, 2 * Math.PI) : -kink;
  }
  return {
    name: `random-${activation}(F=${count})`,
    transform(x: Matrix): Matrix {
      const xm = readMatrix(x, 'randomFeatures.transform', 'x');
      const [n, d] = xm.shape;
      if (d !== inputs) {
        throw new ShapeError('input dimension differs from the one the features were drawn for', { pkg: 'models-linear', op: 'randomFeatures.transform', arg: 'x', expected: `${inputs} columns`, received: `${d} columns` });
      }
      const data = new Float64Array(n * count);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < count; k++) {
          let a = b[k] as number;
          for (let j = 0; j < d; j++) a += (w[k * inputs + j] as number) * (xm.data[i * d + j] as number);
          data[i * count + k] = activation === 'cos' ? Math.cos(a) : Math.max(0, a);
        }
      }
      return { data, shape: [n, count] };
    },
  };
}

/**
 * Applies a feature map to raw inputs.
 * @param map the feature map u
 * @param x inputs `[N, D]` in any accepted form
 * @returns u(x) `[N, F]`
 * @throws ValueError when x holds NaN
 * @example
 * applyFeatures(polynomialFeatureMap(1), [0, 1]).data; // [1, 0, 1, 1]
 */
export function applyFeatures(map: FeatureMap, x: MatrixInput): Matrix {
  requireObject(map, { pkg: 'models-linear', op: 'applyFeatures', arg: 'map' }, ['transform']);
  return map.transform(readMatrix(x, `${map.name}.transform`, 'x'));
}
