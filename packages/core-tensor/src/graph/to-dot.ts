import type { ComputationalGraph, GraphNodeKind } from './computational-graph.ts';
import type { NodeTextOptions } from './node-text.ts';
import { nodeLines } from './node-text.ts';

/** Options of {@link toDot}. */
export interface DotOptions extends NodeTextOptions {
  /** Layout direction (default `LR`: inputs on the left, output on the right). */
  rankdir?: 'LR' | 'RL' | 'TB' | 'BT';
  /** The graph's name (default `g`). */
  name?: string;
}

const SHAPES: Record<GraphNodeKind, string> = {
  input: 'ellipse',
  constant: 'plaintext',
  op: 'box',
  group: 'box3d',
  elided: 'note',
};

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The graph in Graphviz DOT: one node per graph node, labelled with its op (or variable name),
 * its forward value and its gradient; an edge from each input to the node that reads it.
 * Render with `dot -Tsvg graph.dot > graph.svg`.
 *
 * @param graph a traced (and possibly summarised) graph
 * @param options layout direction, name, and which lines to show
 * @returns the DOT source
 * @example
 * ```ts
 * import { toDot, traceGraph } from '@gradlab/core-tensor/graph';
 * console.log(toDot(traceGraph((x) => x.square(), [tensor(3)])));
 * ```
 */
export function toDot(graph: ComputationalGraph, options: DotOptions = {}): string {
  const out = [`digraph ${quote(options.name ?? 'g')} {`, `  rankdir=${options.rankdir ?? 'LR'};`, '  node [fontname="Helvetica", fontsize=10];'];
  for (const n of graph.nodes) {
    const label = nodeLines(n, options).map((l) => l.replace(/\\/g, '\\\\').replace(/"/g, '\\"')).join('\\n');
    const extra = n.id === graph.outputId ? ', peripheries=2' : '';
    out.push(`  n${n.id} [label="${label}", shape=${SHAPES[n.kind]}${extra}];`);
  }
  for (const n of graph.nodes) for (const i of n.inputs) out.push(`  n${i} -> n${n.id};`);
  out.push('}');
  return out.join('\n') + '\n';
}
