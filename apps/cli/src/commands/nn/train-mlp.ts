import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { noGrad, tensor, ValueError } from '@gradlab/core-tensor';
import { builtinDatasets, standardScaler, trainTestSplit } from '@gradlab/data';
import type { Dataset, StandardScaler } from '@gradlab/data';
import { crossEntropy, quadratic } from '@gradlab/losses';
import type { Loss, LossFactory } from '@gradlab/losses';
import { builtinOptimizers, optimizerFromSpec } from '@gradlab/optim';
import { evaluate, fitAsync, layerFromConfig, manualSeed, mlp, saveModel } from '@gradlab/models-nn';
import type { ActivationName, EpochLog, FitResult, LayerConfig, LayerFactory, Module } from '@gradlab/models-nn';
import { UsageError } from '../../cli-error.ts';
import { integerFlag } from '../../integer-flag.ts';
import { createProgress } from '../../progress.ts';
import { guard } from '../../report-error.ts';
import { parseSchedule } from '../../schedule-flag.ts';
import { stopOnCtrlC } from '../../interrupt.ts';
import { useBackend, withBackendFlag } from '../../backend-flag.ts';
import { checkOutputPath, writeOutput } from '../../write-output.ts';
import { loadData, numberFlag } from '../fit.ts';
import { collect, pluginRegistry } from '../../plugins/load-plugins.ts';
import { lossCurvesSvg, regionsSvg } from './nn-plots.ts';

const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'leaky-relu', 'gelu'] as const;

