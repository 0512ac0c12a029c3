import { Command } from 'commander';
import { builtinDatasets, trainTestSplit, withStandardization } from '@gradlab/data';
import type { Dataset, Estimator } from '@gradlab/data';
import { readCsv } from '@gradlab/data/node';
import {
  lassoRegression,
  linearRegression,
  logisticRegression,
  perceptron,
  polynomialFeatureMap,
  populationLoss,
  ridgeRegression,
  sinusoidPopulation,
  withFeatures,
} from '@gradlab/models-linear';
import type { FeatureModel, Matrix } from '@gradlab/models-linear';
import { optimizerFromSpec } from '@gradlab/optim';
import type { PluginRegistry } from '@gradlab/plugin';
import { collect, pluginRegistry } from '../plugins/load-plugins.ts';
import { svgPlot } from '../svg/plot.ts';
import { columns, regionGrid } from '../svg/region-grid.ts';
import type { PlotSeries } from '../svg/plot.ts';
import { UsageError } from '../cli-error.ts';
import { guard } from '../report-error.ts';
import { integerFlag } from '../integer-flag.ts';
import { createProgress } from '../progress.ts';
import { checkOutputPath, writeOutput } from '../write-output.ts';

/** The model names `gradlab fit` and `gradlab cv` accept. */
export const MODEL_KINDS = ['linear', 'poly', 'ridge', 'lasso', 'perceptron', 'logistic'] as const;
/** The largest polynomial model order M the CLI accepts (the design matrix has M + 1 columns per input). */
export const MAX_DEGREE = 50;
/** One of {@link MODEL_KINDS}. */
export type ModelKind = (typeof MODEL_KINDS)[number];


/** The model options shared by `fit` and `cv`. */
export interface ModelFlags {
  lambda?: string;
  solver?: string;
  optimizer?: string;
  lr?: string;
  epochs?: string;
  batchSize?: string;
  seed: string;
  target?: string;
  header: boolean;
  standardize?: boolean;
  quiet?: boolean;
  json?: boolean;
  /** `--plugin` modules (repeatable). */
  plugin?: string[];
  /** The pieces of the built-ins and the loaded plugins, set by the action before models are made. */
  registry?: PluginRegistry;
}

/** What a model reports while it trains: warnings, and the epoch of gradient training. */
export interface ModelHooks {
  onWarning?: (message: string) => void;
  onEpoch?: (epoch: number) => void;
}

/** A fitted or unfitted model as the CLI sees it: the Estimator contract plus what it prints. */
export interface CliModel extends Estimator {
  loss?(x: Matrix, t: Float64Array): number;
}

/** Parses a finite number flag. */
export function numberFlag(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw new UsageError(`--${name} must be a number, got '${text}'`);
  return v;
}

/** Parses a comma-separated list of numbers. */
export function numberList(name: string, text: string): number[] {
  const parts = text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (parts.length === 0) throw new UsageError(`--${name} needs at least one number`);
  return parts.map((p) => numberFlag(name, p, 0));
}

/**
 * Checks every model flag up front, whichever model reads it, so that a bad value is always a
 * usage error and never silently ignored.
 */
export function checkModelFlags(flags: ModelFlags): void {
  if (flags.lambda !== undefined && !(numberFlag('lambda', flags.lambda, 0) >= 0)) throw new UsageError(`--lambda must be >= 0, got '${flags.lambda}'`);
  if (flags.lr !== undefined && !(numberFlag('lr', flags.lr, 0.1) > 0)) throw new UsageError(`--lr must be > 0, got '${flags.lr}'`);
  integerFlag('--epochs', flags.epochs, 1, { min: 1, max: 1_000_000 });
  integerFlag('--batch-size', flags.batchSize, 1, { min: 1, max: 1e9 });
  integerFlag('--seed', flags.seed, 0, { max: Number.MAX_SAFE_INTEGER });
  if (flags.solver !== undefined && flags.solver !== 'newton' && flags.solver !== 'gradient') throw new UsageError(`--solver must be newton or gradient, got '${flags.solver}'`);
}

