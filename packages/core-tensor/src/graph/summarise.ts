import { ValueError } from '../errors.ts';
import type { ComputationalGraph, GraphNode } from './computational-graph.ts';

/** Options of {@link summarise}. */
export interface SummariseOptions {
  /** The most nodes the result may have (default 50; at least the inputs, the output and 1). */
  maxNodes?: number;
  /** Collapse repeated subgraphs even when the graph is within `maxNodes` (default false). */
  alwaysCollapse?: boolean;
  /** How many copies a subgraph needs to be collapsed (default 2). */
  minRepeats?: number;
}

interface Draft {
  id: number;
  node: GraphNode;
  inputs: number[];
}

function consumersOf(nodes: readonly GraphNode[]): Map<number, number[]> {
  const consumers = new Map<number, number[]>(nodes.map((n) => [n.id, []]));
  for (const n of nodes) for (const i of n.inputs) consumers.get(i)?.push(n.id);
  return consumers;
}

/** Nodes in an order where every node comes after its inputs (stable for already-ordered input). */
function topological(drafts: readonly Draft[]): Draft[] {
  const byId = new Map(drafts.map((d) => [d.id, d]));
  const done = new Set<number>();
  const out: Draft[] = [];
  const visit = (d: Draft): void => {
    const stack: { d: Draft; i: number }[] = [{ d, i: 0 }];
    done.add(d.id);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { d: Draft; i: number };
      if (top.i < top.d.inputs.length) {
        const next = byId.get(top.d.inputs[top.i++] as number);
        if (next !== undefined && !done.has(next.id)) {
          done.add(next.id);
          stack.push({ d: next, i: 0 });
        }
      } else {
        stack.pop();
        out.push(top.d);
      }
    }
  };
  for (const d of drafts) if (!done.has(d.id)) visit(d);
  return out;
}

function finish(drafts: readonly Draft[], graph: ComputationalGraph): ComputationalGraph {
  const nodes = topological(drafts).map((d) => ({ ...d.node, inputs: [...new Set(d.inputs)] }));
  return { nodes, inputIds: graph.inputIds, outputId: graph.outputId };
}

/** `k× op → op`: the label of a group of k repeats of a block of ops. */
function runLabel(count: number, ops: readonly string[]): string {
  return `${count}× ${ops.length <= 4 ? ops.join(' → ') : `${ops.slice(0, 3).join(' → ')} → … (${ops.length} ops)`}`;
}

/**
 * Repeated subgraphs: a node's "own" subgraph is the node with the op and constant nodes that
 * feed only it (recursively); two nodes repeat each other when their own subgraphs have the same
 * ops, shapes and wiring. Each set of repeats becomes one `group` node labelled `k× ops`.
 */
