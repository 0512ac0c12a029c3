import { ShapeError, ValueError } from '@gradlab/core-tensor';
import { toMatrix } from '../matrix.ts';
import type { Matrix, MatrixInput } from '../matrix.ts';

/** The saved form of a fitted {@link StandardScaler}: plain JSON, see {@link standardScalerFromJSON}. */
export interface StandardScalerJSON {
  /** Always `'standardScaler'`, so a loader can tell what it reads. */
  readonly kind: 'standardScaler';
  /** The per-column mean `[D]` learned in `fit`. */
  readonly mean: number[];
  /** The per-column scale `[D]` learned in `fit` (population std; 1 for a constant column). */
  readonly scale: number[];
}

/**
 * Feature standardisation z = (x - mean) / scale, column by column, as scikit-learn's
 * `StandardScaler`: the mean and the population standard deviation (ddof 0) are learned in `fit`;
 * a column of zero variance gets scale 1, so it maps to 0 instead of NaN.
 */
export interface StandardScaler {
  /**
   * Learns the per-column mean and scale of `x`, replacing what was learned before.
   * @param x inputs `[N, D]`, N >= 1
   * @returns this scaler, fitted
   */
  fit(x: MatrixInput): StandardScaler;
  /**
   * Standardises `x` with the learned mean and scale.
   * @param x inputs `[M, D]` with the D seen in `fit`
   * @returns a new matrix `[M, D]`
   */
  transform(x: MatrixInput): Matrix;
  /** `fit(x)` then `transform(x)`. */
  fitTransform(x: MatrixInput): Matrix;
  /**
   * Undoes {@link StandardScaler.transform}: x = z * scale + mean.
   * @param z standardised inputs `[M, D]`
   * @returns a new matrix `[M, D]`
   */
  inverseTransform(z: MatrixInput): Matrix;
  /** The per-column mean `[D]`; undefined before `fit`. */
  readonly mean: Float64Array | undefined;
  /** The per-column scale `[D]`; undefined before `fit`. */
  readonly scale: Float64Array | undefined;
  /** The fitted state as plain JSON (throws before `fit`). */
  toJSON(): StandardScalerJSON;
}

const PKG = 'data';

function notFitted(op: string): ValueError {
  return new ValueError('the scaler is not fitted yet', { pkg: PKG, op, expected: 'a call to fit(x) first', received: 'an unfitted scaler', hint: 'call fit(x) on the training inputs before transform' });
}

function makeScaler(initial?: { mean: Float64Array; scale: Float64Array }): StandardScaler {
  let mean = initial?.mean;
  let scale = initial?.scale;

  const read = (x: MatrixInput, op: string, arg: string): Matrix => {
    if (mean === undefined || scale === undefined) throw notFitted(op);
    const m = toMatrix(x, { op, arg, finite: true, noun: 'features' });
    if (m.shape[1] !== mean.length) {
      throw new ShapeError('x has a different number of columns than the data the scaler was fitted on', { pkg: PKG, op, arg, expected: `${mean.length} columns`, received: `${m.shape[1]} columns` });
    }
    return m;
  };

  const scaler: StandardScaler = {
    fit(x) {
      const m = toMatrix(x, { op: 'StandardScaler.fit', arg: 'x', finite: true, noun: 'features' });
      const [n, d] = m.shape;
      if (n === 0) {
        throw new ValueError('cannot fit on an empty matrix', { pkg: PKG, op: 'StandardScaler.fit', arg: 'x', expected: 'at least one row', received: '0 rows' });
      }
      const mu = new Float64Array(d);
      for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mu[j] = (mu[j] as number) + (m.data[i * d + j] as number);
      for (let j = 0; j < d; j++) mu[j] = (mu[j] as number) / n;
      // Two-pass variance (centre first): stable when the mean is large against the spread.
      const s = new Float64Array(d);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < d; j++) {
          const c = (m.data[i * d + j] as number) - (mu[j] as number);
          s[j] = (s[j] as number) + c * c;
        }
      }
      for (let j = 0; j < d; j++) {
        const sd = Math.sqrt((s[j] as number) / n);
        // scikit-learn's _handle_zeros_in_scale: a (near-)constant column keeps scale 1.
        s[j] = sd < 10 * Number.EPSILON * Math.max(Math.abs(mu[j] as number), 1) ? 1 : sd;
      }
      mean = mu;
      scale = s;
      return scaler;
    },
    transform(x) {
      const m = read(x, 'StandardScaler.transform', 'x');
      const d = m.shape[1];
      const out = new Float64Array(m.data.length);
      for (let k = 0; k < out.length; k++) out[k] = ((m.data[k] as number) - (mean as Float64Array)[k % d]!) / (scale as Float64Array)[k % d]!;
      return { data: out, shape: m.shape };
    },
    fitTransform(x) {
      return scaler.fit(x).transform(x);
    },
    inverseTransform(z) {
      const m = read(z, 'StandardScaler.inverseTransform', 'z');
      const d = m.shape[1];
      const out = new Float64Array(m.data.length);
      for (let k = 0; k < out.length; k++) out[k] = (m.data[k] as number) * (scale as Float64Array)[k % d]! + (mean as Float64Array)[k % d]!;
      return { data: out, shape: m.shape };
    },
    get mean() {
      return mean;
    },
    get scale() {
      return scale;
    },
    toJSON() {
      if (mean === undefined || scale === undefined) throw notFitted('StandardScaler.toJSON');
      return { kind: 'standardScaler', mean: Array.from(mean), scale: Array.from(scale) };
    },
  };
  return scaler;
}

