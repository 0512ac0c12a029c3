/**
 * Two layers of a network as single ops: the affine map of a dense layer and the softmax
 * cross-entropy on logits. Each runs the same kernels as its composed form forward, but is one
 * node on the tape with a hand-written gradient, so a small network's step spends less on
 * recording, dispatch and temporaries (a 64-64-10 MLP step is ~60 small ops). The gradients are
 * composed from differentiable ops whenever an outer differentiation level records, so grad of
 * grad still works.
 */
import { currentMask, record, withMask } from '../autodiff/tape.ts';
import { isFloat } from '../dtype.ts';
import { DTypeError, ShapeError, ValueError } from '../errors.ts';
import { storage } from '../memory/scope.ts';
import { fmtShape } from '../shape.ts';
import { Tensor } from '../tensor.ts';
import { describeType } from '../validate/arg-ref.ts';
import { requireLive } from '../validate/require-tensor.ts';
import { fromBuffer } from './util.ts';
import { add, mul, sub } from './binary.ts';
import { matmul } from './matmul.ts';
import { expandDims, reshape, transpose } from './movement.ts';
import { sum } from './reduce.ts';
import { softmax } from './activation.ts';

function tensorArg(op: string, arg: string, x: unknown): Tensor {
  if (!(x instanceof Tensor)) {
    throw new ValueError('must be a Tensor', { op, arg, expected: 'a Tensor', received: describeType(x) });
  }
  requireLive(x, { op, arg });
  return x;
}

function floatArg(op: string, arg: string, x: unknown): Tensor {
  const t = tensorArg(op, arg, x);
  if (!isFloat(t.dtype)) {
    throw new DTypeError(`${op} needs a float tensor`, { op, arg, expected: 'float32 or float64', received: t.dtype, hint: `cast first: cast(${arg}, 'float32')` });
  }
  return t;
}

/**
 * The affine map of a dense layer, y = x·wᵀ + b (PyTorch's `nn.functional.linear`), as one op:
 * forward one matrix product (and one broadcast add), backward dx = g·w, dw = gᵀ·x and
 * db = Σ g over the rows, each one kernel call. Same values as `add(matmul(x, transpose(w)), b)`.
 * @param x input `[..., in]` (rank ≥ 1), float
 * @param w weight `[out, in]`, x's dtype
 * @param b optional bias `[out]`, x's dtype
 * @returns `[..., out]`
 * @throws ValueError when an argument is not a tensor; DTypeError for non-float or mixed dtypes;
 *   ShapeError when the shapes do not fit
 * @example
 * linear(tensor([[1, 2]]), tensor([[1, 0], [0, 1], [1, 1]]), tensor([0, 0, 1])).toArray(); // [[1, 2, 4]]
 */
export function linear(x: Tensor, w: Tensor, b?: Tensor): Tensor {
  const op = 'linear';
  const tx = floatArg(op, 'x', x);
  const tw = floatArg(op, 'w', w);
  const tb = b === undefined ? undefined : floatArg(op, 'b', b);
  for (const [arg, t] of [['w', tw], ['b', tb]] as const) {
    if (t !== undefined && t.dtype !== tx.dtype) {
      throw new DTypeError(`${op}: ${arg} must have x's dtype`, { op, arg, expected: tx.dtype, received: t.dtype, hint: `cast first: cast(${arg}, '${tx.dtype}')` });
    }
  }
  if (tx.rank < 1) throw new ShapeError(`${op}: x needs at least one dimension`, { op, arg: 'x', expected: '[..., in]', received: fmtShape(tx.shape) });
  const inF = tx.shape[tx.rank - 1] as number;
  if (tw.rank !== 2 || tw.shape[1] !== inF) {
    throw new ShapeError(`${op}: w must be [out, ${inF}] for x of shape ${fmtShape(tx.shape)}`, { op, arg: 'w', expected: `[out, ${inF}]`, received: fmtShape(tw.shape) });
  }
  const outF = tw.shape[0] as number;
  if (tb !== undefined && (tb.rank !== 1 || tb.shape[0] !== outF)) {
    throw new ShapeError(`${op}: b must be [${outF}]`, { op, arg: 'b', expected: `[${outF}]`, received: fmtShape(tb.shape) });
  }
  const out = withMask(0, () => {
    const y = matmul(tx, transpose(tw));
    return tb === undefined ? y : add(y, tb);
  });
  const inputs = tb === undefined ? [tx, tw] : [tx, tw, tb];
  return record(out, op, inputs, (g, needs) => {
    // Rows of x and g, for rank > 2 inputs (a matrix already is one).
    const rows = (t: Tensor, n: number): Tensor => (t.rank === 2 ? t : reshape(t, [n === 0 ? 0 : t.size / n, n]));
    const g2 = needs[1] === true || needs[2] === true ? rows(g, outF) : g;
    return [
      needs[0] === true ? matmul(g, tw) : null,
      needs[1] === true ? (tx.rank === 1 ? matmul(transpose(expandDims(g, 0)), expandDims(tx, 0)) : matmul(transpose(g2), rows(tx, inF))) : null,
      needs[2] === true ? (g2.rank === 1 ? g2 : sum(g2, 0)) : null,
    ];
  });
}

