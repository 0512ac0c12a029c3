import { Command } from 'commander';
import { parseSchedule } from '../schedule-flag.ts';
import { tensor, ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { compile, parse, toString } from '@gradlab/core-tensor/symbolic';
import {
  DivergenceError,
  builtinOptimizers,
  builtinSchedules,
  checkRobbinsMonro,
  estimateSmoothness,
  gradientDescent,
  minimize,
  optimizerFromSpec,
  suggestStepSize,
} from '@gradlab/optim';
import type { DecreaseViolation, JsonValue, Optimizer, OptimizerFactory, ScheduleFactory } from '@gradlab/optim';
import { RunError, UsageError } from '../cli-error.ts';
import { guard } from '../report-error.ts';
import { integerFlag } from '../integer-flag.ts';

interface OptimizeOptions {
  from?: string;
  optimizer: string;
  lr?: string;
  momentum?: string;
  nesterov?: boolean;
  betas?: string;
  eps?: string;
  weightDecay?: string;
  schedule?: string;
  steps: string;
  tolerance: string;
  every?: string;
  verify?: string;
  json?: boolean;
}

/** The plugin maps the command resolves names in; extend them to add your own. */
export interface OptimizeMaps {
  optimizers?: Readonly<Record<string, OptimizerFactory>>;
  schedules?: Readonly<Record<string, ScheduleFactory>>;
}


function number(flag: string, text: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw new UsageError(`${flag}: '${text}' is not a number`);
  return v;
}

/** `theta1=1,theta2=-1` (by name) or `1,-1` (in the order of the variables). */
function parseStart(text: string, vars: readonly string[]): number[] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.every((p) => !p.includes('='))) {
    if (parts.length !== vars.length) throw new UsageError(`--from: ${parts.length} value(s) for ${vars.length} variable(s) (${vars.join(', ')})`);
    return parts.map((p) => number('--from', p));
  }
  const point = new Map<string, number>();
  for (const part of parts) {
    const m = /^([\p{L}_][\p{L}\p{N}_]*)\s*=\s*(\S+)$/u.exec(part);
    if (m === null) throw new UsageError(`--from: cannot read '${part}'; write name=number pairs, e.g. --from ${vars.map((v) => `${v}=0`).join(',')}`);
    if (!vars.includes(m[1] as string)) throw new UsageError(`--from: ${m[1]} is not a variable of the expression (it uses ${vars.join(', ')})`);
    point.set(m[1] as string, number('--from', m[2] as string));
  }
  const missing = vars.filter((v) => !point.has(v));
  if (missing.length > 0) throw new UsageError(`--from: no value for ${missing.join(', ')}`);
  return vars.map((v) => point.get(v) as number);
}

function fmt(v: number): string {
  if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(8)));
}

