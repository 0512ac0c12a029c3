import { GradlabError, ValueError } from '@gradlab/core-tensor';
import type { Dataset } from '../dataset.ts';
import { subset } from '../dataset.ts';
import { toMatrix } from '../matrix.ts';
import type { EstimatorFactory } from '../selection/estimator.ts';

/** What {@link checkEstimator} found: empty when the estimator satisfies the contract. */
export interface EstimatorCheck {
  /** One line per broken rule. */
  readonly problems: string[];
}

/**
 * Checks that an estimator satisfies the `Estimator` contract, the way scikit-learn's
 * `check_estimator` does: fit on a data set, predict one value per row, give probability rows
 * summing to 1 when it has `predictProba`, be deterministic (two fresh estimators fitted on the
 * same data predict the same), forget the previous data when refitted, and not modify its inputs.
 * @param factory makes a fresh estimator
 * @param data a small data set the estimator can fit (class indices in `t` for classifiers)
 * @returns `{ problems }`, empty when every rule holds
 * @throws ValueError when `data` has fewer than 4 samples
 * @example
 * expect(checkEstimator(() => linearRegression(), sinusoid({ n: 20 })).problems).toEqual([]);
 */
export function checkEstimator(factory: EstimatorFactory, data: Dataset): EstimatorCheck {
  const n = data.t.length;
  if (n < 4) {
    throw new ValueError('the check needs at least 4 samples', { pkg: 'data', op: 'checkEstimator', arg: 'data', expected: '>= 4 samples', received: n });
  }
  const problems: string[] = [];
  const attempt = (what: string, f: () => void): void => {
    try {
      f();
    } catch (e) {
      problems.push(`${what} threw ${e instanceof GradlabError ? e.message : String(e)}`);
    }
  };
  const xCopy = Float64Array.from(data.x.data);
  const tCopy = Float64Array.from(data.t);
  const a = factory();
  let first: Float64Array | undefined;
  attempt('fit', () => void a.fit(data.x, data.t));
  if (!data.x.data.every((v, i) => v === xCopy[i]) || !data.t.every((v, i) => v === tCopy[i])) problems.push('fit modified its inputs');
  attempt('predict', () => {
    first = Float64Array.from(a.predict(data.x));
    if (first.length !== n) problems.push(`predict gave ${first.length} values for ${n} rows`);
    if (first.some((v) => !Number.isFinite(v))) problems.push('predict gave a non-finite value');
  });
  if (a.predictProba !== undefined) {
    const proba = a.predictProba.bind(a);
    attempt('predictProba', () => {
      const q = toMatrix(proba(data.x), { op: 'checkEstimator', arg: 'predictProba(x)' });
      if (q.shape[0] !== n) problems.push(`predictProba gave ${q.shape[0]} rows for ${n} inputs`);
      for (let i = 0; i < q.shape[0]; i++) {
        const row = q.data.subarray(i * q.shape[1], (i + 1) * q.shape[1]);
        const sum = row.reduce((s, v) => s + v, 0);
        if (row.some((v) => v < 0 || v > 1) || (q.shape[1] > 1 && Math.abs(sum - 1) > 1e-6)) {
          problems.push(`predictProba row ${i} is not a probability vector`);
          break;
        }
      }
    });
  }
  if (a.score !== undefined) {
    const score = a.score.bind(a);
    attempt('score', () => {
      if (!Number.isFinite(score(data.x, data.t))) problems.push('score is not a finite number');
    });
  }
  attempt('determinism', () => {
    const b = factory();
    b.fit(data.x, data.t);
    const again = Float64Array.from(b.predict(data.x));
    if (first !== undefined && !again.every((v, i) => v === first?.[i])) problems.push('two estimators fitted on the same data predict differently');
  });
  attempt('refit', () => {
    const half = subset(data, Array.from({ length: Math.ceil(n / 2) }, (_, i) => i));
    const c = factory();
    c.fit(half.x, half.t);
    c.fit(data.x, data.t);
    const refit = Float64Array.from(c.predict(data.x));
    if (first !== undefined && !refit.every((v, i) => Math.abs(v - (first?.[i] as number)) <= 1e-9 * Math.max(1, Math.abs(v)))) problems.push('fit does not replace what was learned before');
  });
  return { problems };
}