/** Checks the model name argument. */
export function modelKind(text: string): ModelKind {
  if (!(MODEL_KINDS as readonly string[]).includes(text)) throw new UsageError(`unknown model '${text}'; choose one of ${MODEL_KINDS.join(', ')}`);
  return text as ModelKind;
}

/** True for the classifiers. */
export function isClassifier(kind: ModelKind): boolean {
  return kind === 'perceptron' || kind === 'logistic';
}

/** Loads `--data`: a built-in data set name, or a CSV file. */
export async function loadData(source: string, flags: Pick<ModelFlags, 'target' | 'header'>, datasets: Readonly<Record<string, () => Dataset>> = builtinDatasets): Promise<Dataset> {
  const builtin = Object.hasOwn(datasets, source) ? datasets[source] : undefined;
  if (builtin !== undefined) return builtin();
  if (!/\.(csv|tsv|txt)$/i.test(source) && !source.includes('/') && !source.includes('\\')) {
    throw new UsageError(`'${source}' is neither a data set (${Object.keys(datasets).join(', ')}) nor a CSV file path`);
  }
  const target = flags.target === undefined ? {} : { target: /^\d+$/.test(flags.target) ? Number(flags.target) : flags.target };
  const { dataset } = await readCsv(source, { header: flags.header, ...target });
  return { ...dataset, name: source };
}

/**
 * Builds a fresh model of the named kind: polynomial features of order `degree` in front of it
 * when degree > 1 (always for `poly`), all maths in @gradlab/models-linear.
 */
export function makeModel(kind: ModelKind, degree: number, flags: ModelFlags, lambdaOverride?: number, hooks: ModelHooks = {}): CliModel {
  const quiet = { onWarning: hooks.onWarning ?? (() => undefined) };
  const lambda = lambdaOverride ?? numberFlag('lambda', flags.lambda, kind === 'ridge' || kind === 'lasso' ? 1 : 0);
  const seed = integerFlag('--seed', flags.seed, 0, { max: Number.MAX_SAFE_INTEGER });
  const epochs = integerFlag('--epochs', flags.epochs, kind === 'perceptron' ? 10 : 200, { min: 1, max: 1_000_000 });
  const lr = flags.lr === undefined ? undefined : numberFlag('lr', flags.lr, 0.1);
  let model: FeatureModel & CliModel;
  switch (kind) {
    case 'linear':
    case 'poly':
      model = linearRegression(quiet);
      break;
    case 'ridge':
      model = ridgeRegression({ lambda, ...quiet });
      break;
    case 'lasso':
      model = lassoRegression({ lambda, ...quiet });
      break;
    case 'perceptron':
      model = perceptron({ epochs, seed, shuffle: true, ...(lr !== undefined ? { lr } : {}), ...quiet });
      break;
    case 'logistic': {
      // Without --solver the model picks Newton for small problems and gradient descent for large ones.
      const solver = flags.solver ?? (flags.optimizer !== undefined ? 'gradient' : undefined);
      if (solver !== undefined && solver !== 'newton' && solver !== 'gradient') throw new UsageError(`--solver must be newton or gradient, got '${solver}'`);
      const batch = flags.batchSize === undefined ? {} : { batchSize: integerFlag('--batch-size', flags.batchSize, 1, { min: 1, max: 1e9 }) };
      const optimizer = optimizerFromSpec({ id: flags.optimizer ?? 'sgd', config: { lr: lr ?? 0.1 } }, flags.registry?.optimizers);
      const onStep = hooks.onEpoch === undefined ? {} : { onStep: (s: { epoch: number }) => hooks.onEpoch?.(s.epoch) };
      model = logisticRegression({ lambda, ...(solver !== undefined ? { solver } : {}), training: { optimizer, epochs, seed, ...batch, ...onStep }, ...quiet });
      break;
    }
  }
  const features = kind === 'poly' || degree > 1;
  const full: CliModel = features ? withFeatures(polynomialFeatureMap(degree, { bias: false }), model) : model;
  return flags.standardize === true ? standardized(full) : full;
}

/** The model behind a standard scaler fitted on its training inputs only (`--standardize`). */
function standardized(inner: CliModel): CliModel {
  const est = withStandardization(() => inner)();
  const loss = inner.loss?.bind(inner);
  return Object.assign(est, loss === undefined ? {} : { loss: (x: Matrix, t: Float64Array) => loss(est.scaler.transform(x), t) });
}