function run(source: string, opts: OptimizeOptions, maps: OptimizeMaps, out: (line?: string) => void): void {
  const optimizers = maps.optimizers ?? builtinOptimizers;
  const schedules = maps.schedules ?? builtinSchedules;
  const expr = parse(source);
  const f = compile(expr);
  const vars = f.variables;
  if (vars.length === 0) throw new UsageError('the expression has no variables to optimise');
  if (opts.from === undefined) throw new UsageError(`--from is required: the starting point, e.g. --from ${vars.map((v) => `${v}=1`).join(',')}`);
  const start = parseStart(opts.from, vars);
  const steps = integerFlag('--steps', opts.steps, 100, { max: 1_000_000 });
  if (!Object.hasOwn(optimizers, opts.optimizer)) throw new UsageError(`--optimizer: unknown optimizer '${opts.optimizer}'; choose one of ${Object.keys(optimizers).join(', ')}`);
  const config: Record<string, JsonValue> = {};
  // L at the start, by power iteration on Hessian-vector products: exact for quadratics.
  let knownL: number | undefined;
  try {
    const smooth = estimateSmoothness(f, tensor(start));
    if (smooth.converged && smooth.L > 0) knownL = smooth.L;
  } catch (error) {
    // No finite curvature at the start (e.g. log at 0): there is just no L to report.
    if (!(error instanceof ValueError)) throw error;
  }
  // Without --lr, the gradient methods take γ = 1/L, the step that guarantees descent on an
  // L-smooth function; Adam's lr is a step length, not a multiple of the gradient, so it keeps its own.
  let lrSource: 'flag' | '1/L' | 'default' = 'flag';
  if (opts.lr === 'auto') {
    if (knownL === undefined) throw new UsageError('--lr auto: could not estimate the smoothness constant L at --from; give --lr a number');
    config.lr = suggestStepSize(knownL);
    lrSource = '1/L';
  } else if (opts.lr !== undefined) {
    config.lr = number('--lr', opts.lr);
  } else if (knownL !== undefined && opts.schedule === undefined && !opts.optimizer.startsWith('adam')) {
    config.lr = suggestStepSize(knownL);
    lrSource = '1/L';
  } else if (opts.schedule === undefined) lrSource = 'default';
  if (opts.verify !== undefined && opts.verify !== 'report' && opts.verify !== 'backtrack') throw new UsageError(`--verify must be report or backtrack, got '${opts.verify}'`);
  if (opts.verify !== undefined && (opts.optimizer !== 'gd' || opts.schedule !== undefined)) {
    throw new UsageError('--verify checks the guaranteed decrease of plain gradient descent: use it with --optimizer gd and no --schedule');
  }
  if (opts.momentum !== undefined) config.momentum = number('--momentum', opts.momentum);
  if (opts.nesterov === true) config.nesterov = true;
  if (opts.betas !== undefined) config.betas = opts.betas.split(',').map((b) => number('--betas', b));
  if (opts.eps !== undefined) config.eps = number('--eps', opts.eps);
  if (opts.weightDecay !== undefined) config.weightDecay = number('--weight-decay', opts.weightDecay);
  const schedule = opts.schedule === undefined ? undefined : parseSchedule(opts.schedule, schedules);
  if (schedule !== undefined && config.lr === undefined) config.lr = schedule.at(1);
  let optimizer: Optimizer;
  try {
    optimizer = optimizerFromSpec({ id: opts.optimizer, config }, optimizers);
  } catch (error) {
    if (error instanceof ValueError) throw new UsageError(error.message);
    throw error;
  }
  const trajectory: { step: number; theta: number[]; value: number; gradNorm: number }[] = [];
  const record = (s: { step: number; params: Tensor; value: number; gradNorm: number }): void => {
    trajectory.push({ step: s.step, theta: Array.from(s.params.data), value: s.value, gradNorm: s.gradNorm });
  };
  const tolerance = number('--tolerance', opts.tolerance);
  let violations: DecreaseViolation[] | undefined;
  let finalLr: number | undefined;
  let result: { params: Tensor; value: number; gradNorm: number; steps: number; reason: string };
  if (opts.verify === 'report' || opts.verify === 'backtrack') {
    const lr = typeof optimizer.config.lr === 'number' ? optimizer.config.lr : NaN;
    const r = gradientDescent(f, tensor(start), { lr, steps, tolerance, check: opts.verify, onStep: (s) => void record(s) });
    violations = r.violations;
    result = r;
    finalLr = r.lr;
  } else {
    result = minimize(f, tensor(start), { optimizer, ...(schedule === undefined ? {} : { schedule }), steps, tolerance, onStep: record });
  }
  const theta = Array.from(result.params.data);
  if (opts.json === true) {
    const json = {
      expression: toString(expr),
      variables: vars,
      from: start,
      optimizer: { id: optimizer.id, config: optimizer.config, lrSource },
      ...(schedule === undefined ? {} : { schedule: { id: schedule.id, config: schedule.config, robbinsMonro: checkRobbinsMonro(schedule) } }),
      trajectory,
      ...(knownL === undefined ? {} : { smoothness: { L: knownL, suggestedLr: suggestStepSize(knownL) } }),
      ...(violations === undefined ? {} : { violations, ...(opts.verify === 'backtrack' ? { finalLr } : {}) }),
      result: { theta, value: result.value, gradNorm: result.gradNorm, steps: result.steps, reason: result.reason },
    };
    out(JSON.stringify(json, null, 2));
    return;
  }
  out(`minimise g(${vars.join(', ')}) = ${toString(expr)}`);
  out(`with ${optimizer.id} ${JSON.stringify(optimizer.config)}${schedule === undefined ? '' : `, schedule ${schedule.id} ${JSON.stringify(schedule.config)}`}`);
  if (knownL !== undefined) out(`L = ${fmt(knownL)} at the start (Hessian power iteration), so γ = 1/L = ${fmt(suggestStepSize(knownL))} guarantees descent there`);
  const lrUsed = typeof optimizer.config.lr === 'number' ? fmt(optimizer.config.lr) : JSON.stringify(optimizer.config.lr);
  if (lrSource === '1/L') out(`step size γ = ${lrUsed} = 1/L (pass --lr to choose another)`);
  else if (lrSource === 'default') out(`step size γ = ${lrUsed}, the ${optimizer.id} default${knownL === undefined && !opts.optimizer.startsWith('adam') ? ' (L could not be estimated at the start)' : ''}; pass --lr to choose another`);
  else if (schedule === undefined) out(`step size γ = ${lrUsed} (--lr)`);
  if (schedule !== undefined) out(`Robbins–Monro: ${checkRobbinsMonro(schedule).satisfied ? 'satisfied' : 'not satisfied'} (${checkRobbinsMonro(schedule).reason})`);
  out();
  const every = integerFlag('--every', opts.every, Math.max(1, Math.ceil(trajectory.length / 25)), { min: 1, max: 1_000_000_000 });
  const rows = trajectory.filter((t, i) => t.step % every === 0 || i === trajectory.length - 1);
  const table = rows.map((r) => [String(r.step), fmt(r.value), fmt(r.gradNorm), ...r.theta.map(fmt)]);
  const head = ['step', 'g', '|grad g|', ...vars];
  const width = head.map((h, j) => Math.max(h.length, ...table.map((r) => (r[j] as string).length)));
  out(head.map((h, j) => h.padStart(width[j] as number)).join('  '));
  for (const r of table) out(r.map((c, j) => c.padStart(width[j] as number)).join('  '));
  out();
  const why = result.reason === 'converged' ? `converged after ${result.steps} step(s) (|grad g| <= ${opts.tolerance})` : `stopped after ${result.steps} step(s) (--steps)`;
  out(`${why}: ${vars.map((v, i) => `${v} = ${fmt(theta[i] as number)}`).join(', ')}, g = ${fmt(result.value)}`);
  if (violations !== undefined) {
    out(
      violations.length === 0
        ? `the guaranteed decrease g(θ⁺) <= g(θ) − (γ/2)|grad g|² held at every step${opts.verify === 'backtrack' && finalLr !== undefined ? ` (backtracking ended at γ = ${fmt(finalLr)})` : ''}`
        : `the guaranteed decrease failed at ${violations.length} step(s), first at step ${violations[0]?.step ?? 0}: γ is above 1/L`,
    );
  }
}

