import { Command } from 'commander';
import {
  bayesLogLoss,
  bayesRisk,
  builtinPointLosses,
  excessRisk,
  mmseEstimator,
  optimalHardPredictor,
  optimalSoftPredictor,
  populationLogLoss,
  populationLoss,
  powerLoss,
} from '@gradlab/inference';
import type { PointLoss } from '@gradlab/inference';
import { multivariateGaussian } from '@gradlab/prob';
import type { Assignment, JointTable, Value } from '@gradlab/prob';
import { UsageError } from '../cli-error.ts';
import { guarded, jointFromArgs, num, parseValue, withJointOptions } from './prob.ts';
import type { JointArgs } from './prob.ts';

interface InferOptions extends JointArgs {
  gaussian?: string;
  at?: string;
  target?: string;
  loss?: string;
  predict?: string;
  json?: boolean;
}

/** `zero-one,quadratic,power:3` → PointLoss objects; default: 0-1, plus quadratic and absolute for numeric targets. */
function parseLosses(text: string | undefined, numericTarget: boolean): PointLoss[] {
  if (text === undefined) return numericTarget ? [builtinPointLosses['zero-one'](), builtinPointLosses.quadratic(), builtinPointLosses.absolute()] : [builtinPointLosses['zero-one']()];
  return text.split(',').map((name) => {
    const n = name.trim();
    const power = /^power:(\S+)$/.exec(n);
    if (power !== null) return powerLoss(Number(power[1]));
    const make = (builtinPointLosses as Record<string, (() => PointLoss) | undefined>)[n];
    if (make === undefined) throw new UsageError(`--loss: unknown loss '${n}'; choose from ${Object.keys(builtinPointLosses).join(', ')} or power:k`);
    return make();
  });
}

/** `0=1,1=1` (one observed variable) or `0/1=1` (several, in table order) → x ↦ t̂. */
function parsePredictor(text: string, observed: readonly string[]): { predict: (x: Assignment) => Value; entries: { x: Assignment; tHat: Value }[] } {
  const map = new Map<string, Value>();
  const entries: { x: Assignment; tHat: Value }[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*([^=]+?)\s*=\s*(\S+)\s*$/.exec(part);
    const xs = m === null ? [] : (m[1] as string).split('/').map(parseValue);
    if (m === null || xs.length !== observed.length) {
      throw new UsageError(`--predict: cannot read '${part}'; write x=t̂ pairs separated by commas, with the values of ${observed.join('/')} joined by '/': e.g. --predict ${observed.map(() => '0').join('/')}=1`);
    }
    const key = JSON.stringify(xs.map(String));
    map.set(key, parseValue(m[2] as string));
    entries.push({ x: Object.fromEntries(observed.map((n, k) => [n, xs[k] as Value])), tHat: parseValue(m[2] as string) });
  }
  return {
    entries,
    predict: (x) => {
      const key = JSON.stringify(observed.map((n) => String(x[n])));
      const t = map.get(key);
      if (t === undefined) throw new UsageError(`--predict: no prediction for ${observed.map((n) => `${n}=${x[n]}`).join(', ')}`);
      return t;
    },
  };
}

/** Jointly Gaussian (x, t) from `{"mean": [...], "cov": [[...]]}`: the closed-form MMSE estimator. */
function runGaussian(opts: InferOptions): void {
  if (opts.table !== undefined || opts.csv !== undefined) throw new UsageError('give either --gaussian or a table (--table / --csv), not both');
  let spec: unknown;
  try {
    spec = JSON.parse(opts.gaussian as string);
  } catch {
    throw new UsageError(`--gaussian: not valid JSON: ${opts.gaussian}`);
  }
  const { mean, cov } = (spec ?? {}) as { mean?: unknown; cov?: unknown };
  if (!Array.isArray(mean) || !Array.isArray(cov)) throw new UsageError('--gaussian: expected {"mean": [...], "cov": [[...], ...]}');
  const joint = multivariateGaussian(mean as number[], cov as number[][]);
  const target = opts.target === undefined ? joint.dim - 1 : Number(opts.target);
  if (!Number.isInteger(target)) throw new UsageError(`--target: with --gaussian, the index of t (0 to ${joint.dim - 1}), got '${opts.target}'`);
  const tHat = mmseEstimator(joint, { target });
  const losses = opts.loss === undefined ? [builtinPointLosses.quadratic(), builtinPointLosses.absolute()] : parseLosses(opts.loss, true);
  const risks = losses.map((loss) => ({ loss: loss.name, bayesRisk: bayesRisk(joint, loss, { target }) }));
  const at = opts.at === undefined ? undefined : opts.at.split(',').map((v) => {
    const x = Number(v);
    if (v.trim() === '' || !Number.isFinite(x)) throw new UsageError(`--at: expected numbers separated by commas, got '${opts.at}'`);
    return x;
  });
  const prediction = at === undefined ? undefined : { x: at, tHat: tHat(at), posterior: tHat.posterior(at).toString() };
  const result = {
    distribution: joint.toString(),
    target,
    observed: tHat.observed,
    weights: tHat.weights,
    intercept: tHat.intercept,
    errorVariance: tHat.errorVariance,
    hard: risks,
    soft: { conditionalEntropy: bayesLogLoss(joint, { target }) },
    ...(prediction === undefined ? {} : { prediction }),
  };
  if (opts.json === true) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  const out = (line = ''): void => {
    process.stdout.write(line + '\n');
  };
  const xs = tHat.observed.map((i) => `x${i}`);
  out(`jointly Gaussian ${result.distribution}, predicting x${target} from ${xs.join(', ')}:`);
  out();
  out('MMSE estimator (optimal under the quadratic loss, and under |t − t̂|^k: the posterior is symmetric):');
  out(`  t̂(x) = ${num(tHat.intercept)}${tHat.weights.map((w, j) => ` ${w < 0 ? '−' : '+'} ${num(Math.abs(w))}·${xs[j] as string}`).join('')}`);
  out(`  error variance = ${num(tHat.errorVariance)}`);
  for (const r of risks) out(`  Bayes risk under the ${r.loss} loss = ${num(r.bayesRisk)}`);
  out(`optimal soft predictor: p(t | x) = N(t̂(x), ${num(tHat.errorVariance)}); population log-loss = h(t | x) = ${num(result.soft.conditionalEntropy)} nats`);
  if (prediction !== undefined) out(`at x = [${prediction.x.map(num).join(', ')}]: t̂ = ${num(prediction.tHat)}, posterior ${prediction.posterior}`);
}