/** The parameters θ of a fitted model (of the inner model, behind the scaler and the features). */
function parameters(model: CliModel): Float64Array {
  let inner: unknown = model;
  if (typeof inner === 'object' && inner !== null && 'estimator' in inner) inner = inner.estimator;
  if (typeof inner === 'object' && inner !== null && 'model' in inner) inner = inner.model;
  return (inner as { theta: Float64Array }).theta;
}

function fmt(v: number | undefined): string {
  if (v === undefined) return '-';
  if (v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-4)) return v.toExponential(4);
  return v.toFixed(6);
}

interface FitFlags extends ModelFlags {
  data: string;
  degree: string;
  validation: string;
  plot?: string;
  json?: boolean;
}

interface FitReport {
  model: string;
  degree: number;
  theta: number[];
  trainLoss: number;
  validationLoss: number | undefined;
  trainError: number | undefined;
  validationError: number | undefined;
  populationLoss: number | undefined;
}

function lossOf(model: CliModel, d: Dataset | undefined): number | undefined {
  if (d === undefined || d.t.length === 0) return undefined;
  if (model.loss !== undefined) return model.loss(d.x, d.t);
  // the perceptron has no soft prediction: report its detection-error (0-1) loss
  return 1 - (model.score?.(d.x, d.t) ?? 0);
}

function plotFit(path: string, kind: ModelKind, data: Dataset, train: Dataset, fitted: { degree: number; model: CliModel }[]): void {
  const d = data.x.shape[1];
  const classifier = isClassifier(kind);
  const name = data.name ?? 'data';
  if (!classifier && d === 1) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of data.x.data) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const grid = Float64Array.from({ length: 200 }, (_, i) => lo + ((hi - lo) * i) / 199);
    const gx: Matrix = { data: grid, shape: [200, 1] };
    const series: PlotSeries[] = [{ kind: 'scatter', x: train.x.data, y: train.t, label: 'training data' }];
    if (data.name === 'sinusoid') series.push({ kind: 'line', x: grid, y: sinusoidPopulation().optimalPredictor(gx), label: 'sin(2πx)', color: '#2ca02c', dashed: true });
    for (const f of fitted) series.push({ kind: 'line', x: grid, y: Float64Array.from(f.model.predict(gx)), label: `M = ${f.degree}` });
    const ts = Array.from(train.t);
    const span = Math.max(...ts) - Math.min(...ts) || 1;
    writeOutput(path, svgPlot({ title: `${kind} fit on ${name}`, xLabel: data.featureNames[0] ?? 'x', yLabel: data.targetName, series, yRange: [Math.min(...ts) - 0.5 * span, Math.max(...ts) + 0.5 * span] }));
    return;
  }
  if (d === 2) {
    const model = (fitted.at(-1) as { model: CliModel }).model;
    const n = 120;
    const { gx, gy, cells, xRange, yRange } = regionGrid(data, n);
    const classes = model.predict({ data: cells, shape: [n * n, 2] });
    const [x0, x1] = columns(train);
    writeOutput(
      path,
      svgPlot({
        title: `${kind} decision regions on ${name}`,
        xLabel: data.featureNames[0] ?? 'x0',
        yLabel: data.featureNames[1] ?? 'x1',
        regions: { x: gx, y: gy, classes: Float64Array.from(classes), ...(data.classNames === undefined ? {} : { classNames: data.classNames }) },
        xRange,
        yRange,
        series: [{ kind: 'scatter', x: x0, y: x1, classes: train.t, label: 'training data', ...(data.classNames === undefined ? {} : { classNames: data.classNames }) }],
      }),
    );
    return;
  }
  if (classifier && d === 1) {
    const model = (fitted.at(-1) as { model: CliModel }).model;
    const xs = Array.from(data.x.data);
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const grid = Float64Array.from({ length: 200 }, (_, i) => lo + ((hi - lo) * i) / 199);
    const gx: Matrix = { data: grid, shape: [200, 1] };
    const proba = model.predictProba?.(gx);
    const curve = proba !== undefined ? Float64Array.from({ length: 200 }, (_, i) => proba.data[i * 2 + 1] as number) : Float64Array.from(model.predict(gx));
    writeOutput(path, svgPlot({ title: `${kind} on ${name}`, xLabel: data.featureNames[0] ?? 'x', yLabel: 'p(t = 1 | x)', yRange: [-0.1, 1.1], series: [{ kind: 'scatter', x: train.x.data, y: train.t, classes: train.t, label: 'training data' }, { kind: 'line', x: grid, y: curve, label: model.predictProba !== undefined ? 'soft prediction' : 'hard prediction' }] }));
    return;
  }
  throw new UsageError(`--plot draws fit curves for one input and decision regions for two; ${name} has ${d} inputs`);
}