/**
 * `gradlab optimize "<expression>" --from ... --optimizer adam --lr 0.1 --steps 100 [--json]`:
 * minimises an expression with a built-in (or your own) optimizer and prints the trajectory.
 *
 * @param maps the optimizer and schedule maps to resolve names in (default: the built-ins)
 * @returns the commander command
 */
export function optimizeCommand(maps: OptimizeMaps = {}): Command {
  const optimizers = maps.optimizers ?? builtinOptimizers;
  return new Command('optimize')
    .description('minimise an expression with gradient descent, SGD, momentum or Adam, and print the trajectory')
    .argument('<expression>', 'e.g. "0.5*(theta-2)^2 + 1.5*(theta+1)^2"')
    .option('--from <point>', 'the start: name=value pairs (theta1=1,theta2=-1) or values in variable order (1,-1)')
    .option('--optimizer <id>', `one of ${Object.keys(optimizers).join(', ')}`, 'gd')
    .option('--lr <gamma>', "the learning rate (step size), or 'auto' for 1/L estimated at --from")
    .option('--momentum <mu>', 'momentum factor (sgd, heavy-ball, nesterov)')
    .option('--nesterov', 'Nesterov momentum (sgd)')
    .option('--betas <b1,b2>', 'Adam decay rates, e.g. 0.9,0.999')
    .option('--eps <eps>', 'Adam epsilon')
    .option('--weight-decay <lambda>', 'L2 (sgd, adam) or decoupled (adamw) weight decay')
    .option('--schedule <spec>', 'a learning-rate schedule, e.g. robbins-monro:lr=0.5,beta=0.1,alpha=0.75')
    .option('--steps <n>', 'the largest number of updates', '100')
    .option('--tolerance <eps>', 'stop when |grad g| is below this', '1e-8')
    .option('--every <n>', 'print every n-th step (default: about 25 rows)')
    .option('--verify <mode>', 'gd only: check g(θ⁺) <= g(θ) − (γ/2)|grad g|² at each step and report violations, or backtrack')
    .option('--json', 'machine-readable output with the whole trajectory')
    .addHelpText('after', '\nExamples:\n  gradlab optimize "0.5*(theta-2)^2 + 1.5*(theta+1)^2" --from 5 --lr 0.25\n  gradlab optimize "x^2 + 10*y^2" --from x=3,y=1 --optimizer adam --lr 0.1 --steps 200')
    .action(
      guard('optimize', (source: string, opts: OptimizeOptions) => {
        const out = (line = ''): void => {
          process.stdout.write(line + '\n');
        };
        try {
          run(source, opts, maps, out);
        } catch (error) {
          // A value the library rejects before the first step came from a flag; divergence is a run-time failure.
          if (error instanceof ValueError && !(error instanceof DivergenceError)) throw new UsageError(error.message);
          if (error instanceof DivergenceError) throw new RunError(error.message.replace(/\s*\n\s*/g, ' '));
          throw error;
        }
      }),
    );
}
