import { Tensor } from '../tensor.ts';
import type { DType } from '../dtype.ts';
import { ValueError } from '../errors.ts';
import type { TensorLike } from '../ops/util.ts';
import { isNumberConstant } from '../ops/util.ts';
import { matrixTrace } from '../ops/diag.ts';
import { full } from '../creation.ts';
import { backward } from './backward.ts';
import { closeLevel, openLevel, setRecorder, withMask } from './tape.ts';
import { checkScalarOutput, makeLeaf } from './grad.ts';

/** One recorded op (or input, or constant) of a traced computation. */
export interface TraceNode {
  /** Position in `nodes` (topological order: inputs of a node come before it). */
  id: number;
  /** The op as users know it (`add`, `mul`, `square`, `matmul`, ...), `input` or `const`. */
  op: string;
  /** Ids of the node's inputs (empty for inputs and constants). */
  inputs: number[];
  shape: number[];
  dtype: DType;
  /** The forward value. */
  value: Tensor;
  /** d output / d node, from the backward pass (absent where the output does not depend on it). */
  grad?: Tensor;
}

/** The result of tracing: the nodes, which are the inputs, and which is the output. */
export interface TracedGraph {
  nodes: TraceNode[];
  inputIds: number[];
  outputId: number;
}

function detached(t: Tensor): Tensor {
  return new Tensor(t._buf, t.shape, t.dtype, t._strides, t._offset);
}

function traceGraph(f: (...args: Tensor[]) => Tensor, inputs: readonly Tensor[]): TracedGraph {
  const raw: unknown = inputs;
  if (!Array.isArray(raw) || raw.some((x) => !(x instanceof Tensor))) {
    throw new ValueError('inputs must be an array of tensors', { op: 'trace', arg: 'inputs', expected: 'Tensor[]' });
  }
  const { bit, saved } = openLevel();
  const list: Tensor[] = [];
  const previous = setRecorder({ bit, list });
  try {
    const leaves = inputs.map((x, i) => makeLeaf('trace', x, bit, `inputs[${i}]`));
    const y = checkScalarOutput('trace', f(...leaves));
    setRecorder(previous);
    const { map } = withMask(saved, () => backward(y, leaves, bit, full(y.shape, 1, { dtype: y.dtype }), true));
    const ids = new Map<Tensor, number>();
    const nodes: TraceNode[] = [];
    const add = (t: Tensor, op: string, inputIds: number[]): number => {
      const id = nodes.length;
      ids.set(t, id);
      const g = map.get(t);
      const node: TraceNode = { id, op, inputs: inputIds, shape: [...t.shape], dtype: t.dtype, value: detached(t) };
      if (g !== undefined) node.grad = g;
      nodes.push(node);
      return id;
    };
    const inputIds = leaves.map((l) => add(l, 'input', []));
    for (const t of list) {
      if (ids.has(t)) continue;
      const node = t._node;
      // A bare number is a literal at each use, as in the user's code: one const node per use.
      const ins = (node?.inputs ?? []).map((c) => (isNumberConstant(c) ? add(c, 'const', []) : (ids.get(c) ?? add(c, 'const', []))));
      add(t, node?.op ?? 'const', ins);
    }
    const outputId = ids.get(y) ?? add(y, 'const', []);
    return { nodes, inputIds, outputId };
  } finally {
    setRecorder(previous);
    closeLevel(saved);
  }
}

/**
 * Two uses, told apart by the first argument:
 *
 * - `trace(matrix)`: the trace of a matrix, the sum of its diagonal (differentiable).
 * - `trace(f, inputs)`: runs `f(...inputs)` recording every op, then the backward pass of its
 *   (scalar) output, and returns the graph: each node's op name as users know it (`add`, `mul`,
 *   `square`, ...), input ids, shape, dtype, value, and the gradient of the output with respect
 *   to it. Nodes are in topological order; constants that ops used appear as `const` nodes.
 *   Nothing is kept after it returns.
 * @param f a function of float tensors returning a tensor with one element
 * @param inputs the point at which to trace
 * @returns the matrix trace (a scalar tensor), or the traced graph
 * @throws ShapeError for a non-matrix / a non-scalar output; DTypeError for non-float inputs
 * @example
 * trace(tensor([[1, 2], [3, 4]])).item(); // 5
 * const g = trace((a, b) => a.mul(b).sum(), [tensor([2]), tensor([3])]);
 * g.nodes.map((n) => n.op); // ['input', 'input', 'mul', 'sum']
 */
export function trace(x: TensorLike): Tensor;
export function trace<A extends Tensor[]>(f: (...args: A) => Tensor, inputs: A): TracedGraph;
export function trace(x: TensorLike | ((...args: Tensor[]) => Tensor), inputs?: readonly Tensor[]): Tensor | TracedGraph {
  if (typeof x === 'function') return traceGraph(x, inputs ?? []);
  return matrixTrace(x);
}
