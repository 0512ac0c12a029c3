import { Command } from 'commander';
import { builtinDatasets, builtinMetrics, crossValidate, learningCurve, validationCurve } from '@gradlab/data';
import type { Estimator } from '@gradlab/data';
import { svgPlot } from '../svg/plot.ts';
import { UsageError } from '../cli-error.ts';
import { guard } from '../report-error.ts';
import { integerFlag } from '../integer-flag.ts';
import { createProgress } from '../progress.ts';
import type { Progress } from '../progress.ts';
import { checkOutputPath, writeOutput } from '../write-output.ts';
import type { CliModel, ModelFlags } from './fit.ts';
import { MAX_DEGREE, MODEL_KINDS, checkModelFlags, isClassifier, loadData, makeModel, modelKind, numberList, withModelFlags } from './fit.ts';

interface CvFlags extends ModelFlags {
  data: string;
  degree: string;
  k: string;
  loss?: string;
  curve?: string;
  values?: string;
  plot?: string;
  json?: boolean;
}

function fmt(v: number): string {
  if (v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-4)) return v.toExponential(4);
  return v.toFixed(6);
}

/** Counts finished fits on the progress reporter: one unit per fold (per curve point). */
function counted(make: () => CliModel, progress: Progress, state: { done: number }): () => Estimator {
  return () => {
    const model = make();
    const fitOnce = model.fit.bind(model);
    model.fit = (x, t) => {
      const r = fitOnce(x, t);
      state.done++;
      progress.update(state.done);
      return r;
    };
    return model;
  };
}

async function cv(kindText: string, flags: CvFlags): Promise<void> {
  const kind = modelKind(kindText);
  checkModelFlags(flags);
  const k = integerFlag('-k', flags.k, 5, { min: 2, max: 100_000 });
  const seed = integerFlag('--seed', flags.seed, 0, { max: Number.MAX_SAFE_INTEGER });
  const degree = integerFlag('--degree', flags.degree, 1, { max: MAX_DEGREE });
  const lossName = flags.loss ?? (isClassifier(kind) ? 'zeroOne' : 'mse');
  if (!Object.hasOwn(builtinMetrics, lossName)) throw new UsageError(`unknown --loss '${lossName}'; choose one of ${Object.keys(builtinMetrics).join(', ')}`);
  if (flags.curve !== undefined && flags.curve !== 'degree' && flags.curve !== 'lambda' && flags.curve !== 'size') throw new UsageError(`--curve must be degree, lambda or size, got '${flags.curve}'`);
  if (flags.plot !== undefined) {
    if (flags.curve === undefined) throw new UsageError('--plot draws a curve: use it with --curve degree, lambda or size');
    checkOutputPath(flags.plot, '--plot');
  }
  const data = await loadData(flags.data, flags);
  const progress = createProgress({ quiet: flags.json === true || flags.quiet === true });
  const warnings = new Set<string>();
  const hooks = { onWarning: (w: string) => void warnings.add(w.replace(/^\[gradlab\/[\w-]+\] /, '')) };
  const state = { done: 0 };
  const report = (): void => {
    if (flags.quiet === true || warnings.size === 0) return;
    for (const w of warnings) process.stderr.write(`gradlab cv: warning (in some folds): ${w}\n`);
  };
  const stratify = isClassifier(kind) && data.classNames !== undefined;
  const out = (line = ''): void => {
    process.stdout.write(line + '\n');
  };
  if (flags.curve === undefined) {
    progress.start(k, `cv ${kind} (${k} folds)`);
    let r: ReturnType<typeof crossValidate>;
    try {
      r = crossValidate(counted(() => makeModel(kind, degree, flags, undefined, hooks), progress, state), data, { k, seed, loss: lossName, stratify });
    } finally {
      progress.stop();
    }
    report();
    if (flags.json === true) {
      process.stdout.write(JSON.stringify({ model: kind, k, loss: lossName, validationLosses: r.validationLosses, trainLosses: r.trainLosses, meanValidationLoss: r.meanValidationLoss, stdValidationLoss: r.stdValidationLoss, meanTrainLoss: r.meanTrainLoss }, null, 2) + '\n');
      return;
    }
    out(`${k}-fold cross-validation of ${kind}${degree > 1 || kind === 'poly' ? ` (M = ${degree})` : ''} on ${data.name ?? flags.data} (${data.t.length} samples), loss ${lossName}`);
    r.validationLosses.forEach((v, i) => out(`  fold ${i + 1}: training ${fmt(r.trainLosses[i] as number)}  validation ${fmt(v)}`));
    out(`  mean validation loss: ${fmt(r.meanValidationLoss)} ± ${fmt(r.stdValidationLoss)}  (mean training loss ${fmt(r.meanTrainLoss)})`);
    return;
  }
  const curve = flags.curve;
  const defaults = { degree: '0,1,2,3,4,5,6,7,8,9', lambda: '0.001,0.01,0.1,1,10,100', size: '0.1,0.2,0.4,0.6,0.8,1' };
  const values = numberList('values', flags.values ?? defaults[curve]);
  if (curve === 'degree') for (const v of values) integerFlag('--values', String(v), 0, { max: MAX_DEGREE });
  if (curve === 'size') for (const v of values) if (!(v > 0) || v > 1e7) throw new UsageError(`--values: training-set sizes must be counts or fractions in (0, 1], got '${v}'`);
  if (curve === 'lambda') for (const v of values) if (v < 0) throw new UsageError(`--values: λ must be >= 0, got '${v}'`);
  progress.start(values.length * k, `${curve === 'size' ? 'learning' : 'validation'} curve of ${kind}`);
  let points: ReturnType<typeof learningCurve>;
  try {
    points =
      curve === 'size'
        ? learningCurve(counted(() => makeModel(kind, degree, flags, undefined, hooks), progress, state), data, { sizes: values, k, seed, loss: lossName, stratify })
        : validationCurve((v: number) => counted(() => (curve === 'degree' ? makeModel(kind === 'linear' ? 'poly' : kind, v, flags, undefined, hooks) : makeModel(kind, degree, flags, v, hooks)), progress, state)(), data, { values, k, seed, loss: lossName, stratify });
  } finally {
    progress.stop();
  }
  report();
  const lower = builtinMetrics[lossName as keyof typeof builtinMetrics].lowerIsBetter;
  const best = points.reduce((a, b) => ((lower ? b.validationMean < a.validationMean : b.validationMean > a.validationMean) ? b : a));
  if (flags.plot !== undefined) {
    const label = curve === 'degree' ? 'model order M' : curve === 'size' ? 'training-set size N' : 'λ';
    const xs = curve === 'lambda' ? values.map((v) => Math.log10(v)) : values;
    writeOutput(
      flags.plot,
      svgPlot({
        title: `${curve === 'size' ? 'learning' : 'validation'} curve of ${kind} on ${data.name ?? flags.data} (${k}-fold)`,
        xLabel: curve === 'lambda' ? 'log10 λ' : label,
        yLabel: lossName,
        series: [
          { kind: 'line', x: xs, y: points.map((p) => p.trainMean), label: 'training' },
          { kind: 'line', x: xs, y: points.map((p) => p.validationMean), label: 'validation' },
        ],
      }),
    );
  }
  if (flags.json === true) {
    process.stdout.write(JSON.stringify({ model: kind, k, loss: lossName, curve, best: best.value, points: points.map((p) => ({ value: p.value, trainMean: p.trainMean, validationMean: p.validationMean, validationStd: p.validationStd })) }, null, 2) + '\n');
    return;
  }
  const symbol = curve === 'degree' ? 'M' : curve === 'size' ? 'N' : 'λ';
  out(`${curve === 'size' ? 'learning' : 'validation'} curve of ${kind} over ${symbol} on ${data.name ?? flags.data}: ${k}-fold, loss ${lossName}`);
  out(`  ${symbol.padStart(8)}  ${'training'.padStart(12)}  ${'validation'.padStart(12)}  ${'± std'.padStart(12)}`);
  for (const p of points) out(`  ${String(p.value).padStart(8)}  ${fmt(p.trainMean).padStart(12)}  ${fmt(p.validationMean).padStart(12)}  ${fmt(p.validationStd).padStart(12)}`);
  if (curve !== 'size') out(`  best ${symbol} = ${best.value} (validation loss ${fmt(best.validationMean)})`);
  if (flags.plot !== undefined) out(`wrote ${flags.plot}`);
}

