import type { Tensor } from '../tensor.ts';
import { scalarTensor } from './util.ts';

/** A rank-0 zero of t's dtype (broadcasts wherever t does). */
export function zerosOf(t: Tensor): Tensor {
  return scalarTensor(0, t.dtype);
}