async function fit(kindText: string, flags: FitFlags): Promise<void> {
  const kind = modelKind(kindText);
  checkModelFlags(flags);
  const degrees = numberList('degree', flags.degree);
  for (const m of degrees) integerFlag('--degree', String(m), 0, { max: MAX_DEGREE });
  if (degrees.length > 1 && kind !== 'poly' && kind !== 'ridge' && kind !== 'lasso') throw new UsageError('several --degree values are for poly, ridge and lasso');
  const fraction = numberFlag('validation', flags.validation, 0.3);
  if (!(fraction >= 0 && fraction < 1)) throw new UsageError(`--validation must be a fraction in [0, 1), got '${flags.validation}'`);
  if (flags.plot !== undefined) checkOutputPath(flags.plot, '--plot');
  const registry = await pluginRegistry(flags);
  flags.registry = registry;
  const data = await loadData(flags.data, flags, registry.datasets);
  const seed = integerFlag('--seed', flags.seed, 0, { max: Number.MAX_SAFE_INTEGER });
  const split = fraction > 0 ? trainTestSplit(data, { train: 1 - fraction, validation: fraction, test: 0, seed, stratify: isClassifier(kind) && data.classNames !== undefined }) : undefined;
  const train = split?.train ?? data;
  const validation = split?.validation;
  const population = data.name === 'sinusoid' ? sinusoidPopulation() : undefined;
  const fitted: { degree: number; model: CliModel }[] = [];
  const reports: FitReport[] = [];
  const progress = createProgress({ quiet: flags.json === true || flags.quiet === true });
  const epochs = integerFlag('--epochs', flags.epochs, kind === 'perceptron' ? 10 : 200, { min: 1, max: 1_000_000 });
  const warnings: string[] = [];
  for (const degree of degrees) {
    const model = makeModel(kind, degree, flags, undefined, { onWarning: (w) => warnings.push(w), onEpoch: (e) => progress.update(e) });
    progress.start(epochs, `fit ${kind}${degrees.length > 1 ? ` M = ${degree}` : ''}`);
    try {
      model.fit(train.x, train.t);
    } finally {
      progress.stop();
    }
    fitted.push({ degree, model });
    const classifier = isClassifier(kind);
    reports.push({
      model: kind,
      degree,
      theta: Array.from(parameters(model)),
      trainLoss: lossOf(model, train) as number,
      validationLoss: lossOf(model, validation),
      trainError: classifier ? 1 - (model.score?.(train.x, train.t) ?? 0) : undefined,
      validationError: classifier && validation !== undefined && validation.t.length > 0 ? 1 - (model.score?.(validation.x, validation.t) ?? 0) : undefined,
      populationLoss: population !== undefined && !classifier ? populationLoss((x) => model.predict(x), population) : undefined,
    });
  }
  if (flags.plot !== undefined) plotFit(flags.plot, kind, data, train, fitted);
  if (flags.quiet !== true) for (const w of new Set(warnings)) process.stderr.write(`gradlab fit: warning: ${w.replace(/^\[gradlab\/[\w-]+\] /, '')}\n`);
  if (flags.json === true) {
    process.stdout.write(JSON.stringify({ data: data.name ?? flags.data, n: data.t.length, train: train.t.length, validation: validation?.t.length ?? 0, standardized: flags.standardize === true, warnings: [...new Set(warnings)], fits: reports }, null, 2) + '\n');
    return;
  }
  const out = (line = ''): void => {
    process.stdout.write(line + '\n');
  };
  const lossName = kind === 'perceptron' ? 'detection-error (0-1) loss' : kind === 'logistic' ? 'log-loss' : 'quadratic loss';
  out(`${kind} on ${data.name ?? flags.data}: ${train.t.length} training samples, ${validation?.t.length ?? 0} validation samples, ${data.x.shape[1]} inputs${flags.standardize === true ? ' (standardised with the training mean and std; θ is on that scale)' : ''}`);
  for (const r of reports) {
    out();
    if (kind === 'poly' || r.degree > 1) out(`M = ${r.degree}`);
    const shown = r.theta.length > 24 ? `${r.theta.slice(0, 12).map((v) => fmt(v)).join(', ')}, ... (${r.theta.length} parameters; --json prints all)` : r.theta.map((v) => fmt(v)).join(', ');
    out(`  θ = [${shown}]`);
    out(`  training ${lossName}:   ${fmt(r.trainLoss)}`);
    if (r.validationLoss !== undefined) out(`  validation ${lossName}: ${fmt(r.validationLoss)}`);
    if (kind === 'logistic') out(`  error rate: training ${fmt(r.trainError)}, validation ${fmt(r.validationError)}`);
    if (r.populationLoss !== undefined) out(`  population loss L_p:  ${fmt(r.populationLoss)}  (minimum σ² = ${fmt(population?.noiseVariance)})`);
  }
  if (flags.plot !== undefined) {
    out();
    out(`wrote ${flags.plot}`);
  }
}