function collapseRepeats(graph: ComputationalGraph, minRepeats: number): ComputationalGraph {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const consumers = consumersOf(graph.nodes);
  const owned = (c: number): boolean => {
    const n = byId.get(c);
    return n !== undefined && (n.kind === 'op' || n.kind === 'constant') && consumers.get(c)?.length === 1 && c !== graph.outputId;
  };
  const signatures = new Map<string, number>();
  const sig = new Map<number, number>();
  const members = new Map<number, number[]>();
  for (const n of graph.nodes) {
    const parts = n.inputs.map((c) => (owned(c) ? `#${sig.get(c)}` : '·'));
    const key = `${n.kind}:${n.op}:${n.dtype}:[${n.shape.join(',')}](${parts.join(',')})`;
    let s = signatures.get(key);
    if (s === undefined) signatures.set(key, (s = signatures.size));
    sig.set(n.id, s);
    members.set(n.id, [...n.inputs.filter(owned).flatMap((c) => members.get(c) ?? []), n.id]);
  }
  const bySig = new Map<number, number[]>();
  for (const n of graph.nodes) {
    if (n.kind !== 'op' || n.id === graph.outputId || (members.get(n.id)?.length ?? 0) < 2) continue;
    const s = sig.get(n.id) as number;
    bySig.set(s, [...(bySig.get(s) ?? []), n.id]);
  }
  // Largest subgraphs first, so a repeated block is collapsed whole rather than piece by piece.
  const candidates = [...bySig.values()]
    .filter((roots) => roots.length >= minRepeats)
    .sort((a, b) => (members.get(b[0] as number)?.length ?? 0) - (members.get(a[0] as number)?.length ?? 0));
  const taken = new Set<number>();
  const replacement = new Map<number, number>();
  const groups: Draft[] = [];
  for (const roots of candidates) {
    const free = roots.filter((r) => (members.get(r) ?? []).every((m) => !taken.has(m)));
    if (free.length < minRepeats) continue;
    const all = free.flatMap((r) => members.get(r) ?? []);
    const inside = new Set(all);
    for (const m of all) taken.add(m);
    const first = byId.get(free[0] as number) as GraphNode;
    const ops = (members.get(first.id) ?? []).map((m) => byId.get(m) as GraphNode).filter((m) => m.kind === 'op').map((m) => m.op);
    const id = Math.min(...free);
    for (const r of free) replacement.set(r, id);
    const node: GraphNode = {
      id,
      kind: 'group',
      op: 'group',
      label: runLabel(free.length, ops),
      inputs: [],
      shape: first.shape,
      dtype: first.dtype,
      value: null,
      grad: null,
      count: free.length,
      members: [...all].sort((a, b) => a - b),
    };
    const external = all.flatMap((m) => (byId.get(m) as GraphNode).inputs.filter((c) => !inside.has(c)));
    groups.push({ id, node, inputs: external });
  }
  if (groups.length === 0) return graph;
  const remap = (i: number): number => replacement.get(i) ?? i;
  const drafts: Draft[] = [];
  for (const n of graph.nodes) {
    if (taken.has(n.id)) {
      const g = groups.find((d) => d.id === n.id);
      if (g !== undefined) drafts.push(g);
      continue;
    }
    drafts.push({ id: n.id, node: n, inputs: n.inputs.map(remap) });
  }
  for (const g of groups) g.inputs = g.inputs.map(remap);
  return finish(drafts, graph);
}

/**
 * Repeated runs along a chain: where each op feeds only the next (an unrolled loop, a stack of
 * identical layers), a block of ops that repeats back to back becomes one `group` node.
 */
function collapseRuns(graph: ComputationalGraph, minRepeats: number): ComputationalGraph {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const consumers = consumersOf(graph.nodes);
  const single = (c: number): boolean => consumers.get(c)?.length === 1;
  // pred(b): the one op input of b that feeds nothing else; chains follow pred backwards.
  const next = new Map<number, number>();
  const hasPred = new Set<number>();
  for (const b of graph.nodes) {
    if (b.kind !== 'op' || b.id === graph.outputId) continue;
    const feeders = b.inputs.filter((c) => byId.get(c)?.kind === 'op' && single(c));
    if (feeders.length === 1) {
      next.set(feeders[0] as number, b.id);
      hasPred.add(b.id);
    }
  }
  const step = (id: number): string => {
    const n = byId.get(id) as GraphNode;
    return `${n.op}:${n.dtype}:[${n.shape.join(',')}]`;
  };
  const taken = new Set<number>();
  const groups: Draft[] = [];
  for (const start of graph.nodes) {
    if (start.kind !== 'op' || start.id === graph.outputId || hasPred.has(start.id)) continue;
    const chain = [start.id];
    for (let c = next.get(start.id); c !== undefined; c = next.get(c)) chain.push(c);
    const keys = chain.map(step);
    let i = 0;
    while (i < chain.length) {
      let best = { period: 0, repeats: 0 };
      for (let period = 1; period <= 8 && i + 2 * period <= chain.length; period++) {
        let repeats = 1;
        while (i + (repeats + 1) * period <= chain.length && keys.slice(i + repeats * period, i + (repeats + 1) * period).every((k, j) => k === keys[i + j])) repeats++;
        if (repeats >= minRepeats && repeats * period >= 4 && repeats * period > best.repeats * best.period) best = { period, repeats };
      }
      if (best.period === 0) {
        i++;
        continue;
      }
      const segment = chain.slice(i, i + best.period * best.repeats);
      const owned = segment.flatMap((m) => (byId.get(m) as GraphNode).inputs.filter((c) => byId.get(c)?.kind === 'constant' && single(c)));
      const all = [...segment, ...owned];
      const inside = new Set(all);
      for (const m of all) taken.add(m);
      const last = byId.get(segment[segment.length - 1] as number) as GraphNode;
      const ops = segment.slice(0, best.period).map((m) => (byId.get(m) as GraphNode).op);
      const node: GraphNode = {
        id: last.id,
        kind: 'group',
        op: 'group',
        label: runLabel(best.repeats, ops),
        inputs: [],
        shape: last.shape,
        dtype: last.dtype,
        value: null,
        grad: null,
        count: best.repeats,
        members: [...all].sort((a, b) => a - b),
      };
      const external = all.flatMap((m) => (byId.get(m) as GraphNode).inputs.filter((c) => !inside.has(c)));
      groups.push({ id: last.id, node, inputs: external });
      i += segment.length;
    }
  }
  if (groups.length === 0) return graph;
  const drafts: Draft[] = [];
  for (const n of graph.nodes) {
    if (taken.has(n.id)) {
      const g = groups.find((d) => d.id === n.id);
      if (g !== undefined) drafts.push(g);
      continue;
    }
    drafts.push({ id: n.id, node: n, inputs: [...n.inputs] });
  }
  return finish(drafts, graph);
}

