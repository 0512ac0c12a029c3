import { Command, Option } from 'commander';
import { summarise, toDot, toJSON, toMermaid, traceExpression } from '@gradlab/core-tensor/graph';
import type { ComputationalGraph } from '@gradlab/core-tensor/graph';
import { compareGradients, parse, toLatex, toString, variables } from '@gradlab/core-tensor/symbolic';
import type { Expr, GradientComparison } from '@gradlab/core-tensor/symbolic';
import { RunError, UsageError } from '../cli-error.ts';
import { guard } from '../report-error.ts';
import { integerFlag } from '../integer-flag.ts';

type GraphFormat = 'dot' | 'mermaid' | 'json';

interface GradOptions {
  at?: string;
  graph?: GraphFormat;
  json?: boolean;
  maxNodes: string;
}


/** `theta1=1,theta2=-1` → { theta1: 1, theta2: -1 }. */
function parsePoint(text: string): Record<string, number> {
  const point: Record<string, number> = {};
  for (const part of text.split(',')) {
    const m = /^\s*([\p{L}_][\p{L}\p{N}_]*)\s*=\s*(\S+)\s*$/u.exec(part);
    const value = m === null ? NaN : Number(m[2]);
    if (m === null || !Number.isFinite(value)) {
      throw new UsageError(`--at: cannot read '${part}'; write name=number pairs separated by commas, e.g. --at theta1=1,theta2=-1`);
    }
    point[m[1] as string] = value;
  }
  return point;
}

function checkPoint(expr: Expr, point: Record<string, number>): string[] {
  const vars = variables(expr);
  const missing = vars.filter((v) => !(v in point));
  if (missing.length > 0) {
    const example = vars.map((v) => `${v}=${point[v] ?? 0}`).join(',');
    throw new UsageError(`--at: no value for ${missing.join(', ')}; the expression uses ${vars.join(', ')} (e.g. --at ${example})`);
  }
  const extra = Object.keys(point).filter((v) => !vars.includes(v));
  if (extra.length > 0) throw new UsageError(`--at: ${extra.join(', ')} ${extra.length === 1 ? 'is not a variable' : 'are not variables'} of the expression (it uses ${vars.join(', ') || 'none'})`);
  return vars;
}

/** A value or gradient that is NaN or infinite means the point is outside the expression's domain: an error, not a result. */
function checkFinite(expr: Expr, c: GradientComparison): void {
  const at = c.variables.map((v, i) => `${v} = ${num(c.point[i] as number)}`).join(', ');
  const bad: string[] = [];
  if (!Number.isFinite(c.value)) bad.push(`g = ${num(c.value)}`);
  c.variables.forEach((v, i) => {
    const s = (c.gradients.symbolic as readonly number[])[i] as number;
    const a = c.gradients.autodiff[i] as number;
    if (!Number.isFinite(s) || !Number.isFinite(a)) bad.push(`∂g/∂${v} = ${num(Number.isFinite(s) ? a : s)}`);
  });
  if (bad.length > 0) {
    throw new RunError(`${toString(expr)} is not finite at ${at} (${bad.join(', ')})`, 'choose a point inside the domain of the expression (log needs x > 0, sqrt x >= 0, no division by 0)');
  }
}

function renderGraph(graph: ComputationalGraph, format: GraphFormat): string {
  if (format === 'dot') return toDot(graph);
  if (format === 'mermaid') return toMermaid(graph);
  return JSON.stringify(toJSON(graph), null, 2) + '\n';
}

/** Up to 12 significant digits, so that 2 prints as 2 and a finite-difference error shows. */
function num(v: number): string {
  if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(12)));
}

function sci(v: number): string {
  return v === 0 ? '0' : v.toExponential(2);
}

