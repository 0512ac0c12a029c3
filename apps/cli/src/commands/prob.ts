import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { GradlabError, rng } from '@gradlab/core-tensor';
import { evaluate, parse, variables } from '@gradlab/core-tensor/symbolic';
import { builtinDistributions, jointFromSamples, jointTable } from '@gradlab/prob';
import type { Assignment, Distribution, JointTable, Value } from '@gradlab/prob';
import { RunError, UsageError } from '../cli-error.ts';
import { guard } from '../report-error.ts';
import { integerFlag } from '../integer-flag.ts';


/** How a joint is given on the command line. */
export interface JointArgs {
  table?: string;
  names?: string;
  values?: string;
  csv?: string;
  normalize?: boolean;
}

/** '0' → 0, 'rain' → 'rain'. */
export function parseValue(text: string): Value {
  const t = text.trim();
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : t;
}

/** `x=low,high;t=0,1` → { x: ['low', 'high'], t: [0, 1] }. */
function parseValueLists(text: string): Record<string, Value[]> {
  const out: Record<string, Value[]> = {};
  for (const part of text.split(';')) {
    const m = /^\s*([^=\s]+)\s*=\s*(.+)$/.exec(part);
    if (m === null) throw new UsageError(`--values: cannot read '${part}'; write name=v1,v2 groups separated by ';', e.g. --values 'x=low,high;t=0,1'`);
    out[m[1] as string] = (m[2] as string).split(',').map(parseValue);
  }
  return out;
}

/** `x2=0,x1=1` → { x2: 0, x1: 1 }. */
export function parseAssignment(text: string, flag: string): Assignment {
  const out: Record<string, Value> = {};
  for (const part of text.split(',')) {
    const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(part);
    if (m === null) throw new UsageError(`${flag}: cannot read '${part}'; write name=value pairs separated by commas, e.g. ${flag} x2=0`);
    out[m[1] as string] = parseValue(m[2] as string);
  }
  return out;
}

function splitCsvLine(line: string): string[] {
  return line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

/**
 * Reads a CSV file: with a column named `p` (or `prob`), one row per assignment and its
 * probability; otherwise one row per observation, counted into an empirical joint.
 */
function readCsv(path: string, normalize: boolean): JointTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new RunError(`--csv: cannot read the file '${path}'`, 'check the path');
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  const header = splitCsvLine(lines[0] ?? '');
  if (lines.length < 2 || header.length < 1) throw new UsageError(`--csv: '${path}' needs a header row and at least one data row`);
  const rows = lines.slice(1).map(splitCsvLine);
  rows.forEach((r, i) => {
    if (r.length !== header.length) throw new UsageError(`--csv: row ${i + 2} of '${path}' has ${r.length} cells, the header has ${header.length}`);
  });
  const pCol = header.findIndex((h) => h === 'p' || h === 'prob');
  if (pCol < 0) return jointFromSamples(header, rows.map((r) => r.map(parseValue)));
  const names = header.filter((_h, j) => j !== pCol);
  const valueLists = names.map(() => new Map<string, Value>());
  for (const r of rows) {
    let k = 0;
    r.forEach((cell, j) => {
      if (j === pCol) return;
      const v = parseValue(cell);
      (valueLists[k] as Map<string, Value>).set(String(v), v);
      k++;
    });
  }
  const variables = names.map((name, k) => ({ name, values: [...(valueLists[k] as Map<string, Value>).values()] }));
  const shape = variables.map((v) => v.values.length);
  const probs = new Array<number>(shape.reduce((s, n) => s * n, 1)).fill(0);
  const seen = new Set<number>();
  rows.forEach((r, i) => {
    let flat = 0;
    let k = 0;
    r.forEach((cell, j) => {
      if (j === pCol) return;
      flat = flat * (shape[k] as number) + (variables[k] as { values: Value[] }).values.findIndex((v) => String(v) === String(parseValue(cell)));
      k++;
    });
    if (seen.has(flat)) throw new UsageError(`--csv: row ${i + 2} of '${path}' repeats an assignment`);
    seen.add(flat);
    const p = Number(r[pCol]);
    if (r[pCol] === '' || Number.isNaN(p)) throw new UsageError(`--csv: row ${i + 2} of '${path}': '${r[pCol]}' is not a probability`);
    probs[flat] = p;
  });
  return jointTable({ variables, probs }, { normalize });
}

