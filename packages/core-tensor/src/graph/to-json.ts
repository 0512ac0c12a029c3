import type { ComputationalGraph, GraphNodeKind } from './computational-graph.ts';

/** A number in JSON: finite numbers as they are, NaN and ±Infinity as strings. */
export type JsonNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** One node in the JSON form of a graph (see {@link GraphNode} for the fields). */
export interface GraphNodeJSON {
  id: number;
  kind: GraphNodeKind;
  op: string;
  label: string;
  inputs: number[];
  shape: number[];
  dtype: string;
  value: JsonNumber[] | null;
  grad: JsonNumber[] | null;
  count?: number;
  members?: number[];
}

/** The JSON form of a graph, as the docs viewer reads it. */
export interface GraphJSON {
  format: 'gradlab-graph';
  version: 1;
  inputIds: number[];
  outputId: number;
  nodes: GraphNodeJSON[];
}

function jsonNumber(v: number): JsonNumber {
  if (Number.isFinite(v)) return v;
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

function jsonValues(values: readonly number[] | null): JsonNumber[] | null {
  return values === null ? null : values.map(jsonNumber);
}

/**
 * The graph as a JSON-ready object (`JSON.stringify` it), for the docs viewer: every node with its
 * op, inputs, shape, forward value and backward gradient. Non-finite numbers, which JSON cannot
 * hold, become the strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
 *
 * @param graph a traced (and possibly summarised) graph
 * @returns a fresh plain object; changing it does not change the graph
 * @example
 * ```ts
 * import { traceGraph, toJSON } from '@gradlab/core-tensor/graph';
 * const json = JSON.stringify(toJSON(traceGraph((x) => x.square(), [tensor(3)])));
 * ```
 */
export function toJSON(graph: ComputationalGraph): GraphJSON {
  return {
    format: 'gradlab-graph',
    version: 1,
    inputIds: [...graph.inputIds],
    outputId: graph.outputId,
    nodes: graph.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      op: n.op,
      label: n.label,
      inputs: [...n.inputs],
      shape: [...n.shape],
      dtype: n.dtype,
      value: jsonValues(n.value),
      grad: jsonValues(n.grad),
      ...(n.count === undefined ? {} : { count: n.count }),
      ...(n.members === undefined ? {} : { members: [...n.members] }),
    })),
  };
}
