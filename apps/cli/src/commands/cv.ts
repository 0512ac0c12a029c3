import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { builtinDatasets, builtinMetrics, crossValidate, learningCurve, validationCurve } from '@gradlab/data';
import { svgPlot } from '../svg/plot.ts';
import type { ModelFlags } from './fit.ts';
import { MODEL_KINDS, UsageError, isClassifier, loadData, makeModel, modelKind, numberFlag, numberList, reportError, withModelFlags } from './fit.ts';

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

async function cv(kindText: string, flags: CvFlags): Promise<void> {
  const kind = modelKind(kindText);
  const data = await loadData(flags.data, flags);
  const k = numberFlag('k', flags.k, 5);
  const seed = numberFlag('seed', flags.seed, 0);
  const degree = numberFlag('degree', flags.degree, 1);
  const lossName = flags.loss ?? (isClassifier(kind) ? 'zeroOne' : 'mse');
  if (!Object.hasOwn(builtinMetrics, lossName)) throw new UsageError(`unknown --loss '${lossName}'; choose one of ${Object.keys(builtinMetrics).join(', ')}`);
  const stratify = isClassifier(kind) && data.classNames !== undefined;
  const out = (line = ''): void => {
    process.stdout.write(line + '\n');
  };
  if (flags.curve === undefined) {
    const r = crossValidate(() => makeModel(kind, degree, flags), data, { k, seed, loss: lossName, stratify });
    if (flags.json === true) {
      process.stdout.write(JSON.stringify({ model: kind, k, loss: lossName, validationLosses: r.validationLosses, trainLosses: r.trainLosses, meanValidationLoss: r.meanValidationLoss, stdValidationLoss: r.stdValidationLoss, meanTrainLoss: r.meanTrainLoss }, null, 2) + '\n');
      return;
    }
    out(`${k}-fold cross-validation of ${kind}${degree > 1 || kind === 'poly' ? ` (M = ${degree})` : ''} on ${data.name ?? flags.data} (${data.t.length} samples), loss ${lossName}`);
    r.validationLosses.forEach((v, i) => out(`  fold ${i + 1}: training ${fmt(r.trainLosses[i] as number)}  validation ${fmt(v)}`));
    out(`  mean validation loss: ${fmt(r.meanValidationLoss)} ± ${fmt(r.stdValidationLoss)}  (mean training loss ${fmt(r.meanTrainLoss)})`);
    return;
  }
  if (flags.curve !== 'degree' && flags.curve !== 'lambda' && flags.curve !== 'size') throw new UsageError(`--curve must be degree, lambda or size, got '${flags.curve}'`);
  const curve = flags.curve;
  const defaults = { degree: '0,1,2,3,4,5,6,7,8,9', lambda: '0.001,0.01,0.1,1,10,100', size: '0.1,0.2,0.4,0.6,0.8,1' };
  const values = numberList('values', flags.values ?? defaults[curve]);
  const points =
    curve === 'size'
      ? learningCurve(() => makeModel(kind, degree, flags), data, { sizes: values, k, seed, loss: lossName, stratify })
      : validationCurve((v: number) => (curve === 'degree' ? makeModel(kind === 'linear' ? 'poly' : kind, v, flags) : makeModel(kind, degree, flags, v)), data, { values, k, seed, loss: lossName, stratify });
  const lower = builtinMetrics[lossName as keyof typeof builtinMetrics].lowerIsBetter;
  const best = points.reduce((a, b) => ((lower ? b.validationMean < a.validationMean : b.validationMean > a.validationMean) ? b : a));
  if (flags.plot !== undefined) {
    const label = curve === 'degree' ? 'model order M' : curve === 'size' ? 'training-set size N' : 'λ';
    const xs = curve === 'lambda' ? values.map((v) => Math.log10(v)) : values;
    writeFileSync(
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
    .action(async (kind: string, flags: CvFlags) => {
      try {
        await cv(kind, flags);
      } catch (error) {
        reportError('cv', error);
      }
    });
}