/** Builds the joint from --table/--names/--values or --csv. */
export function jointFromArgs(args: JointArgs): JointTable {
  const normalize = args.normalize === true;
  if (args.csv !== undefined) {
    if (args.table !== undefined) throw new UsageError('give either --table or --csv, not both');
    return readCsv(args.csv, normalize);
  }
  if (args.table === undefined) throw new UsageError("no joint given: pass --table '[[0.45,0.05],[0.1,0.4]]' (nested JSON, one level per variable) or --csv <file>");
  let probs: unknown;
  try {
    probs = JSON.parse(args.table);
  } catch {
    throw new UsageError(`--table: not valid JSON: ${args.table}`);
  }
  if (!Array.isArray(probs)) throw new UsageError('--table: expected a nested JSON array of probabilities');
  let depth = 0;
  for (let level: unknown = probs; Array.isArray(level); level = (level as unknown[])[0]) depth++;
  const names = args.names === undefined ? Array.from({ length: depth }, (_v, i) => `x${i + 1}`) : args.names.split(',').map((n) => n.trim());
  if (names.length !== depth) throw new UsageError(`--names: ${names.length} names for a table nested ${depth} deep`);
  const values = args.values === undefined ? {} : parseValueLists(args.values);
  const unknown = Object.keys(values).filter((n) => !names.includes(n));
  if (unknown.length > 0) throw new UsageError(`--values: ${unknown.join(', ')} is not among the names ${names.join(', ')}`);
  return jointTable({ variables: names.map((name) => (values[name] === undefined ? name : { name, values: values[name] })), probs: probs as number[][] }, { normalize });
}

/** Up to 6 significant digits. */
export function num(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v);
}

/**
 * Runs an action whose inputs all come from the command line: a value the library rejects (a
 * probability sum other than 1, a negative variance) is a usage error, exit code 2. The library's
 * hint `pass { normalize: true }` is told as the flag every caller of this has, `--normalize`.
 */
export function guarded(command: string, action: () => void): Promise<void> {
  return guard(command, () => {
    try {
      action();
    } catch (error) {
      if (error instanceof GradlabError) {
        throw new UsageError(error.message.replace('pass { normalize: true } to divide by the sum', 'add --normalize to divide by the sum'));
      }
      throw error;
    }
  })();
}

interface JointOptions extends JointArgs {
  given?: string;
  json?: boolean;
}

function describeJoint(joint: JointTable, given: Assignment | undefined) {
  const marginals = joint.names.map((name) => {
    const m = joint.marginal(name);
    return { variable: name, values: m.variables[0]?.values ?? [], probs: m.probabilities(), distribution: m.toDistribution().toString(), table: m.format() };
  });
  const conditionals: { variable: string; given: Assignment; values: readonly Value[]; probs: number[] | null; distribution: string | null; pGiven: number }[] = [];
  for (const a of joint.names) {
    for (const b of joint.names) {
      if (a === b) continue;
      for (const v of joint.variables.find((x) => x.name === b)?.values ?? []) {
        const g = { [b]: v };
        const pGiven = joint.prob(g);
        if (pGiven === 0) {
          conditionals.push({ variable: a, given: g, values: joint.marginal(a).variables[0]?.values ?? [], probs: null, distribution: null, pGiven });
          continue;
        }
        const c = joint.conditional(g, a);
        conditionals.push({ variable: a, given: g, values: c.variables[0]?.values ?? [], probs: c.probabilities(), distribution: c.toDistribution().toString(), pGiven });
      }
    }
  }
  const pairs: { a: string; b: string; independent: boolean; mutualInformation: number }[] = [];
  joint.names.forEach((a, i) => {
    joint.names.slice(i + 1).forEach((b) => pairs.push({ a, b, independent: joint.isIndependent(a, b), mutualInformation: joint.mutualInformation(a, b) }));
  });
  const chain = joint.chainRule();
  const conditioned = given === undefined ? undefined : joint.conditional(given);
  return { marginals, conditionals, pairs, chain, conditioned, entropy: joint.entropy() };
}