function printText(expr: Expr, c: GradientComparison, out: (line?: string) => void): void {
  const vars = c.variables;
  out(`g(${vars.join(', ')}) = ${toString(expr)}`);
  out(`at ${vars.map((v, i) => `${v} = ${num(c.point[i] as number)}`).join(', ')}:  g = ${num(c.value)}`);
  out();
  out('symbolic partial derivatives (simplified):');
  const width = Math.max(...vars.map((v) => v.length));
  for (const [i, v] of vars.entries()) out(`  ∂g/∂${v.padEnd(width)} = ${toString((c.derivatives as readonly Expr[])[i] as Expr)}`);
  out();
  const cols = ['symbolic', 'autodiff', 'central diff', 'forward diff'];
  const rows = vars.map((v, i) => [
    v,
    num((c.gradients.symbolic as readonly number[])[i] as number),
    num(c.gradients.autodiff[i] as number),
    num(c.gradients.central[i] as number),
    num(c.gradients.forward[i] as number),
  ]);
  const w = [Math.max(8, width), ...cols.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j + 1] as string).length)))];
  out(['gradient'.padEnd(w[0] as number), ...cols.map((h, j) => h.padStart(w[j + 1] as number))].join('  '));
  for (const r of rows) out(r.map((s, j) => (j === 0 ? s.padEnd(w[0] as number) : s.padStart(w[j] as number))).join('  '));
  out();
  out('max |difference|:');
  for (const d of c.differences) out(`  ${`${d.method} vs ${d.reference}`.padEnd(22)} ${sci(d.maxAbs)}`);
}

function run(source: string, opts: GradOptions): void {
  const expr = parse(source);
  const point = opts.at === undefined ? {} : parsePoint(opts.at);
  const vars = checkPoint(expr, point);
  if (vars.length === 0) throw new UsageError('the expression has no variables to differentiate by');
  const maxNodes = integerFlag('--max-nodes', opts.maxNodes, 60, { min: 1, max: 100_000 });
  const c = compareGradients(expr, point, { vars });
  checkFinite(expr, c);
  const graph = opts.graph === undefined ? undefined : summarise(traceExpression(expr, point, vars), { maxNodes });
  if (opts.json === true) {
    const derivatives = (c.derivatives as readonly Expr[]).map((d, i) => ({ variable: vars[i], text: toString(d), latex: toLatex(d) }));
    const result = {
      expression: toString(expr),
      latex: toLatex(expr),
      variables: vars,
      point,
      value: c.value,
      derivatives,
      gradients: c.gradients,
      differences: c.differences,
      ...(graph === undefined || opts.graph === undefined ? {} : { graph: opts.graph === 'json' ? toJSON(graph) : renderGraph(graph, opts.graph) }),
    };
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  const out = (line = ''): void => {
    process.stdout.write(line + '\n');
  };
  printText(expr, c, out);
  if (graph !== undefined && opts.graph !== undefined) {
    out();
    out(`computational graph (${opts.graph}; forward values and backward gradients):`);
    process.stdout.write(renderGraph(graph, opts.graph));
  }
}

/**
 * `gradlab grad "<expression>" --at name=value,... [--graph dot|mermaid|json] [--json]`: the
 * gradient three ways (symbolic, numerical, automatic) and the computational graph.
 */
export function gradCommand(): Command {
  return new Command('grad')
    .description('differentiate an expression three ways (symbolic, finite differences, autodiff) and show its computational graph')
    .argument('<expression>', 'e.g. "theta1^2 + 2*theta2^2 - theta3^2"')
    .option('--at <point>', 'the point, as name=value pairs: theta1=1,theta2=-1,theta3=1')
    .addOption(new Option('--graph <format>', 'also print the computational graph').choices(['dot', 'mermaid', 'json']))
    .option('--max-nodes <n>', 'summarise graphs larger than this', '60')
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExample:\n  gradlab grad "theta1^2 + 2*theta2^2 - theta3^2" --at theta1=1,theta2=-1,theta3=1 --graph mermaid')
    .action(guard('grad', (source: string, opts: GradOptions) => run(source, opts)));
}
