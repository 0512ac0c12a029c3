import type { FunctionName } from './expr.ts';

/**
 * The value of an elementary function at a number, with the conventions autodiff uses:
 * `step(0) = 0` (so relu'(0) = 0, as in PyTorch) and `sign(0) = 0`.
 *
 * @param fn the function name
 * @param x the argument
 * @returns fn(x) in float64
 */
export function applyFunction(fn: FunctionName, x: number): number {
  switch (fn) {
    case 'exp':
      return Math.exp(x);
    case 'log':
      return Math.log(x);
    case 'sqrt':
      return Math.sqrt(x);
    case 'sin':
      return Math.sin(x);
    case 'cos':
      return Math.cos(x);
    case 'tanh':
      return Math.tanh(x);
    case 'sigmoid':
      // Written so that neither branch overflows: exp of a non-positive number only.
      return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    case 'relu':
      return x > 0 ? x : 0;
    case 'abs':
      return Math.abs(x);
    case 'step':
      return x > 0 ? 1 : 0;
    case 'sign':
      return x > 0 ? 1 : x < 0 ? -1 : 0;
  }
}
