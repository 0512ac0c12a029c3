import { describe, expect, it } from 'vitest';
import { ValueError } from '../errors.ts';
import type { ComputationalGraph, GraphNode } from './computational-graph.ts';
import { summarise } from './summarise.ts';

function node(id: number, kind: GraphNode['kind'], op: string, inputs: number[], value = 1): GraphNode {
  return { id, kind, op, label: op, inputs, shape: [], dtype: 'float64', value: [value], grad: [1] };
}

/** x → (x - c_k)² for k = 1..terms, summed by a chain of adds. */
function sumOfSquares(terms: number): ComputationalGraph {
  const nodes: GraphNode[] = [node(0, 'input', 'input', [])];
  let id = 1;
  let acc = -1;
  for (let k = 0; k < terms; k++) {
    const c = id++;
    nodes.push(node(c, 'constant', 'constant', [], k));
    const d = id++;
    nodes.push(node(d, 'op', 'sub', [0, c]));
    const s = id++;
    nodes.push(node(s, 'op', 'square', [d]));
    if (acc < 0) acc = s;
    else {
      const a = id++;
      nodes.push(node(a, 'op', 'add', [acc, s]));
      acc = a;
    }
  }
  return { nodes, inputIds: [0], outputId: acc };
}

/** Every node's inputs are listed before it, and every referenced id exists. */
function expectTopological(g: ComputationalGraph): void {
  const seen = new Set<number>();
  for (const n of g.nodes) {
    for (const i of n.inputs) expect(seen.has(i)).toBe(true);
    seen.add(n.id);
  }
  expect(seen.has(g.outputId)).toBe(true);
}

describe('summarise', () => {
  it('returns a graph within the cap unchanged', () => {
    const g = sumOfSquares(3);
    expect(summarise(g, { maxNodes: 50 })).toBe(g);
  });

  it('collapses repeated subgraphs into one group node with a count', () => {
    const g = sumOfSquares(20);
    expect(g.nodes.length).toBe(80);
    const s = summarise(g, { maxNodes: 30 });
    expectTopological(s);
    const groups = s.nodes.filter((n) => n.kind === 'group');
    expect(groups).toHaveLength(1);
    const group = groups[0] as GraphNode;
    expect(group.count).toBe(20);
    expect(group.label).toBe('20× sub → square');
    expect(group.members).toHaveLength(60);
    expect(group.inputs).toEqual([0]);
    expect(s.nodes.length).toBe(1 + 1 + 19);
    // Every add now reads the group.
    expect(s.nodes.filter((n) => n.op === 'add').every((n) => n.inputs.includes(group.id))).toBe(true);
  });

  it('collapses a chain of repeated ops once repeated subgraphs are not enough', () => {
    const s = summarise(sumOfSquares(20), { maxNodes: 10 });
    expectTopological(s);
    expect(s.nodes.map((n) => n.label)).toEqual(['input', '20× sub → square', '18× add', 'add']);
    expect(s.nodes[2]?.inputs).toEqual([s.nodes[1]?.id]);
  });

  it('caps the node count, eliding the nodes farthest from the output', () => {
    // A chain of 60 different ops: nothing repeats, so only the cap can shrink it.
    const nodes: GraphNode[] = [node(0, 'input', 'input', [])];
    for (let k = 1; k <= 60; k++) nodes.push(node(k, 'op', `op${k}`, [k - 1]));
    const g: ComputationalGraph = { nodes, inputIds: [0], outputId: 60 };
    const s = summarise(g, { maxNodes: 10 });
    expectTopological(s);
    expect(s.nodes.length).toBe(10);
    const elided = s.nodes.find((n) => n.kind === 'elided') as GraphNode;
    expect(elided).toMatchObject({ label: '… 52 more nodes', count: 52, inputs: [0] });
    expect(elided.members).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
    expect(s.nodes.map((n) => n.id)).toEqual([0, 61, 53, 54, 55, 56, 57, 58, 59, 60]);
    expect(s.nodes.find((n) => n.id === 53)?.inputs).toEqual([61]);
  });

  it('collapses on request even when the graph is small', () => {
    const s = summarise(sumOfSquares(3), { alwaysCollapse: true });
    expect(s.nodes.find((n) => n.kind === 'group')?.count).toBe(3);
  });

  it('rejects a bad maxNodes or minRepeats', () => {
    expect(() => summarise(sumOfSquares(2), { maxNodes: 0 })).toThrow(ValueError);
    expect(() => summarise(sumOfSquares(2), { minRepeats: 1 })).toThrow(ValueError);
  });
});