function runJoint(opts: JointOptions): void {
  const joint = jointFromArgs(opts);
  const given = opts.given === undefined ? undefined : parseAssignment(opts.given, '--given');
  const d = describeJoint(joint, given);
  const givenText = (g: Assignment): string => Object.entries(g).map(([n, v]) => `${n}=${v}`).join(', ');
  if (opts.json === true) {
    const result = {
      ...joint.toJSON(),
      table: joint.format(),
      marginals: d.marginals.map(({ table: _t, ...m }) => m),
      conditionals: d.conditionals,
      independence: d.pairs,
      entropy: d.entropy,
      chainRule: { order: d.chain.order, maxError: d.chain.maxError },
      ...(d.conditioned === undefined || given === undefined ? {} : { given, conditional: d.conditioned.toJSON() }),
    };
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  const out = (line = ''): void => {
    process.stdout.write(line + '\n');
  };
  out(`joint p(${joint.names.join(', ')}):`);
  out(joint.format());
  out();
  out('marginals:');
  for (const m of d.marginals) out(`  ${m.variable} ~ ${m.distribution}    (${m.values.map((v, k) => `p(${m.variable}=${v}) = ${num(m.probs[k] as number)}`).join(', ')})`);
  out();
  out('conditionals:');
  for (const c of d.conditionals) {
    if (c.probs === null) out(`  ${c.variable} | ${givenText(c.given)}: undefined (p(${givenText(c.given)}) = 0)`);
    else out(`  ${c.variable} | ${givenText(c.given)} ~ ${c.distribution}    (${c.values.map((v, k) => `p(${c.variable}=${v} | ${givenText(c.given)}) = ${num((c.probs as number[])[k] as number)}`).join(', ')})`);
  }
  out();
  out('independence:');
  for (const p of d.pairs) out(`  ${p.a} and ${p.b}: ${p.independent ? 'independent' : 'dependent'}, I(${p.a}; ${p.b}) = ${num(p.mutualInformation)} nats`);
  out();
  out(`chain rule p(${d.chain.order.join(', ')}) = ${d.chain.factors.map((f) => (f.given.length === 0 ? `p(${f.target})` : `p(${f.target} | ${f.given.join(', ')})`)).join(' ')}: max error ${d.chain.maxError.toExponential(1)}`);
  out(`entropy H(${joint.names.join(', ')}) = ${num(d.entropy)} nats`);
  if (d.conditioned !== undefined && given !== undefined) {
    out();
    out(`p(${d.conditioned.names.join(', ')} | ${givenText(given)}):`);
    out(d.conditioned.format());
  }
}

/** Adds the options that describe a joint table. */
export function withJointOptions(cmd: Command): Command {
  return cmd
    .option('--table <json>', "the joint pmf as nested JSON, one level per variable: '[[0.45,0.05],[0.1,0.4]]'")
    .option('--names <list>', 'variable names, comma separated (default x1,x2,...)')
    .option('--values <spec>', "value labels per variable: 'x=low,high;t=0,1' (default 0,1,...)")
    .option('--csv <file>', 'read the joint from a CSV file: columns per variable plus p (one row per assignment), or without p one row per observation (empirical joint)')
    .option('--normalize', 'divide the probabilities by their sum instead of rejecting a sum other than 1');
}

interface DistOptions {
  p?: string;
  probs?: string;
  values?: string;
  mean?: string;
  std?: string;
  variance?: string;
  low?: string;
  high?: string;
  data?: string;
  normalize?: boolean;
  expect?: string;
  samples: string;
  seed: string;
  json?: boolean;
}

function numberFlag(text: string | undefined, flag: string): number {
  const v = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(v)) throw new UsageError(`${flag}: expected a number, got '${text ?? ''}'`);
  return v;
}

function numberList(text: string | undefined, flag: string): number[] {
  if (text === undefined) throw new UsageError(`${flag} is required for this family`);
  return text.split(',').map((x) => numberFlag(x, flag));
}

/** Builds a scalar distribution from the family name and its flags. */
function distributionFromFlags(family: string, o: DistOptions): Distribution<number> | Distribution<Value> {
  switch (family) {
    case 'bernoulli':
      return builtinDistributions.bernoulli(numberFlag(o.p, '--p'));
    case 'categorical':
      return builtinDistributions.categorical<Value>(numberList(o.probs, '--probs'), { ...(o.values === undefined ? {} : { values: o.values.split(',').map(parseValue) }), ...(o.normalize === true ? { normalize: true } : {}) });
    case 'gaussian':
      return builtinDistributions.gaussian(numberFlag(o.mean ?? '0', '--mean'), o.variance === undefined ? numberFlag(o.std ?? '1', '--std') : { variance: numberFlag(o.variance, '--variance') });
    case 'uniform':
      return builtinDistributions.uniform(numberFlag(o.low ?? '0', '--low'), numberFlag(o.high ?? '1', '--high'));
    case 'empirical':
      return builtinDistributions.empirical(numberList(o.data, '--data'));
    default:
      throw new UsageError(`unknown family '${family}'; choose from bernoulli, categorical, gaussian, uniform, empirical`);
  }
}