/** Keeps the inputs and the last nodes before the output; the rest become one `elided` node. */
function capNodes(graph: ComputationalGraph, maxNodes: number): ComputationalGraph {
  const inputs = new Set(graph.inputIds);
  const others = graph.nodes.filter((n) => !inputs.has(n.id));
  const budget = Math.max(1, maxNodes - inputs.size - 1);
  // The last nodes of a topological order are closed under "consumer of": no edge leads back
  // from a kept node into the elided ones, so the result has no cycle.
  const elided = others.slice(0, others.length - budget);
  const hidden = new Set(elided.map((n) => n.id));
  const id = Math.max(...graph.nodes.map((n) => n.id)) + 1;
  const elidedNode: GraphNode = {
    id,
    kind: 'elided',
    op: 'elided',
    label: `… ${elided.length} more nodes`,
    inputs: [],
    shape: [],
    dtype: '',
    value: null,
    grad: null,
    count: elided.length,
    members: elided.map((n) => n.id),
  };
  const external = elided.flatMap((n) => n.inputs.filter((c) => !hidden.has(c)));
  const drafts: Draft[] = [{ id, node: elidedNode, inputs: external }];
  for (const n of graph.nodes) {
    if (hidden.has(n.id)) continue;
    drafts.push({ id: n.id, node: n, inputs: n.inputs.map((c) => (hidden.has(c) ? id : c)) });
  }
  return finish(drafts, graph);
}

/**
 * Makes a large graph readable, in three steps that each run only while the graph is over
 * `maxNodes`: repeated subgraphs (the same ops wired the same way, e.g. the terms of a long sum)
 * collapse into one `group` node with a count; then blocks of ops repeated back to back along a
 * chain (an unrolled loop, a stack of identical layers) collapse likewise; then the earliest
 * nodes (farthest from the output) become one `elided` node. A graph within `maxNodes` comes
 * back unchanged (unless `alwaysCollapse`, which always runs the first step).
 *
 * @param graph a traced graph
 * @param options `maxNodes` (default 50), `alwaysCollapse`, `minRepeats` (default 2)
 * @returns a graph of at most `max(maxNodes, inputs + 2)` nodes
 * @throws ValueError when maxNodes is not a positive integer
 * @example
 * ```ts
 * import { summarise, toMermaid, traceGraph } from '@gradlab/core-tensor/graph';
 * toMermaid(summarise(traceGraph(bigModel, [x]), { maxNodes: 30 }));
 * ```
 */
export function summarise(graph: ComputationalGraph, options: SummariseOptions = {}): ComputationalGraph {
  const maxNodes = options.maxNodes ?? 50;
  const minRepeats = options.minRepeats ?? 2;
  if (!Number.isInteger(maxNodes) || maxNodes < 1) {
    throw new ValueError('maxNodes must be a positive integer', { op: 'summarise', arg: 'options.maxNodes', expected: 'an integer >= 1', received: maxNodes });
  }
  if (!Number.isInteger(minRepeats) || minRepeats < 2) {
    throw new ValueError('minRepeats must be an integer of at least 2', { op: 'summarise', arg: 'options.minRepeats', expected: 'an integer >= 2', received: minRepeats });
  }
  if (graph.nodes.length <= maxNodes && options.alwaysCollapse !== true) return graph;
  const collapsed = collapseRepeats(graph, minRepeats);
  if (collapsed.nodes.length <= maxNodes) return collapsed;
  const runs = collapseRuns(collapsed, minRepeats);
  return runs.nodes.length <= maxNodes ? runs : capNodes(runs, maxNodes);
}