function runInfer(opts: InferOptions): void {
  if (opts.gaussian !== undefined) {
    runGaussian(opts);
    return;
  }
  const joint: JointTable = jointFromArgs(opts);
  const target = opts.target ?? joint.names.at(-1) ?? '';
  if (!joint.names.includes(target)) throw new UsageError(`--target: '${target}' is not among the variables ${joint.names.join(', ')}`);
  const observed = joint.names.filter((n) => n !== target);
  const tValues = joint.variables.find((v) => v.name === target)?.values ?? [];
  const losses = parseLosses(opts.loss, tValues.every((v) => typeof v === 'number'));
  const options = { target };
  const hard = losses.map((loss) => {
    const tHat = optimalHardPredictor(joint, loss, options);
    return { loss: loss.name, rule: tHat.rule, predictor: tHat.table.map((e) => ({ x: e.x, px: e.px, tHat: e.tHat })), populationLoss: populationLoss(joint, tHat, loss, options), bayesRisk: bayesRisk(joint, loss, options) };
  });
  const q = optimalSoftPredictor(joint, options);
  const soft = {
    predictor: q.table.map((e) => ({ x: e.x, px: e.px, posterior: [...e.posterior.probs] })),
    populationLogLoss: populationLogLoss(joint, q, options),
    conditionalEntropy: bayesLogLoss(joint, options),
  };
  const user = opts.predict === undefined ? undefined : parsePredictor(opts.predict, observed);
  const userLosses = user === undefined ? undefined : losses.map((loss) => ({ loss: loss.name, populationLoss: populationLoss(joint, user.predict, loss, options), excessRisk: excessRisk(joint, user.predict, loss, options) }));
  if (opts.json === true) {
    const result = {
      ...joint.toJSON(),
      target,
      observed,
      targetValues: tValues,
      hard,
      soft,
      ...(user === undefined ? {} : { predictor: { predictions: user.entries, losses: userLosses } }),
    };
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    return;
  }
  const out = (line = ''): void => {
    process.stdout.write(line + '\n');
  };
  const xText = (x: Assignment): string => observed.map((n) => `${n}=${x[n]}`).join(', ');
  out(`joint p(${joint.names.join(', ')}), predicting ${target} from ${observed.join(', ')}:`);
  out(joint.format());
  for (const h of hard) {
    out();
    out(`optimal hard predictor under the ${h.loss} loss (posterior ${h.rule === 'search' ? 'risk minimised over the values' : h.rule}):`);
    for (const e of h.predictor) out(`  t̂(${xText(e.x)}) = ${typeof e.tHat === 'number' ? num(e.tHat) : e.tHat}`);
    out(`  population loss = ${num(h.populationLoss)} = Bayes risk ${num(h.bayesRisk)}`);
  }
  out();
  out('optimal soft predictor q(t | x) = p(t | x):');
  for (const e of soft.predictor) out(`  q(· | ${xText(e.x)}) = [${e.posterior.map(num).join(', ')}] over ${target} = ${tValues.join(', ')}`);
  out(`  population log-loss = ${num(soft.populationLogLoss)} nats = H(${target} | ${observed.join(', ')}) = ${num(soft.conditionalEntropy)}`);
  if (user !== undefined && userLosses !== undefined) {
    out();
    out(`your predictor ${user.entries.map((e) => `t̂(${xText(e.x)}) = ${e.tHat}`).join(', ')}:`);
    for (const u of userLosses) out(`  ${u.loss} loss: population loss = ${num(u.populationLoss)}, excess risk = ${num(u.excessRisk)}`);
  }
}

/** `gradlab infer ...`: optimal predictors and population losses for a known joint p(x, t). */
export function inferCommand(): Command {
  return withJointOptions(new Command('infer'))
    .description('optimal hard and soft predictors, population losses and Bayes risk for a known joint p(x, t) (chapter 2)')
    .option('--gaussian <json>', 'a jointly Gaussian (x, t) instead of a table: \'{"mean":[0,1],"cov":[[1,0.8],[0.8,1]]}\'')
    .option('--at <x>', 'with --gaussian: also predict at this x (the observed components, comma separated)')
    .option('--target <name>', 'the variable to predict (default: the last; with --gaussian, its index)')
    .option('--loss <list>', 'losses, comma separated: zero-one, quadratic, absolute, power:k (default: zero-one, plus quadratic and absolute for numeric targets)')
    .option('--predict <map>', 'also score your own hard predictor, x=t̂ pairs: 0=1,1=1')
    .option('--json', 'machine-readable output')
    .addHelpText('after', "\nExamples:\n  gradlab infer --table '[[0.45,0.05],[0.1,0.4]]' --names x,t\n  gradlab infer --csv joint.csv --target t --loss zero-one --predict 0=1,1=1\n  gradlab infer --gaussian '{\"mean\":[0,1],\"cov\":[[1,0.8],[0.8,1]]}' --at 2")
    .action((opts: InferOptions) => guarded('infer', () => runInfer(opts)));
}
