import { ValueError } from '@gradlab/core-tensor';
import type { Matrix } from '../design.ts';
import type { FeatureMap } from '../feature-map.ts';

/** What {@link checkFeatureMap} found: empty when the feature map satisfies the contract. */
export interface FeatureMapCheck {
  /** One line per broken rule. */
  readonly problems: string[];
}

/**
 * Checks that a {@link FeatureMap} satisfies the contract the linear models rely on: `transform`
 * returns `[N, F]` with the same F for any N, finite values, the same result on every call, a row
 * that depends only on its own input (so mini-batches and folds see the same features), and leaves
 * its input untouched.
 * @param map the feature map under test
 * @param x sample inputs `[N, D]`, N ≥ 2, of the dimension the map expects
 * @returns `{ problems }`, empty when every rule holds
 * @throws ValueError when x has fewer than 2 rows
 * @example
 * expect(checkFeatureMap(polynomialFeatureMap(3), { data: new Float64Array([0, 0.5, 1]), shape: [3, 1] }).problems).toEqual([]);
 */
export function checkFeatureMap(map: FeatureMap, x: Matrix): FeatureMapCheck {
  const [n, d] = x.shape;
  if (n < 2) {
    throw new ValueError('the check needs at least 2 rows', { pkg: 'models-linear', op: 'checkFeatureMap', arg: 'x', expected: '>= 2 rows', received: n });
  }
  const problems: string[] = [];
  const before = Float64Array.from(x.data);
  let u: Matrix;
  try {
    u = map.transform(x);
  } catch (error) {
    return { problems: [`transform threw on the sample inputs: ${String(error)}`] };
  }
  const f = u.shape[1];
  if (u.shape[0] !== n) problems.push(`transform returned ${u.shape[0]} rows for ${n} inputs`);
  if (u.data.length !== u.shape[0] * f) problems.push(`transform's data has ${u.data.length} entries for shape [${u.shape.join(', ')}]`);
  if (u.data.some((v) => !Number.isFinite(v))) problems.push('transform returned a NaN or infinite feature');
  if (x.data.some((v, i) => !Object.is(v, before[i]))) problems.push('transform modified its input');
  const again = map.transform({ data: Float64Array.from(before), shape: [n, d] });
  if (again.data.length !== u.data.length || again.data.some((v, i) => !Object.is(v, u.data[i]))) problems.push('transform is not deterministic: two calls on the same inputs differ');
  // row independence: the features of the last row alone equal its row of the batch
  const last = map.transform({ data: before.slice((n - 1) * d), shape: [1, d] });
  if (last.shape[1] !== f) {
    problems.push(`the feature count depends on the batch: ${f} for ${n} rows, ${last.shape[1]} for 1 row`);
  } else if (last.data.some((v, j) => Math.abs(v - (u.data[(n - 1) * f + j] as number)) > 1e-12 * Math.max(1, Math.abs(v)))) {
    problems.push('a row\'s features depend on the other rows of the batch');
  }
  return { problems };
}
