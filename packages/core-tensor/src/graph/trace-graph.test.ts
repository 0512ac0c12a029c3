import { describe, expect, it } from 'vitest';
import { ValueError } from '../errors.ts';
import { scalar, tensor } from '../index.ts';
import type { Tensor } from '../index.ts';
import { parse } from '../symbolic/parse.ts';
import { summarise } from './summarise.ts';
import { toJSON } from './to-json.ts';
import { traceExpression } from './trace-expression.ts';
import { traceGraph } from './trace-graph.ts';

const f64 = (v: number): Tensor => scalar(v, { dtype: 'float64' });
const SEED = parse('theta1^2 + 2*theta2^2 - theta3^2');
const AT = { theta1: 1, theta2: -1, theta3: 1 };

describe('traceGraph', () => {
  it("records the seed's example with forward values and backward gradients at every node", () => {
    const g = traceExpression(SEED, AT);
    const byLabel = (label: string) => g.nodes.filter((n) => n.label === label);
    expect(g.inputIds.map((id) => g.nodes.find((n) => n.id === id)?.label)).toEqual(['theta1', 'theta2', 'theta3']);
    // Backward: the gradient reaching each input is the seed's answer [2, -4, -2].
    expect(g.inputIds.map((id) => g.nodes.find((n) => n.id === id)?.grad)).toEqual([[2], [-4], [-2]]);
    // Forward: θ² at [1, -1, 1] is 1 three times; 2θ2² is 2; the output is 2 with gradient 1.
    expect(byLabel('square').map((n) => [n.value, n.grad])).toEqual([[[1], [1]], [[1], [2]], [[1], [-1]]]);
    expect(byLabel('mul').map((n) => [n.value, n.grad])).toEqual([[[2], [1]]]);
    const out = g.nodes.find((n) => n.id === g.outputId);
    expect(out).toMatchObject({ op: 'sub', value: [2], grad: [1] });
    for (const n of g.nodes) {
      expect(n.value).not.toBeNull();
      if (n.kind !== 'constant') expect(n.grad).not.toBeNull();
    }
    expect(summarise(g)).toBe(g);
  });

  it("pins the JSON of the seed's graph (snapshot for the docs viewer)", () => {
    expect(toJSON(traceExpression(SEED, AT))).toMatchSnapshot();
  });

  it('traces any tensor function, naming the inputs', () => {
    const g = traceGraph((a, b) => a.mul(b).add(a.square()), [f64(2), f64(3)], { names: ['a', 'b'] });
    expect(g.nodes.map((n) => n.label)).toEqual(['a', 'b', 'mul', 'square', 'add']);
    expect(g.nodes.map((n) => n.grad)).toEqual([[7], [2], [1], [1], [1]]);
    expect(traceGraph((x) => x.exp(), [f64(0)]).nodes[0]?.label).toBe('x1');
  });

  it('keeps vector values and gradients row-major', () => {
    const g = traceGraph((x) => x.square().sum(), [tensor([1, 2, 3], { dtype: 'float64' })], { names: ['x'] });
    expect(g.nodes[0]).toMatchObject({ shape: [3], value: [1, 2, 3], grad: [2, 4, 6] });
  });

  it('summarises a large traced graph: the repeated terms of a sum collapse into one group', () => {
    const terms = Array.from({ length: 30 }, (_, k) => `(x - ${k + 1})^2`).join(' + ');
    const g = traceExpression(parse(terms), { x: 0.5 });
    expect(g.nodes.length).toBeGreaterThan(100);
    const s = summarise(g, { maxNodes: 40 });
    expect(s.nodes.length).toBeLessThanOrEqual(40);
    const group = s.nodes.find((n) => n.kind === 'group');
    expect(group).toMatchObject({ label: '30× sub → square', count: 30, inputs: [0] });
    // The input keeps its value and full gradient: d/dx Σ (x - k)² = Σ 2(x - k) at x = 0.5.
    expect(s.nodes.find((n) => n.label === 'x')?.grad?.[0]).toBeCloseTo(2 * (30 * 0.5 - 465), 9);
    // Tighter still, the chain of adds that sums the terms collapses too.
    expect(summarise(g, { maxNodes: 10 }).nodes.map((n) => n.label)).toEqual(['x', '30× sub → square', '28× add', 'add']);
  });

  it('summarises an unrolled loop: a block repeated along a chain collapses into one group', () => {
    const loop = (x: Tensor): Tensor => {
      let y = x;
      for (let i = 0; i < 25; i++) y = y.mul(0.9).tanh();
      return y.sum();
    };
    const g = traceGraph(loop, [tensor([0.5, -1], { dtype: 'float64' })], { names: ['x'] });
    const s = summarise(g, { maxNodes: 12 });
    expect(s.nodes.map((n) => n.label)).toEqual(['x', '25× mul → tanh', 'sum']);
    expect(s.nodes[1]).toMatchObject({ kind: 'group', count: 25, inputs: [0], shape: [2] });
    expect(s.nodes[2]?.inputs).toEqual([s.nodes[1]?.id]);
  });

  it('rejects names that do not match the inputs, and a point that lacks a variable', () => {
    expect(() => traceGraph((x) => x, [f64(1)], { names: ['a', 'b'] })).toThrow(ValueError);
    expect(() => traceExpression(SEED, { theta1: 1 })).toThrow(/no value for variable 'theta2'/);
  });
});
