import { toText, traceExpression } from '@gradlab/core-tensor/graph';
import { compareGradients, parse, toString } from '@gradlab/core-tensor/symbolic';
import type { TourSection } from './section.ts';

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10))));

export const differentiation: TourSection = {
  id: 'differentiation',
  title: 'Three ways to differentiate',
  chapter: '4. Optimisation',
  run(print) {
    const g = parse('theta1^2 + 2*theta2^2 - theta3^2');
    const vars = ['theta1', 'theta2', 'theta3'];
    const at = { theta1: 1, theta2: -1, theta3: 1 };
    print(`The notes' example: g(theta) = ${toString(g)}, at theta = [1, -1, 1].`);
    const c = compareGradients(g, at, { vars });
    print();
    print('1. Symbolic: differentiate the formula by the rules, then evaluate.');
    for (const [i, d] of (c.derivatives ?? []).entries()) print(`   dg/d${vars[i] as string} = ${toString(d)}`);
    print(`   gradient [${(c.gradients.symbolic ?? []).map(fmt).join(', ')}]`);
    print('2. Numerical: treat g as a black box and difference it (h about ∛ε and √ε).');
    print(`   central (g(θ+h) − g(θ−h))/2h  [${c.gradients.central.map(fmt).join(', ')}]`);
    print(`   forward (g(θ+h) − g(θ))/h     [${c.gradients.forward.map(fmt).join(', ')}]`);
    print('3. Automatic (reverse mode): one forward pass, one backward pass, exact values at this point.');
    print(`   gradient [${c.gradients.autodiff.map(fmt).join(', ')}]`);
    print();
    print('Largest differences:');
    for (const d of c.differences) print(`   ${`${d.method} vs ${d.reference}`.padEnd(21)} ${d.maxAbs === 0 ? '0' : d.maxAbs.toExponential(1)}`);
    print();
    print('The computational graph: the forward pass fills in the values, then the backward pass');
    print('seeds dg/dg = 1 at the output and carries gradients back to every node.');
    const graph = traceExpression(g, at, vars);
    for (const line of toText(graph).trimEnd().split('\n')) print(`   ${line}`);
    print();
    print('Try: gradlab grad "log((x1 + 2*x2)^2)" --at x1=1,x2=-2 --graph mermaid');
  },
};
