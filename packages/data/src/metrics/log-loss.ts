import { requireOptions, ShapeError, ValueError } from '@gradlab/core-tensor';
import { toMatrix, toVector } from '../matrix.ts';
import type { MatrixInput, VectorInput } from '../matrix.ts';

/**
 * Log-loss (cross-entropy) −(1/N) Σ log q(t_n | x_n) of a soft predictor. Probabilities are clipped
 * to [eps, 1 − eps] so that a confident mistake costs a large finite amount.
 * @param t target classes `[N]`, integers 0..C-1
 * @param q predicted probabilities: `[N, C]` (row n is q(·|x_n)), or `[N]` holding q(t=1|x_n) for two classes
 * @param options `eps` (default 1e-15)
 * @returns the mean negative log-probability of the targets, in nats
 * @throws ShapeError when `t` and `q` do not have the same number of samples
 * @throws ValueError when a target is not a class index of `q`, or a probability is outside [0, 1]
 * @example
 * logLoss([1, 0], [0.9, 0.2]); // (−log 0.9 − log 0.8) / 2 = 0.164252
 */
export function logLoss(t: VectorInput, q: MatrixInput, options: { eps?: number } = {}): number {
  options = requireOptions(options, { pkg: 'data', op: 'logLoss' }, ['eps']);
  const op = 'logLoss';
  const tv = toVector(t, { op, arg: 't' });
  const qm = toMatrix(q, { op, arg: 'q' });
  const [n, cols] = qm.shape;
  if (tv.length === 0) throw new ValueError('no samples to score', { pkg: 'data', op, arg: 't', expected: 'at least one sample', received: '0 samples' });
  if (n !== tv.length) {
    throw new ShapeError('targets and probabilities must have the same number of samples', { pkg: 'data', op, arg: 'q', expected: `${tv.length} rows (as t)`, received: `${n} rows` });
  }
  const eps = options.eps ?? 1e-15;
  const classes = cols === 1 ? 2 : cols;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const c = tv[i] as number;
    if (!Number.isInteger(c) || c < 0 || c >= classes) {
      throw new ValueError('targets must be class indices', { pkg: 'data', op, arg: `t[${i}]`, expected: `an integer in [0, ${classes - 1}]`, received: c });
    }
    const p = cols === 1 ? (c === 1 ? (qm.data[i] as number) : 1 - (qm.data[i] as number)) : (qm.data[i * cols + c] as number);
    if (!(p >= 0 && p <= 1)) {
      throw new ValueError('probabilities must lie in [0, 1]', { pkg: 'data', op, arg: `q[${i}]`, expected: 'a number in [0, 1]', received: p });
    }
    s -= Math.log(Math.min(Math.max(p, eps), 1 - eps));
  }
  return s / n;
}
