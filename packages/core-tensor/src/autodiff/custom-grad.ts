import { Tensor } from '../tensor.ts';
import { ValueError } from '../errors.ts';
import { record, withMask } from './tape.ts';

/**
 * Wraps `forward` with a hand-written gradient rule (a plugin's own VJP, like JAX's custom_vjp).
 * The forward runs without recording; `backward(g, output, inputs)` returns one gradient (or null)
 * per input. Write it with tensor ops to keep higher-order gradients working.
 * @param forward computes the output from the input tensors
 * @param backward the vector-Jacobian product: input gradients given the output gradient g
 * @param options.name the op name shown by `trace` (default `custom`)
 * @returns a differentiable function with the same signature as forward
 * @example
 * // A straight-through round: forward rounds, backward passes the gradient unchanged.
 * const roundSte = customGrad((x: Tensor) => x.add(0.5).astype('int32').astype('float64'), (g) => [g]);
 */
export function customGrad<A extends Tensor[]>(
  forward: (...inputs: A) => Tensor,
  backward: (g: Tensor, output: Tensor, inputs: A) => readonly (Tensor | null)[],
  options?: { name?: string },
): (...inputs: A) => Tensor {
  const name = options?.name ?? 'custom';
  return (...inputs: A) => {
    const y = withMask(0, () => forward(...inputs));
    if (!(y instanceof Tensor)) throw new ValueError('forward must return a Tensor', { op: 'customGrad', arg: 'forward', received: typeof y });
    const out = new Tensor(y._buf, y.shape, y.dtype, y._strides, y._offset);
    return record(out, name, inputs, (g) => {
      const res: unknown = backward(g, out, inputs);
      if (!Array.isArray(res) || res.length !== inputs.length) {
        throw new ValueError('backward must return one gradient (or null) per input', { op: 'customGrad', arg: 'backward', expected: `${inputs.length} entries`, received: Array.isArray(res) ? res.length : typeof res });
      }
      return res as readonly (Tensor | null)[];
    });
  };
}