/**
 * Makes an unfitted {@link StandardScaler} (scikit-learn's `StandardScaler`).
 * @returns a scaler; call `fit(x)` on the training inputs only, then `transform` any split
 * @throws ValueError from `transform`/`inverseTransform`/`toJSON` before `fit`
 * @throws ShapeError from `transform`/`inverseTransform` when the column count differs from `fit`'s
 * @example
 * const s = standardScaler().fit([[1, 10], [3, 10]]);
 * s.mean;  // Float64Array [2, 10]
 * s.scale; // Float64Array [1, 1]   (the constant column keeps scale 1)
 * s.transform([[3, 10]]).data; // Float64Array [1, 0]
 */
export function standardScaler(): StandardScaler {
  return makeScaler();
}

/**
 * Restores a fitted {@link StandardScaler} saved with `toJSON()` (after `JSON.parse`).
 * @param json `{ kind: 'standardScaler', mean: number[D], scale: number[D] }`
 * @returns a fitted scaler
 * @throws ValueError when the object is not a saved scaler, or a scale is not a positive finite number
 * @example
 * const saved = JSON.stringify(standardScaler().fit([[1], [3]]));
 * standardScalerFromJSON(JSON.parse(saved)).transform([[3]]).data; // Float64Array [1]
 */
export function standardScalerFromJSON(json: unknown): StandardScaler {
  const op = 'standardScalerFromJSON';
  const j = json as Partial<StandardScalerJSON> | null;
  if (typeof j !== 'object' || j === null || j.kind !== 'standardScaler' || !Array.isArray(j.mean) || !Array.isArray(j.scale)) {
    throw new ValueError('not a saved standard scaler', { pkg: PKG, op, arg: 'json', expected: "{ kind: 'standardScaler', mean: number[], scale: number[] }", received: j === null ? 'null' : typeof j, hint: 'pass JSON.parse of what scaler.toJSON() / JSON.stringify(scaler) wrote' });
  }
  if (j.mean.length !== j.scale.length) {
    throw new ShapeError('mean and scale must have the same length', { pkg: PKG, op, arg: 'json.scale', expected: `${j.mean.length} entries`, received: `${j.scale.length} entries` });
  }
  j.mean.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ValueError('mean entries must be finite numbers', { pkg: PKG, op, arg: `json.mean[${i}]`, expected: 'a finite number', received: v });
  });
  j.scale.forEach((v, i) => {
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) throw new ValueError('scale entries must be positive finite numbers', { pkg: PKG, op, arg: `json.scale[${i}]`, expected: 'a positive finite number', received: v });
  });
  return makeScaler({ mean: Float64Array.from(j.mean), scale: Float64Array.from(j.scale) });
}
