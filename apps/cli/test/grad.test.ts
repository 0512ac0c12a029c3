import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/index.js', import.meta.url));

function gradlab(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const SEED = 'theta1^2 + 2*theta2^2 - theta3^2';
const AT = 'theta1=1,theta2=-1,theta3=1';

interface GradJson {
  expression: string;
  latex: string;
  variables: string[];
  point: Record<string, number>;
  value: number;
  derivatives: { variable: string; text: string; latex: string }[];
  gradients: { symbolic: number[]; autodiff: number[]; central: number[]; forward: number[] };
  differences: { method: string; reference: string; maxAbs: number }[];
  graph?: unknown;
}

describe('gradlab grad (built binary)', () => {
  it("prints the symbolic derivatives and the three gradients of the seed's example", () => {
    const r = gradlab('grad', SEED, '--at', AT);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`g(theta1, theta2, theta3) = ${SEED}`);
    expect(r.stdout).toContain('at theta1 = 1, theta2 = -1, theta3 = 1:  g = 2');
    expect(r.stdout).toMatch(/∂g\/∂theta1 = 2\*theta1/);
    expect(r.stdout).toMatch(/∂g\/∂theta2 = 4\*theta2/);
    expect(r.stdout).toMatch(/∂g\/∂theta3 = -2\*theta3/);
    expect(r.stdout).toMatch(/gradient\s+symbolic\s+autodiff\s+central diff\s+forward diff/);
    // Finite differences land next to -4 (e.g. -3.99999999996); symbolic and autodiff on it.
    expect(r.stdout).toMatch(/^theta2\s+-4\s+-4\s+-(4|3\.9{6,}\d*)\s+-(4|3\.9{6,}\d*)$/m);
    expect(r.stdout).toMatch(/symbolic vs autodiff\s+0$/m);
    expect(r.stdout).toMatch(/forward vs autodiff\s+\d\.\d\de-\d+$/m);
  });

  it('--json gives the gradients three ways, all [2, -4, -2]', () => {
    const r = gradlab('grad', SEED, '--at', AT, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as GradJson;
    expect(out.expression).toBe(SEED);
    expect(out.variables).toEqual(['theta1', 'theta2', 'theta3']);
    expect(out.point).toEqual({ theta1: 1, theta2: -1, theta3: 1 });
    expect(out.value).toBe(2);
    expect(out.derivatives.map((d) => d.text)).toEqual(['2*theta1', '4*theta2', '-2*theta3']);
    expect(out.derivatives[1]?.latex).toBe('4 \\theta_{2}');
    expect(out.gradients.symbolic).toEqual([2, -4, -2]);
    expect(out.gradients.autodiff).toEqual([2, -4, -2]);
    for (const method of ['central', 'forward'] as const) {
      out.gradients[method].forEach((g, i) => expect(Math.abs(g - ([2, -4, -2][i] as number))).toBeLessThan(1e-6));
    }
    const diff = (m: string, ref: string): number => out.differences.find((d) => d.method === m && d.reference === ref)?.maxAbs ?? NaN;
    expect(diff('symbolic', 'autodiff')).toBe(0);
    expect(diff('central', 'autodiff')).toBeLessThan(1e-8);
    expect(diff('forward', 'autodiff')).toBeLessThan(1e-6);
    expect(out.graph).toBeUndefined();
  });

  it('--graph mermaid prints the graph with forward values and gradients', () => {
    const r = gradlab('grad', SEED, '--at', AT, '--graph', 'mermaid');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('flowchart LR');
    expect(r.stdout).toMatch(/\(\["theta2<br\/>value -1<br\/>grad -4"\]\)/);
    expect(r.stdout).toMatch(/\(\("sub<br\/>value 2<br\/>grad 1"\)\)/);
    expect(r.stdout).toMatch(/n\d+ --> n\d+/);
  });

  it('--graph dot prints a Graphviz digraph', () => {
    const r = gradlab('grad', SEED, '--at', AT, '--graph', 'dot');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('digraph "g" {');
    expect(r.stdout).toMatch(/\[label="theta1\\nvalue 1\\ngrad 2", shape=ellipse\]/);
    expect(r.stdout).toMatch(/n\d+ -> n\d+;/);
  });

  it('--graph json with --json nests the graph JSON', () => {
    const r = gradlab('grad', SEED, '--at', AT, '--graph', 'json', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as GradJson & { graph: { format: string; nodes: { label: string; grad: number[] | null }[] } };
    expect(out.graph.format).toBe('gradlab-graph');
    expect(out.graph.nodes.filter((n) => n.label.startsWith('theta')).map((n) => n.grad)).toEqual([[2], [-4], [-2]]);
  });

  it('differentiates log((x1 + 2*x2)^2)', () => {
    const r = gradlab('grad', 'log((x1 + 2*x2)^2)', '--at', 'x1=1,x2=-2', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as GradJson;
    expect(out.derivatives.map((d) => d.text)).toEqual(['2/(x1 + 2*x2)', '4/(x1 + 2*x2)']);
    out.gradients.autodiff.forEach((g, i) => expect(g).toBeCloseTo([-2 / 3, -4 / 3][i] as number, 14));
  });

  it('a bad expression exits with code 2 and points at the column', () => {
    const r = gradlab('grad', 'theta1 + * theta2', '--at', 'theta1=1,theta2=2');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unexpected '*' at column 10");
    expect(r.stderr).toContain("in 'theta1 + * theta2'");
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a missing variable in --at exits with code 2 and names it', () => {
    const r = gradlab('grad', SEED, '--at', 'theta1=1,theta2=-1');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--at: no value for theta3');
  });

  it('an unknown variable or a malformed --at exits with code 2', () => {
    expect(gradlab('grad', 'x^2', '--at', 'x=1,y=2').status).toBe(2);
    const r = gradlab('grad', 'x^2', '--at', 'x=one');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("cannot read 'x=one'");
    expect(gradlab('grad', 'x^2').stderr).toContain('no value for x');
  });

  it('tour has the differentiation section with the graph', () => {
    const r = gradlab('tour', '--section', 'differentiation');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('== Three ways to differentiate (4. Optimisation) ==');
    expect(r.stdout).toContain('gradient [2, -4, -2]');
    expect(r.stdout).toMatch(/theta2\s+value -1\s+grad -4/);
  });
});
