// @gradlab/core-tensor/graph: a function's computational graph, traced at a point with forward
// values and backward gradients, exported as JSON, Graphviz DOT or Mermaid, summarised when large.
export { traceGraph } from './trace-graph.ts';
export type { TraceGraphOptions } from './trace-graph.ts';
export { traceExpression } from './trace-expression.ts';
export { formatTensor, formatValue } from './computational-graph.ts';
export type { ComputationalGraph, GraphNode, GraphNodeKind } from './computational-graph.ts';
export { summarise } from './summarise.ts';
export type { SummariseOptions } from './summarise.ts';
export { toJSON } from './to-json.ts';
export type { GraphJSON, GraphNodeJSON, JsonNumber } from './to-json.ts';
export { toDot } from './to-dot.ts';
export type { DotOptions } from './to-dot.ts';
export { toMermaid } from './to-mermaid.ts';
export type { MermaidOptions } from './to-mermaid.ts';
export { toText } from './to-text.ts';
export type { NodeTextOptions } from './node-text.ts';