/** Adds the model flags shared by `fit` and `cv`. */
export function withModelFlags(cmd: Command): Command {
  return cmd
    .option('--plugin <module>', 'load a plugin (package name or path; repeatable); its optimizers and data sets become selectable', collect, [])
    .option('--lambda <λ>', 'regularisation λ of L_D(θ) + (λ/N)R(θ) (ridge, lasso: default 1; logistic: default 0)')
    .option('--solver <name>', 'logistic: newton (default up to 300 parameters) or gradient')
    .option('--optimizer <id>', 'logistic with --solver gradient: an optimizer of @gradlab/optim (sgd, adam, ...)')
    .option('--lr <γ>', 'learning rate of the perceptron or of the gradient solver')
    .option('--epochs <n>', 'passes over the data for SGD (perceptron: 10, logistic: 200)')
    .option('--batch-size <S>', 'mini-batch size of the gradient solver (default: full batch)')
    .option('--seed <n>', 'seed for the split, the folds and SGD shuffling', '0')
    .option('--target <column>', 'CSV: the target column, by name or 0-based position (default: the last)')
    .option('--no-header', 'CSV: the first row is data, not column names')
    .option('--standardize', 'standardise each input to mean 0 and std 1, with the mean and std of the training split only')
    .option('-q, --quiet', 'no progress and no warnings on stderr');
}

/** `gradlab fit <model> --data <csv|builtin>`: trains a linear model and reports θ and its losses. */
export function fitCommand(): Command {
  return withModelFlags(
    new Command('fit')
      .description('fit a linear model (least squares, ridge, LASSO, perceptron, logistic regression); print θ, training and validation loss; plot it')
      .argument('<model>', MODEL_KINDS.join(' | '))
      .requiredOption('--data <source>', `a CSV file, or a built-in data set: ${Object.keys(builtinDatasets).join(', ')}`)
      .option('--degree <M>', 'polynomial model order M, or a list (poly: 1,3,9)', '1')
      .option('--validation <fraction>', 'fraction of the data held out for validation (0: none)', '0.3'),
  )
    .option('--plot <file.svg>', 'write the fit curve (one input) or the decision regions (two inputs) as SVG')
    .option('--json', 'machine-readable output')
    .addHelpText('after', "\nExamples:\n  gradlab fit poly --data sinusoid --degree 1,3,9 --validation 0 --plot fit.svg\n  gradlab fit logistic --data blobs --lambda 0.1 --plot boundary.svg\n  gradlab fit ridge --data measurements.csv --target price --lambda 10")
    .action(guard('fit', (kind: string, flags: FitFlags) => fit(kind, flags)));
}