interface TrainMlpFlags {
  plugin?: string[];
  schedule?: string;
  arch?: string;
  loss?: string;
  backend?: string;
  data: string;
  hidden: string;
  activation: string;
  optimizer: string;
  lr: string;
  epochs: string;
  batchSize: string;
  seed: string;
  validation: string;
  test: string;
  task?: string;
  standardize?: boolean;
  save?: string;
  plot?: string;
  regions?: string;
  dtype: string;
  target?: string;
  header: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** What `train mlp` learns: classes (cross-entropy on C logits) or a real target (quadratic loss). */
export type Task = 'classification' | 'regression';

/** Classification when the data set names classes, or its targets are few small integers. */
export function inferTask(data: Dataset, flag: string | undefined): Task {
  if (flag === 'classification' || flag === 'regression') return flag;
  if (flag !== undefined) throw new UsageError(`--task must be classification or regression, got '${flag}'`);
  if (data.classNames !== undefined) return 'classification';
  const distinct = new Set(data.t);
  return [...distinct].every((v) => Number.isInteger(v) && v >= 0) && distinct.size <= Math.min(50, Math.max(2, data.t.length / 5)) ? 'classification' : 'regression';
}

function scaled(d: Dataset, scaler: StandardScaler | undefined): Dataset {
  if (scaler === undefined) return d;
  return { ...d, x: scaler.transform(d.x) };
}

/**
 * `--arch`: a network from a layer config (JSON text or a .json file), the same config a saved model
 * keeps as its architecture, with the built-in layers and the plugins' layers. Checked on one sample:
 * it must take the data's inputs and give one output per class (or one value).
 */
function archModel(arch: string, layers: Readonly<Record<string, LayerFactory>>, o: { seed: number; dtype: 'float32' | 'float64'; inputs: number; outputs: number }): Module {
  const text = arch.trimStart().startsWith('{') || arch.trimStart().startsWith('[') ? arch : existsSync(arch) ? readFileSync(arch, 'utf8') : undefined;
  if (text === undefined) throw new UsageError(`--arch: '${arch}' is neither JSON nor a file`, 'pass a layer config such as {"kind":"sequential","layers":[{"kind":"linear","inFeatures":2,"outFeatures":8},{"kind":"relu"},{"kind":"linear","inFeatures":8,"outFeatures":2}]}, or a list of layer configs');
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--arch is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const root = (Array.isArray(config) ? { kind: 'sequential', layers: config } : config) as LayerConfig;
  manualSeed(o.seed);
  let model: Module;
  try {
    model = layerFromConfig(root, { layers, dtype: o.dtype });
  } catch (e) {
    if (e instanceof ValueError) throw new UsageError(`--arch: ${e.message}`, "a plugin's layers appear with --plugin <module>");
    throw e;
  }
  let width: number | undefined;
  try {
    width = noGrad(() => model.forward(tensor(new Array<number>(o.inputs).fill(0), { shape: [1, o.inputs], dtype: o.dtype }))).shape[1];
  } catch (e) {
    throw new UsageError(`--arch: the network does not take ${o.inputs} inputs: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  if (width !== o.outputs) throw new UsageError(`--arch: the network gives ${width ?? 'no'} outputs per sample; this task needs ${o.outputs}`, 'end with a linear layer whose outFeatures is the number of classes (1 for regression)');
  return model;
}

async function trainMlp(flags: TrainMlpFlags): Promise<void> {
  const hidden = flags.hidden.trim() === '' ? [] : flags.hidden.split(',').map((s) => integerFlag('--hidden', s.trim(), 0, { min: 1, max: 100_000 }));
  if (!(ACTIVATIONS as readonly string[]).includes(flags.activation)) throw new UsageError(`--activation must be one of ${ACTIVATIONS.join(', ')}, got '${flags.activation}'`);
  const registry = await pluginRegistry(flags);
  useBackend(flags.backend, registry);
  if (!Object.hasOwn(registry.optimizers, flags.optimizer)) throw new UsageError(`--optimizer must be one of ${Object.keys(registry.optimizers).join(', ')}, got '${flags.optimizer}'`, 'a plugin\'s optimizers appear with --plugin <module>');
  if (flags.loss !== undefined && !Object.hasOwn(registry.losses, flags.loss)) throw new UsageError(`--loss must be one of ${Object.keys(registry.losses).join(', ')}, got '${flags.loss}'`);
  const lr = numberFlag('lr', flags.lr, 1e-3);
  if (!(lr > 0)) throw new UsageError(`--lr must be positive, got '${flags.lr}'`);
  const epochs = integerFlag('--epochs', flags.epochs, 30, { min: 1, max: 1_000_000 });
  const batchSize = integerFlag('--batch-size', flags.batchSize, 32, { min: 1, max: 10_000_000 });
  const seed = integerFlag('--seed', flags.seed, 0, { min: 0, max: 2 ** 31 });
  const vFrac = numberFlag('validation', flags.validation, 0.2);
  const tFrac = numberFlag('test', flags.test, 0.2);
  if (!(vFrac >= 0 && tFrac >= 0 && vFrac + tFrac < 1)) throw new UsageError(`--validation and --test are fractions with a sum below 1, got ${vFrac} and ${tFrac}`);
  if (flags.dtype !== 'float32' && flags.dtype !== 'float64') throw new UsageError(`--dtype must be float32 or float64, got '${flags.dtype}'`);
  const dtype = flags.dtype;
  for (const [flag, path] of [['--save', flags.save], ['--plot', flags.plot], ['--regions', flags.regions]] as const) if (path !== undefined) checkOutputPath(path, flag);

  const data = await loadData(flags.data, flags, registry.datasets);
  const task = inferTask(data, flags.task);
  const split = trainTestSplit(data, { train: 1 - vFrac - tFrac, validation: vFrac, test: tFrac, seed, stratify: task === 'classification' });
  const scaler = flags.standardize === true ? standardScaler().fit(split.train.x) : undefined;
  const [train, valid, test] = [split.train, split.validation, split.test].map((d) => scaled(d, scaler)) as [Dataset, Dataset, Dataset];
  const classes = task === 'classification' ? Math.max(2, ...Array.from(data.t, (v) => v + 1)) : 0;
  const outputs = task === 'classification' ? classes : 1;
  const model = flags.arch === undefined
    ? mlp({ sizes: [data.x.shape[1], ...hidden, outputs], activation: flags.activation as ActivationName, seed, dtype })
    : archModel(flags.arch, registry.layers, { seed, dtype, inputs: data.x.shape[1], outputs });
  const schedule = flags.schedule === undefined ? undefined : parseSchedule(flags.schedule, registry.schedules);
  const chosen = flags.loss === undefined ? undefined : (registry.losses[flags.loss] as LossFactory)({});
  if (chosen !== undefined && task === 'classification' && chosen.target !== 'class') {
    throw new UsageError(`--loss ${flags.loss} takes ${chosen.prediction} predictions against ${chosen.target} targets; a classifier network needs a loss of class targets (cross-entropy)`, 'train a regression (--task regression) with it, or leave --loss out');
  }
  const loss: Loss = chosen ?? (task === 'classification' ? crossEntropy() : quadratic());
  const optimizer = optimizerFromSpec({ id: flags.optimizer, config: { lr } }, registry.optimizers);
  const asTensors = (d: Dataset) => ({ x: tensor(d.x.data, { shape: [...d.x.shape], dtype }), y: tensor(d.t, { dtype: task === 'classification' ? 'float64' : dtype }) });

  const quiet = flags.json === true || flags.quiet === true;
  const progress = createProgress({ quiet });
  const stepsPerEpoch = Math.ceil(train.t.length / Math.min(batchSize, train.t.length));
  const ctrlC = stopOnCtrlC('train mlp', quiet);
  let lastVal: number | undefined;
  progress.start(epochs * stepsPerEpoch, `train mlp on ${data.name ?? flags.data}`);
  let result: FitResult;
  try {
    result = await fitAsync(model, asTensors(train), {
      loss,
      optimizer,
      ...(schedule !== undefined ? { schedule } : {}),
      epochs,
      batchSize,
      seed,
      signal: ctrlC.signal,
      ...(valid.t.length > 0 ? { validation: asTensors(valid) } : {}),
      onBatch: (b) => progress.update(b.totalSteps, { epoch: `${b.epoch}/${epochs}`, step: `${b.step}/${b.stepsPerEpoch}`, loss: b.loss, ...(lastVal !== undefined ? { 'val acc': lastVal } : {}) }),
      onEpoch: (e: EpochLog) => {
        lastVal = e.valAccuracy;
      },
    });
  } finally {
    progress.stop();
    ctrlC.release();
  }
  const testMetrics = test.t.length > 0 ? evaluate(model, asTensors(test), loss) : undefined;
  const trainMetrics = evaluate(model, asTensors(train), loss);
  if (flags.save !== undefined) {
    const metadata: Record<string, string> = { 'gradlab.task': task, 'gradlab.features': JSON.stringify(data.featureNames), 'gradlab.target': data.targetName };
    if (data.classNames !== undefined) metadata['gradlab.classes'] = JSON.stringify(data.classNames);
    if (scaler !== undefined) metadata['gradlab.scaler'] = JSON.stringify(scaler.toJSON());
    writeFileSync(flags.save, saveModel(model, metadata));
  }
  if (flags.plot !== undefined) writeOutput(flags.plot, lossCurvesSvg(`${flags.arch === undefined ? `MLP ${[data.x.shape[1], ...hidden, outputs].join('-')}` : 'network'} on ${data.name ?? flags.data}`, result.history), '--plot');
  if (flags.regions !== undefined) {
    if (data.x.shape[1] !== 2 || task !== 'classification') throw new UsageError('--regions draws decision regions of a classifier with two inputs');
    writeOutput(flags.regions, regionsSvg(model, data, scaler, `decision regions of an MLP on ${data.name ?? flags.data}`), '--regions');
  }
  report(flags, { data, task, model, result, train: trainMetrics, test: testMetrics, sizes: [train.t.length, valid.t.length, test.t.length] });
}

interface Report {
  data: Dataset;
  task: Task;
  model: Module;
  result: FitResult;
  train: { loss: number; accuracy?: number };
  test: { loss: number; accuracy?: number } | undefined;
  sizes: [number, number, number];
}

function report(flags: TrainMlpFlags, r: Report): void {
  const last = r.result.history[r.result.history.length - 1];
  if (flags.json === true) {
    process.stdout.write(
      JSON.stringify(
        {
          data: r.data.name ?? flags.data,
          task: r.task,
          architecture: r.model.config(),
          parameters: r.model.numParameters(),
          samples: { train: r.sizes[0], validation: r.sizes[1], test: r.sizes[2] },
          stopped: r.result.stopped,
          steps: r.result.steps,
          history: r.result.history,
          train: r.train,
          test: r.test ?? null,
          saved: flags.save ?? null,
        },
        null,
        2,
      ) + '\n',
    );
    return;
  }
  const out = (line = ''): void => {
    process.stdout.write(line + '\n');
  };
  const pct = (v: number | undefined): string => (v === undefined ? '-' : `${(100 * v).toFixed(2)}%`);
  out(`MLP on ${r.data.name ?? flags.data} (${r.task}): ${r.model.numParameters()} parameters; ${r.sizes[0]} training, ${r.sizes[1]} validation, ${r.sizes[2]} test samples`);
  out(r.model.toString());
  out(`${r.result.stopped === 'aborted' ? 'stopped by Ctrl-C' : 'trained'} after ${r.result.history.length} epochs (${r.result.steps} steps, ${last?.seconds.toFixed(1)} s)`);
  if (last?.valLoss !== undefined) out(`  last epoch: training loss ${last.loss.toFixed(4)}, validation loss ${last.valLoss.toFixed(4)}${last.valAccuracy !== undefined ? `, validation accuracy ${pct(last.valAccuracy)}` : ''}`);
  out(`  training:  loss ${r.train.loss.toFixed(4)}${r.train.accuracy !== undefined ? `, accuracy ${pct(r.train.accuracy)}` : ''}`);
  if (r.test !== undefined) out(`  test:      loss ${r.test.loss.toFixed(4)}${r.test.accuracy !== undefined ? `, accuracy ${pct(r.test.accuracy)}` : ''}`);
  if (flags.save !== undefined) out(`wrote ${flags.save} (gradlab predict --model ${flags.save} --data ...)`);
  if (flags.plot !== undefined) out(`wrote ${flags.plot}`);
  if (flags.regions !== undefined) out(`wrote ${flags.regions}`);
}

/** `gradlab train mlp`: trains a multi-layer perceptron on a built-in data set or a CSV file. */
export function trainMlpCommand(): Command {
  return withBackendFlag(new Command('mlp')
    .description('train a multi-layer perceptron (classification or regression) with a progress bar; print test metrics; save it as safetensors')
    .requiredOption('--data <source>', `a CSV file, or a built-in data set: ${Object.keys(builtinDatasets).join(', ')}`)
    .option('--hidden <widths>', 'hidden layer widths, comma-separated (empty: no hidden layer)', '64')
    .option('--activation <f>', ACTIVATIONS.join(' | '), 'relu')
    .option('--optimizer <id>', `${Object.keys(builtinOptimizers).join(' | ')}, or a plugin's`, 'adam')
    .option('--loss <id>', "the loss (default: cross-entropy for classes, quadratic for values); a built-in's or a plugin's id")
    .option('--plugin <module>', 'load a plugin (package name or path; repeatable): its optimizers, losses and data sets become selectable', collect, [])
    .option('--lr <γ>', 'learning rate', '1e-3')
    .option('--schedule <spec>', "a learning-rate schedule, e.g. robbins-monro:lr=0.5,beta=0.1,alpha=0.75 (overrides --lr); a built-in's or a plugin's")
    .option('--arch <json|file>', "the network as a layer config (JSON, or a .json file), e.g. a saved model's architecture; any built-in or plugin layer; replaces --hidden and --activation")
    .option('--epochs <n>', 'passes over the training data', '30')
    .option('--batch-size <S>', 'mini-batch size', '32')
    .option('--seed <n>', 'seed of the split, the weights and the shuffles', '0')
    .option('--validation <fraction>', 'fraction held out for validation (reported each epoch)', '0.2')
    .option('--test <fraction>', 'fraction held out for the final test metrics', '0.2')
    .option('--task <kind>', 'classification or regression (default: inferred from the targets)')
    .option('--standardize', 'standardize the inputs (mean and std of the training split only; saved with the model)')
    .option('--dtype <dtype>', 'float32 or float64', 'float32')
    .option('--save <file>', 'write the trained model (safetensors, with its architecture and scaler)')
    .option('--plot <file>', 'write the training and validation loss per epoch as SVG')
    .option('--regions <file>', 'two inputs: write the decision regions as SVG')
    .option('--target <column>', 'CSV: the target column, by name or 0-based position (default: the last)')
    .option('--no-header', 'CSV: the first row is data, not column names')
    .option('--json', 'print the result as JSON (no progress)')
    .option('--quiet', 'no progress on stderr')
    .addHelpText('after', '\nExamples:\n  gradlab train mlp --data digits --hidden 64,64 --epochs 30 --save digits.safetensors --plot loss.svg\n  gradlab train mlp --data moons --hidden 16,16 --lr 0.01 --regions moons.svg\n  gradlab train mlp --data moons --plugin ./examples/plugin-focal-loss-lion --arch \'[{"kind":"feature-scale","features":2},{"kind":"linear","inFeatures":2,"outFeatures":16},{"kind":"tanh"},{"kind":"linear","inFeatures":16,"outFeatures":2}]\'\n\nCtrl-C stops after the current step and still saves.')
  ).action(guard('train mlp', trainMlp));
}
