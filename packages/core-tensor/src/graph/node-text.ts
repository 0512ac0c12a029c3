import type { GraphNode } from './computational-graph.ts';
import { formatTensor } from './computational-graph.ts';

/** Which lines the text exporters put in a node's label. */
export interface NodeTextOptions {
  /** Show the forward value (default true). */
  values?: boolean;
  /** Show the backward gradient (default true). */
  grads?: boolean;
}

/** The lines of a node's label: its name, then `value …` and `grad …`. */
export function nodeLines(n: GraphNode, options: NodeTextOptions = {}): string[] {
  const lines = [n.label];
  // A constant's label is its value already; groups and elided nodes have no single value.
  if (n.kind === 'constant' || n.kind === 'group' || n.kind === 'elided') return lines;
  if (options.values !== false) lines.push(`value ${formatTensor(n.value, n.shape)}`);
  if (options.grads !== false && n.grad !== null) lines.push(`grad ${formatTensor(n.grad, n.shape)}`);
  return lines;
}
