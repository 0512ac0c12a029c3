import { ShapeError, ValueError } from '@gradlab/core-tensor';
import { toVector } from '../matrix.ts';
import type { VectorInput } from '../matrix.ts';

/** Targets and predictions read as vectors of the same, non-zero length. */
export function checkPair(t: VectorInput, y: VectorInput, op: string): [Float64Array, Float64Array] {
  const tv = toVector(t, { op, arg: 't' });
  const yv = toVector(y, { op, arg: 'y' });
  if (tv.length === 0) {
    throw new ValueError('no samples to score', { pkg: 'data', op, arg: 't', expected: 'at least one sample', received: '0 samples' });
  }
  if (tv.length !== yv.length) {
    throw new ShapeError('targets and predictions must have the same length', { pkg: 'data', op, arg: 'y', expected: `${tv.length} predictions (as t)`, received: `${yv.length} predictions` });
  }
  return [tv, yv];
}
