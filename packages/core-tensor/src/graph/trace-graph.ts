import { ValueError } from '../errors.ts';
import { trace } from '../index.ts';
import type { Tensor } from '../index.ts';
import type { ComputationalGraph, GraphNode, GraphNodeKind } from './computational-graph.ts';
import { formatTensor } from './computational-graph.ts';

/** Options of {@link traceGraph}. */
export interface TraceGraphOptions {
  /** Display names of the inputs, in argument order (default x1, x2, ...). */
  names?: readonly string[];
}

/**
 * Runs `f` at `inputs` and records its computational graph: the forward pass gives every node
 * its value, the backward pass (reverse mode, seeded with 1 at the output) gives every node the
 * gradient of the output with respect to it. Inputs are the leaves the gradient is taken for;
 * other leaves are constants.
 *
 * @param f a function of the input tensors returning a tensor with one element
 * @param inputs float tensors, the point at which to trace
 * @param options display names of the inputs
 * @returns the graph, nodes in topological order
 * @throws ValueError when `names` does not give one name per input; whatever `trace` throws for
 *   a non-scalar output or non-float inputs
 * @example
 * ```ts
 * import { scalar } from '@gradlab/core-tensor';
 * import { toMermaid, traceGraph } from '@gradlab/core-tensor/graph';
 * const g = traceGraph((a, b) => a.mul(b).add(a.square()), [scalar(2, { dtype: 'float64' }), scalar(3, { dtype: 'float64' })], { names: ['a', 'b'] });
 * g.nodes.find((n) => n.label === 'a')?.grad; // [7]   (b + 2a)
 * ```
 */
export function traceGraph(f: (...inputs: Tensor[]) => Tensor, inputs: readonly Tensor[], options: TraceGraphOptions = {}): ComputationalGraph {
  const names = options.names ?? inputs.map((_, i) => `x${i + 1}`);
  if (names.length !== inputs.length) {
    throw new ValueError('names must give one name per input', { op: 'traceGraph', arg: 'options.names', expected: `${inputs.length} names`, received: `${names.length} names` });
  }
  const t = trace(f, [...inputs]);
  const inputIds = [...t.inputIds];
  const nodes: GraphNode[] = t.nodes.map((n) => {
    const inputIndex = inputIds.indexOf(n.id);
    const kind: GraphNodeKind = inputIndex >= 0 ? 'input' : n.inputs.length === 0 ? 'constant' : 'op';
    const value = Array.from(n.value.data, Number);
    const label = kind === 'input' ? (names[inputIndex] as string) : kind === 'constant' ? formatTensor(value, n.shape) : n.op;
    return {
      id: n.id,
      kind,
      op: kind === 'op' ? n.op : kind,
      label,
      inputs: [...n.inputs],
      shape: [...n.shape],
      dtype: n.dtype,
      value,
      grad: n.grad === undefined ? null : Array.from(n.grad.data, Number),
    };
  });
  return { nodes, inputIds, outputId: t.outputId };
}
