import type { ComputationalGraph, GraphNode } from './computational-graph.ts';
import type { NodeTextOptions } from './node-text.ts';
import { nodeLines } from './node-text.ts';

/** Options of {@link toMermaid}. */
export interface MermaidOptions extends NodeTextOptions {
  /** Layout direction (default `LR`). */
  direction?: 'LR' | 'RL' | 'TB' | 'BT';
}

function escape(s: string): string {
  return s.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

function shape(n: GraphNode, text: string, isOutput: boolean): string {
  if (isOutput) return `(("${text}"))`;
  switch (n.kind) {
    case 'input':
      return `(["${text}"])`;
    case 'constant':
      return `>"${text}"]`;
    case 'group':
      return `[["${text}"]]`;
    case 'elided':
      return `{{"${text}"}}`;
    case 'op':
      return `["${text}"]`;
  }
}

/**
 * The graph as a Mermaid flowchart, which GitHub, VitePress (with the Mermaid plugin) and most
 * Markdown viewers draw: inputs as stadiums, ops as boxes, the output as a circle, each with its
 * forward value and gradient.
 *
 * @param graph a traced (and possibly summarised) graph
 * @param options layout direction and which lines to show
 * @returns the Mermaid source, starting with `flowchart LR`
 * @example
 * ```ts
 * import { toMermaid, traceGraph } from '@gradlab/core-tensor/graph';
 * console.log(toMermaid(traceGraph((x) => x.square(), [tensor(3)])));
 * ```
 */
export function toMermaid(graph: ComputationalGraph, options: MermaidOptions = {}): string {
  const out = [`flowchart ${options.direction ?? 'LR'}`];
  for (const n of graph.nodes) {
    const text = nodeLines(n, options).map(escape).join('<br/>');
    out.push(`  n${n.id}${shape(n, text, n.id === graph.outputId)}`);
  }
  for (const n of graph.nodes) for (const i of n.inputs) out.push(`  n${i} --> n${n.id}`);
  return out.join('\n') + '\n';
}
