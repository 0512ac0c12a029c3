import { getBackend } from '../backend/registry.ts';
import { record } from '../autodiff/tape.ts';
import { broadcastShapes } from '../shape.ts';
import type { Tensor } from '../tensor.ts';
import type { TensorLike } from './util.ts';
import { arithmeticDType, fromBuffer, toTensor, toTensors } from './util.ts';
import { broadcastView } from './broadcast.ts';
import { unbroadcast } from './binary.ts';
import { zerosOf } from './zeros-of.ts';

/**
 * Elementwise selection `cond ? a : b` with broadcasting of all three. The gradient flows to `a`
 * where cond holds and to `b` elsewhere; cond gets none.
 * @param cond a bool (or numeric: nonzero = true) tensor
 * @param a values where cond holds
 * @param b values elsewhere
 * @returns the broadcast shape of the three, dtype promoted from a and b
 * @throws ShapeError when the shapes do not broadcast
 * @example
 * where(tensor([1, 0], { dtype: 'bool' }), 1, -1).toArray(); // [1, -1]
 */
export function where(cond: TensorLike, a: TensorLike, b: TensorLike): Tensor {
  const c = toTensor('where', 'cond', cond, 'bool');
  const [ta, tb] = toTensors('where', a, b);
  const dtype = ta.dtype === tb.dtype ? ta.dtype : arithmeticDType(ta.dtype, tb.dtype);
  const shape = broadcastShapes('where', broadcastShapes('where', c.shape, ta.shape), tb.shape);
  const data = getBackend().where(broadcastView(c, shape), broadcastView(ta, shape), broadcastView(tb, shape), dtype);
  const out = fromBuffer(data, shape, dtype);
  return record(out, 'where', [ta, tb], (g, needs) => {
    const zero = zerosOf(g);
    return [needs[0] === true ? unbroadcast(where(c, g, zero), ta) : null, needs[1] === true ? unbroadcast(where(c, zero, g), tb) : null];
  });
}
