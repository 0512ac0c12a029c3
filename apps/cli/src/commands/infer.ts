import { Command } from 'commander';
import {
  bayesLogLoss,
  bayesRisk,
  builtinPointLosses,
  excessRisk,
  optimalHardPredictor,
  optimalSoftPredictor,
  populationLogLoss,
  populationLoss,
  powerLoss,
} from '@gradlab/inference';
import type { PointLoss } from '@gradlab/inference';
import type { Assignment, JointTable, Value } from '@gradlab/prob';
import { guarded, jointFromArgs, num, parseValue, UsageError, withJointOptions } from './prob.ts';
import type { JointArgs } from './prob.ts';

interface InferOptions extends JointArgs {
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

function runInfer(opts: InferOptions): void {
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
    .option('--target <name>', 'the variable to predict (default: the last)')
    .option('--loss <list>', 'losses, comma separated: zero-one, quadratic, absolute, power:k (default: zero-one, plus quadratic and absolute for numeric targets)')
    .option('--predict <map>', 'also score your own hard predictor, x=t̂ pairs: 0=1,1=1')
    .option('--json', 'machine-readable output')
    .addHelpText('after', "\nExamples:\n  gradlab infer --table '[[0.45,0.05],[0.1,0.4]]' --names x,t\n  gradlab infer --csv joint.csv --target t --loss zero-one --predict 0=1,1=1")
    .action((opts: InferOptions) => guarded('infer', () => runInfer(opts)));
}
