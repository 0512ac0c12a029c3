import type { ComputationalGraph, GraphNode } from './computational-graph.ts';
import { formatTensor } from './computational-graph.ts';

/**
 * The graph as a compact table for a terminal: one line per input or op, in the order of the
 * forward pass, with the node's formula over earlier nodes (constants written inline), its value,
 * and the gradient the backward pass brings to it.
 *
 * @param graph a traced (and possibly summarised) graph
 * @returns lines joined by newlines, such as `v3  square(v0)   value 1   grad 1`
 * @example
 * ```ts
 * import { toText, traceGraph } from '@gradlab/core-tensor/graph';
 * console.log(toText(traceGraph((x) => x.square().mul(2), [scalar(3, { dtype: 'float64' })], { names: ['x'] })));
 * // v0  x            value 3   grad 12
 * // v1  square(v0)   value 9   grad 2
 * // v2  mul(v1, 2)   value 18  grad 1
 * ```
 */
export function toText(graph: ComputationalGraph): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const shown = graph.nodes.filter((n) => n.kind !== 'constant');
  const name = new Map(shown.map((n, i) => [n.id, `v${i}`]));
  const operand = (id: number): string => {
    const n = byId.get(id) as GraphNode;
    return n.kind === 'constant' ? formatTensor(n.value, n.shape) : (name.get(id) as string);
  };
  const rows = shown.map((n) => {
    const formula = n.kind === 'input' ? n.label : `${n.label}(${n.inputs.map(operand).join(', ')})`;
    const value = n.kind === 'group' || n.kind === 'elided' ? '' : `value ${formatTensor(n.value, n.shape)}`;
    const grad = n.grad === null ? '' : `grad ${formatTensor(n.grad, n.shape)}`;
    return [name.get(n.id) as string, formula + (n.id === graph.outputId ? '  (output)' : ''), value, grad];
  });
  const widths = [0, 1, 2].map((j) => Math.max(...rows.map((r) => (r[j] as string).length)));
  return rows.map((r) => r.map((c, j) => (j < 3 ? c.padEnd(widths[j] as number) : c)).join('  ').trimEnd()).join('\n') + '\n';
}
