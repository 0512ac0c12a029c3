import { checkDataset } from './check-input.ts';
import { tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import type { Dataset } from './dataset.ts';

/**
 * The inputs and targets of a data set as float64 core-tensor Tensors, for models written with
 * tensor ops (e.g. `lstsq`, autodiff). The reverse needs no function: `dataset(x, t)` accepts
 * Tensors directly.
 * @param data the data set `[N, D]`
 * @returns `{ x: Tensor [N, D], t: Tensor [N] }` (copies)
 * @example
 * const { x, t } = toTensors(sinusoid({ n: 10 }));
 * x.shape; // [10, 1]
 */
export function toTensors(data: Dataset): { x: Tensor; t: Tensor } {
  checkDataset(data, 'toTensors');
  const [n, d] = data.x.shape;
  return {
    x: tensor(Float64Array.from(data.x.data), { dtype: 'float64', shape: [n, d] }),
    t: tensor(Float64Array.from(data.t), { dtype: 'float64', shape: [n] }),
  };
}