function runDist(family: string, o: DistOptions): void {
  const d = distributionFromFlags(family, o) as Distribution<Value>;
  const n = integerFlag('--samples', o.samples, 100_000, { min: 1, max: 10_000_000 });
  const seed = integerFlag('--seed', o.seed, 0, { max: Number.MAX_SAFE_INTEGER });
  const numeric = d.support.kind !== 'finite' || d.support.values.every((v) => typeof v === 'number');
  let expectation: { expression: string; value: number } | undefined;
  if (o.expect !== undefined) {
    const expr = parse(o.expect);
    const extra = variables(expr).filter((v) => v !== 'x');
    if (extra.length > 0) throw new UsageError(`--expect: the expression may only use x, not ${extra.join(', ')}`);
    if (!numeric) throw new UsageError('--expect needs numeric values');
    expectation = { expression: o.expect, value: d.expectation((x) => evaluate(expr, { x: x as number })) };
  }
  const draws = d.sample(rng(seed), n);
  const exactMean = numeric ? d.mean() : undefined;
  const exactVariance = numeric ? d.variance() : undefined;
  const sampleMean = numeric ? (draws as number[]).reduce((s, x) => s + x, 0) / n : undefined;
  const frequencies =
    d.support.kind === 'finite'
      ? d.support.values.map((v) => {
          const p = d.prob(v);
          const f = draws.filter((x) => x === v).length / n;
          const se = Math.sqrt((p * (1 - p)) / n);
          return { value: v, prob: p, frequency: f, standardError: se, z: se > 0 ? (f - p) / se : 0 };
        })
      : undefined;
  const meanSe = exactVariance === undefined ? undefined : Math.sqrt(exactVariance / n);
  const result = {
    distribution: d.toString(),
    family: d.family,
    mean: exactMean,
    variance: exactVariance,
    entropy: d.entropy(),
    ...(expectation === undefined ? {} : { expectation }),
    samples: { n, seed, mean: sampleMean, standardError: meanSe, z: sampleMean === undefined || meanSe === undefined ? undefined : (sampleMean - (exactMean as number)) / meanSe, ...(frequencies === undefined ? {} : { frequencies }) },
  };
  if (o.json === true) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  const out = (line = ''): void => {
    process.stdout.write(line + '\n');
  };
  out(`x ~ ${result.distribution}`);
  if (exactMean !== undefined && exactVariance !== undefined) out(`  E[x] = ${num(exactMean)}, Var[x] = ${num(exactVariance)}`);
  out(`  entropy = ${num(result.entropy)} nats`);
  if (expectation !== undefined) out(`  E[${expectation.expression}] = ${num(expectation.value)}`);
  out(`${n} samples (seed ${seed}):`);
  if (sampleMean !== undefined && meanSe !== undefined && exactMean !== undefined) out(`  sample mean ${num(sampleMean)}, ${num(Math.abs(sampleMean - exactMean) / meanSe)} standard errors from E[x]`);
  for (const f of frequencies ?? []) out(`  x = ${f.value}: frequency ${num(f.frequency)} vs p = ${num(f.prob)} (${num(Math.abs(f.z))} standard errors)`);
}

/** `gradlab prob joint ...`: a joint table's marginals, conditionals and independence. */
export function probCommand(): Command {
  const joint = withJointOptions(new Command('joint'))
    .description('print a joint pmf with its marginals, conditionals, independence, chain rule and entropy')
    .option('--given <assignment>', 'also print the conditional of the other variables given these values: x2=0')
    .option('--json', 'machine-readable output')
    .addHelpText('after', "\nExample:\n  gradlab prob joint --table '[[0.45,0.05],[0.1,0.4]]' --names x1,x2")
    .action((opts: JointOptions) => guarded('prob joint', () => runJoint(opts)));
  const dist = new Command('dist')
    .description('a distribution: its mean, variance, entropy, an expectation E[f(x)], and seeded samples against the exact values')
    .argument('<family>', 'bernoulli, categorical, gaussian, uniform or empirical')
    .option('--p <p>', 'bernoulli: Pr[x = 1]')
    .option('--probs <list>', 'categorical: the probabilities, comma separated')
    .option('--values <list>', 'categorical: the values (default 0,1,...)')
    .option('--normalize', 'categorical: divide the probabilities by their sum instead of rejecting a sum other than 1')
    .option('--mean <mu>', 'gaussian: the mean (default 0)')
    .option('--std <sigma>', 'gaussian: the standard deviation (default 1)')
    .option('--variance <v>', 'gaussian: the variance, instead of --std')
    .option('--low <a>', 'uniform: the lower bound (default 0)')
    .option('--high <b>', 'uniform: the upper bound (default 1)')
    .option('--data <list>', 'empirical: the samples, comma separated')
    .option('--expect <expression>', "an expression in x whose expectation to compute, e.g. 'x^2'")
    .option('--samples <n>', 'number of seeded samples', '100000')
    .option('--seed <s>', 'the seed', '0')
    .option('--json', 'machine-readable output')
    .addHelpText('after', "\nExamples:\n  gradlab prob dist categorical --probs 0.1,0.2,0.7 --expect 'x^2'\n  gradlab prob dist gaussian --mean 1 --std 2 --expect 'x^2'")
    .action((family: string, opts: DistOptions) => guarded('prob dist', () => runDist(family, opts)));
  return new Command('prob').description('probability: distributions, joint tables, marginals, conditionals, Bayes (chapter 1)').addCommand(joint).addCommand(dist);
}
