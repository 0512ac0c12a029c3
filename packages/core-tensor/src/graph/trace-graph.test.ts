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

  it('rejects names that do not match the inputs, and a point that lacks a variable', () => {
    expect(() => traceGraph((x) => x, [f64(1)], { names: ['a', 'b'] })).toThrow(ValueError);
    expect(() => traceExpression(SEED, { theta1: 1 })).toThrow(/no value for variable 'theta2'/);
  });
});