/** `gradlab cv <model> --data <csv|builtin>`: K-fold cross-validation and validation curves. */
export function cvCommand(): Command {
  return withModelFlags(
    new Command('cv')
      .description('K-fold cross-validation of a linear model, a validation curve over the model order M or λ, or a learning curve over N')
      .argument('<model>', MODEL_KINDS.join(' | '))
      .requiredOption('--data <source>', `a CSV file, or a built-in data set: ${Object.keys(builtinDatasets).join(', ')}`)
      .option('--degree <M>', 'polynomial model order M', '1')
      .option('-k, --k <K>', 'number of folds', '5')
      .option('--loss <metric>', 'validation loss: mse (regression default), zeroOne (classifier default), logLoss, accuracy, ...')
      .option('--curve <param>', 'sweep degree (M) or lambda (λ) for a validation curve, or size (N) for a learning curve')
      .option('--values <list>', 'the values swept (degree: 0..9; lambda: 0.001..100; size: counts or fractions of the training folds)'),
  )
    .option('--plot <file.svg>', 'with --curve: write the training and validation curves as SVG')
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExamples:\n  gradlab cv poly --data sinusoid --degree 3 --k 5\n  gradlab cv poly --data sinusoid --curve degree --values 0,1,3,5,9 --plot curve.svg\n  gradlab cv ridge --data sinusoid --degree 9 --curve lambda\n  gradlab cv logistic --data breast-cancer --curve size --values 20,50,100,200')
    .action(guard('cv', (kind: string, flags: CvFlags) => cv(kind, flags)));
}
