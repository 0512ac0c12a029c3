/**
 * The computational graph as data: what `traceGraph` records and what the exporters (JSON for
 * the docs viewer, Graphviz DOT, Mermaid) print. Plain objects of numbers and strings, so that
 * `JSON.stringify` gives the docs viewer everything and a snapshot test can pin it.
 */

/**
 * What a node stands for: a traced `input` (a leaf the gradient is taken with respect to), a
 * `constant` leaf, an `op` applied to other nodes, a `group` of repeated subgraphs collapsed into
 * one node, or an `elided` stand-in for nodes left out to respect a node cap.
 */
export type GraphNodeKind = 'input' | 'constant' | 'op' | 'group' | 'elided';

/** One node of a {@link ComputationalGraph}. */
export interface GraphNode {
  /** Unique id within the graph. */
  readonly id: number;
  readonly kind: GraphNodeKind;
  /** The op name (`add`, `square`, ...); `input`, `constant`, `group` or `elided` for the others. */
  readonly op: string;
  /** A short display name: the variable name of an input, the op otherwise. */
  readonly label: string;
  /** Ids of the nodes this one reads, in argument order. */
  readonly inputs: readonly number[];
  /** Shape of the node's value. */
  readonly shape: readonly number[];
  /** Element type of the node's value. */
  readonly dtype: string;
  /** The forward value, row-major; null for groups and elided nodes. */
  readonly value: readonly number[] | null;
  /** The gradient of the output with respect to this node (backward pass); null where none flows. */
  readonly grad: readonly number[] | null;
  /** For a group: how many repeated subgraphs it stands for; for an elided node: how many nodes. */
  readonly count?: number;
  /** For a group or an elided node: the ids of the original nodes it replaces. */
  readonly members?: readonly number[];
}

/** A traced function: its nodes in topological order (inputs before the nodes that read them), which of them are inputs, and the output. */
export interface ComputationalGraph {
  readonly nodes: readonly GraphNode[];
  /** Ids of the input nodes, in the order the function takes its arguments. */
  readonly inputIds: readonly number[];
  /** Id of the output node. */
  readonly outputId: number;
}

/** How many significant digits the text exporters print. */
const DIGITS = 6;

/**
 * A number with up to 6 significant digits, as the text exporters print it.
 * @param v the number
 * @returns e.g. `2`, `-0.333333`, `1.5e-8`
 * @example
 * formatValue(2 / 3); // '0.666667'
 */
export function formatValue(v: number): string {
  if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(DIGITS)));
}

/**
 * A node's value or gradient for display: the scalar, or the first elements and the shape.
 * @param values row-major elements, or null (shown as `–`)
 * @param shape the tensor's shape
 * @param maxShown how many elements to show (default 4)
 * @returns e.g. `-4`, `[1, 2, 3, 4, …]`, `[1, 2, 3, 4] (shape [2, 2])`
 * @example
 * formatTensor([1, 2, 3, 4, 5], [5]); // '[1, 2, 3, 4, …]'
 */
export function formatTensor(values: readonly number[] | null, shape: readonly number[], maxShown = 4): string {
  if (values === null) return '–';
  if (shape.length === 0 || values.length === 1) return formatValue(values[0] as number);
  const shown = values.slice(0, maxShown).map(formatValue).join(', ');
  const more = values.length > maxShown ? ', …' : '';
  return shape.length === 1 ? `[${shown}${more}]` : `[${shown}${more}] (shape [${shape.join(', ')}])`;
}
