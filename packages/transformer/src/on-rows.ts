import { reshape } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';

/**
 * Applies a row-wise map (a linear layer) to `x: [..., F]` as one 2-D product on `[N, F]`, then
 * restores the leading dims. On `[B, T, F]` the weight gradient is then one `[F, N] @ [N, out]`
 * product, instead of B per-batch products that broadcasting sums afterwards.
 */
export function onRows(x: Tensor, f: (rows: Tensor) => Tensor): Tensor {
  if (x.rank <= 2) return f(x);
  const lead = x.shape.slice(0, -1);
  const y = f(reshape(x, [-1, x.shape[x.rank - 1] as number]));
  return reshape(y, [...lead, y.shape[1] as number]);
}