/**
 * Softmax cross-entropy per sample, −log softmax(logits)[target] = logSumExp(logits) − logits[target]
 * over the last axis (PyTorch's `cross_entropy` with `reduction='none'`), as one op: one pass over
 * the logits forward (shifted by each row's maximum, so finite for logits of any size), and the
 * analytic gradient (softmax − onehot(target)) · g backward. Computed in float64, rounded to the
 * logits' dtype.
 * @param logits float `[..., C]` (rank ≥ 1, C ≥ 1)
 * @param target class indices `[...]` (logits' shape without the last axis; any dtype, integer values)
 * @returns the losses, `[...]`, logits' dtype
 * @throws ValueError when an argument is not a tensor or a target is not a class index 0..C−1;
 *   DTypeError for non-float logits; ShapeError when target's shape does not fit
 * @example
 * softmaxCrossEntropy(tensor([[2, 0, 0]]), tensor([0])).toArray(); // [0.2395447...] = log(e² + 2) − 2
 */
export function softmaxCrossEntropy(logits: Tensor, target: Tensor): Tensor {
  const op = 'softmaxCrossEntropy';
  const x = floatArg(op, 'logits', logits);
  const t = tensorArg(op, 'target', target);
  if (x.rank < 1 || (x.shape[x.rank - 1] as number) < 1) {
    throw new ShapeError(`${op}: logits need a class axis`, { op, arg: 'logits', expected: '[..., C] with C >= 1', received: fmtShape(x.shape) });
  }
  const c = x.shape[x.rank - 1] as number;
  const rowShape = x.shape.slice(0, -1);
  if (t.rank !== rowShape.length || t.shape.some((d, i) => d !== rowShape[i])) {
    throw new ShapeError(`${op}: target must have the logits' shape without the class axis`, { op, arg: 'target', expected: fmtShape(rowShape), received: fmtShape(t.shape) });
  }
  const cls = t.data;
  const rows = cls.length;
  const classes = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const v = cls[r] as number;
    if (!(Number.isInteger(v) && v >= 0 && v < c)) {
      throw new ValueError(`${op}: target must hold class indices`, { op, arg: 'target', expected: `integers 0..${c - 1}`, received: `${v} at flat index ${r}` });
    }
    classes[r] = v;
  }
  const values = x.data;
  const lse = new Float64Array(rows);
  const out = storage(rows, x.dtype);
  for (let r = 0; r < rows; r++) {
    const base = r * c;
    let m = -Infinity;
    for (let k = 0; k < c; k++) {
      const v = values[base + k] as number;
      if (v > m || v !== v) m = v;
    }
    let s = 0;
    for (let k = 0; k < c; k++) s += Math.exp((values[base + k] as number) - m);
    const l = m === -Infinity || m === Infinity ? m : m + Math.log(s);
    lse[r] = l;
    out[r] = l - (values[base + (classes[r] as number)] as number);
  }
  const y = fromBuffer(out, rowShape, x.dtype);
  return record(y, op, [x], (g, needs) => {
    if (needs[0] !== true) return [null];
    if (currentMask() !== 0) {
      // An outer level records: the same gradient from differentiable ops.
      const hot = new Float64Array(rows * c);
      for (let r = 0; r < rows; r++) hot[r * c + (classes[r] as number)] = 1;
      const onehot = fromBuffer(x.dtype === 'float32' ? Float32Array.from(hot) : hot, x.shape, x.dtype);
      return [mul(sub(softmax(x, -1), onehot), expandDims(g, -1))];
    }
    const gv = g.data;
    const xv = x.data;
    const dx = storage(rows * c, x.dtype);
    for (let r = 0; r < rows; r++) {
      const base = r * c;
      const gr = gv[r] as number;
      const l = lse[r] as number;
      for (let k = 0; k < c; k++) dx[base + k] = Math.exp((xv[base + k] as number) - l) * gr;
      dx[base + (classes[r] as number)] = (Math.exp((xv[base + (classes[r] as number)] as number) - l) - 1) * gr;
    }
    return [fromBuffer(dx, x.shape, x.dtype)];
  });
}
