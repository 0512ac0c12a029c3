import { Tensor } from '../tensor.ts';
import { ShapeError, ValueError } from '../errors.ts';
import { fmtShape } from '../shape.ts';
import { noGrad } from './stop-gradient.ts';
import { requireFunction, requireOptions } from '../validate/require-options.ts';
import { requireTensor } from '../validate/require-tensor.ts';
import { cast } from '../ops/cast.ts';
import { fromBuffer } from '../ops/util.ts';

/** Options of {@link numericalGrad}. */
export interface NumericalGradOptions {
  /** `central` (default): (f(x+h) − f(x−h)) / 2h; `forward`: (f(x+h) − f(x)) / h. */
  method?: 'central' | 'forward';
  /** The relative step: h = eps·max(1, |xᵢ|). Default cbrt(ε) ≈ 6.06e-6 (central), sqrt(ε) ≈ 1.49e-8 (forward). */
  eps?: number;
}

/**
 * The gradient of a scalar tensor function by finite differences, computed in float64 (x is cast
 * to float64 and f is evaluated without recording). Each element costs one (forward) or two
 * (central) evaluations of f.
 *
 * Step size: the error has a truncation part, O(h) for forward and O(h²) for central differences
 * (Taylor), and a rounding part, O(ε·|f|/h) with ε = 2⁻⁵² the machine epsilon. Balancing them
 * gives h ≈ √ε for forward (error ~1e-8) and h ≈ ∛ε for central (error ~1e-11), the defaults;
 * the step is scaled by max(1, |xᵢ|) so large coordinates are perturbed relatively.
 * @param f a function returning a tensor with one element
 * @param x the point (any shape)
 * @returns a float64 tensor of x's shape
 * @throws ShapeError when f does not return a single element; ValueError for a bad eps
 * @example
 * numericalGrad((x) => x.square().sum(), tensor([1, 2])).toArray(); // ≈ [2, 4]
 */
export function numericalGrad(f: (x: Tensor) => Tensor, x: Tensor, options?: NumericalGradOptions): Tensor {
  requireFunction(f, { op: 'numericalGrad', arg: 'f' });
  requireTensor(x, { op: 'numericalGrad', arg: 'x' });
  options = requireOptions(options, { op: 'numericalGrad' }, ['method', 'eps']);
  const method = options.method ?? 'central';
  if (method !== 'central' && method !== 'forward') throw new ValueError('unknown method', { op: 'numericalGrad', arg: 'options.method', expected: "'central' | 'forward'", received: String(method) });
  const eps = options.eps ?? (method === 'central' ? Math.cbrt(Number.EPSILON) : Math.sqrt(Number.EPSILON));
  if (!(eps > 0) || !Number.isFinite(eps)) throw new ValueError('eps must be a positive finite number', { op: 'numericalGrad', arg: 'options.eps', received: eps });
  return noGrad(() => {
    const base = Float64Array.from(cast(x, 'float64').data);
    const evalAt = (buf: Float64Array): number => {
      const y: unknown = f(fromBuffer(buf, x.shape, 'float64'));
      if (!(y instanceof Tensor)) throw new ValueError('f must return a Tensor', { op: 'numericalGrad', arg: 'f', expected: 'a scalar Tensor', received: typeof y });
      if (y.size !== 1) throw new ShapeError(`f must return a scalar, got shape ${fmtShape(y.shape)}`, { op: 'numericalGrad', arg: 'f', expected: 'one element', received: y.shape.slice() });
      return y.item();
    };
    const out = new Float64Array(base.length);
    const f0 = method === 'forward' ? evalAt(base) : 0;
    for (let i = 0; i < base.length; i++) {
      const xi = base[i] as number;
      const h = eps * Math.max(1, Math.abs(xi));
      const plus = base.slice();
      plus[i] = xi + h;
      const hp = (plus[i] as number) - xi;
      if (method === 'forward') {
        out[i] = (evalAt(plus) - f0) / hp;
      } else {
        const minus = base.slice();
        minus[i] = xi - h;
        const hm = xi - (minus[i] as number);
        out[i] = (evalAt(plus) - evalAt(minus)) / (hp + hm);
      }
    }
    return fromBuffer(out, x.shape, 'float64');
  });
}
