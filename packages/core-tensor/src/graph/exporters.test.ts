import { describe, expect, it } from 'vitest';
import type { ComputationalGraph, GraphNode } from './computational-graph.ts';
import { formatTensor } from './computational-graph.ts';
import { toDot } from './to-dot.ts';
import { toJSON } from './to-json.ts';
import { toMermaid } from './to-mermaid.ts';
import { toText } from './to-text.ts';

function n(id: number, kind: GraphNode['kind'], label: string, inputs: number[], value: number, grad: number | null): GraphNode {
  return { id, kind, op: kind === 'op' ? label : kind, label, inputs, shape: [], dtype: 'float64', value: [value], grad: grad === null ? null : [grad] };
}

/** y = 2·x², traced at x = 3. */
const graph: ComputationalGraph = {
  nodes: [n(0, 'input', 'x', [], 3, 12), n(1, 'op', 'square', [0], 9, 2), n(2, 'constant', '2', [], 2, null), n(3, 'op', 'mul', [1, 2], 18, 1)],
  inputIds: [0],
  outputId: 3,
};

describe('graph exporters', () => {
  it('toJSON keeps every node with its value and gradient, and survives JSON', () => {
    const json = toJSON(graph);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(json).toMatchObject({ format: 'gradlab-graph', version: 1, inputIds: [0], outputId: 3 });
    expect(json.nodes[1]).toEqual({ id: 1, kind: 'op', op: 'square', label: 'square', inputs: [0], shape: [], dtype: 'float64', value: [9], grad: [2] });
    expect(json.nodes[2]?.grad).toBeNull();
  });

  it('toJSON writes non-finite numbers as strings', () => {
    const bad: ComputationalGraph = { nodes: [n(0, 'input', 'x', [], NaN, Infinity)], inputIds: [0], outputId: 0 };
    expect(toJSON(bad).nodes[0]).toMatchObject({ value: ['NaN'], grad: ['Infinity'] });
  });

  it('toDot draws inputs as ellipses, ops as boxes, the output doubled, and edges', () => {
    const dot = toDot(graph);
    expect(dot).toContain('digraph "g" {\n  rankdir=LR;');
    expect(dot).toContain('n0 [label="x\\nvalue 3\\ngrad 12", shape=ellipse];');
    expect(dot).toContain('n3 [label="mul\\nvalue 18\\ngrad 1", shape=box, peripheries=2];');
    expect(dot).toContain('n2 [label="2", shape=plaintext];');
    expect(dot).toContain('  n1 -> n3;\n  n2 -> n3;\n}');
    expect(toDot(graph, { grads: false, rankdir: 'TB' })).not.toContain('grad');
  });

  it('toMermaid writes a flowchart with shapes by kind', () => {
    const m = toMermaid(graph);
    expect(m.split('\n').slice(0, 5)).toEqual([
      'flowchart LR',
      '  n0(["x<br/>value 3<br/>grad 12"])',
      '  n1["square<br/>value 9<br/>grad 2"]',
      '  n2>"2"]',
      '  n3(("mul<br/>value 18<br/>grad 1"))',
    ]);
    expect(m).toContain('  n0 --> n1\n');
    expect(toMermaid({ ...graph, nodes: [{ ...n(0, 'input', 'a"b', [], 1, 1) }], outputId: 0 })).toContain('a#quot;b');
  });

  it('toText lists the forward pass with constants inline', () => {
    expect(toText(graph)).toBe(['v0  x                     value 3   grad 12', 'v1  square(v0)            value 9   grad 2', 'v2  mul(v1, 2)  (output)  value 18  grad 1', ''].join('\n'));
  });

  it('formatTensor shows scalars, short vectors and shapes', () => {
    expect(formatTensor([1 / 3], [])).toBe('0.333333');
    expect(formatTensor([1, 2, 3, 4, 5], [5])).toBe('[1, 2, 3, 4, …]');
    expect(formatTensor([1, 2, 3, 4], [2, 2])).toBe('[1, 2, 3, 4] (shape [2, 2])');
    expect(formatTensor(null, [])).toBe('–');
  });
});
