import { add, exp, log, relu, stopGradient, sub } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';

/**
 * softplus(z) = log(1 + e^z), stable for any z and with the exact derivative sigmoid(z) everywhere
 * (0.5 at z = 0): with m = max(z, 0) held constant, softplus(z) = m + log(e^(−m) + e^(z − m)); both
 * exponents are <= 0, so nothing overflows, and the derivative e^(z−m) / (e^(−m) + e^(z−m)) is
 * sigmoid(z) exactly. Built from primitives, so it differentiates to any order.
 */
export function stableSoftplus(z: Tensor): Tensor {
  const m = stopGradient(relu(z));
  return add(m, log(add(exp(sub(0, m)), exp(sub(z, m)))));
}
