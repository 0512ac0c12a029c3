import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { noGrad, softmax, tensor, tidy } from '@gradlab/core-tensor';
import { builtinDatasets, standardScalerFromJSON } from '@gradlab/data';
import type { Dataset } from '@gradlab/data';
import { readModel } from '@gradlab/models-nn';
import { RunError, UsageError } from '../../cli-error.ts';
import { guard } from '../../report-error.ts';
import { useBackend, withBackendFlag } from '../../backend-flag.ts';
import { collect, pluginRegistry } from '../../plugins/load-plugins.ts';
import { loadData } from '../fit.ts';

interface PredictFlags {
  plugin?: string[];
  backend?: string;
  model: string;
  data: string;
  target?: string;
  header: boolean;
  json?: boolean;
  limit?: string;
}

function parseMeta<T>(metadata: Record<string, string>, key: string): T | undefined {
  const text = metadata[key];
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new RunError(`the model file's metadata '${key}' is not valid JSON`);
  }
}

async function predict(flags: PredictFlags): Promise<void> {
  const registry = await pluginRegistry(flags);
  useBackend(flags.backend, registry);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(flags.model);
  } catch {
    throw new RunError(`cannot read the model file '${flags.model}'`, 'check the path; train one with gradlab train mlp --save model.safetensors');
  }
  const { model, metadata } = readModel(bytes, { layers: registry.layers });
  const task = metadata['gradlab.task'] ?? 'classification';
  const classes = parseMeta<string[]>(metadata, 'gradlab.classes');
  const scalerJson = parseMeta<unknown>(metadata, 'gradlab.scaler');
  const data: Dataset = await loadData(flags.data, flags, registry.datasets);
  const first = model.namedParameters()[0]?.[1];
  const inputs = first?.shape[1];
  if (inputs !== undefined && data.x.shape[1] !== inputs) {
    throw new UsageError(`the model takes ${inputs} inputs but ${flags.data} has ${data.x.shape[1]} feature columns`, 'pass the same columns the model was trained on (and --target for the target column of a CSV)');
  }
  const x = scalerJson === undefined ? data.x : standardScalerFromJSON(scalerJson).transform(data.x);
  const dtype = model.dtype === 'float64' ? 'float64' : 'float32';
  const out = tidy(() => noGrad(() => model.forward(tensor(x.data, { shape: [...x.shape], dtype }))));
  const n = data.t.length;
  const rows: { prediction: number | string; probabilities?: number[]; target?: number | string }[] = [];
  let correct = 0;
  let sq = 0;
  if (task === 'classification') {
    const p = softmax(out.astype('float64'), -1).toArray() as number[][];
    for (let i = 0; i < n; i++) {
      const probs = p[i] as number[];
      const k = probs.indexOf(Math.max(...probs));
      if (k === data.t[i]) correct++;
      rows.push({ prediction: classes?.[k] ?? k, probabilities: probs.map((v) => Number(v.toPrecision(6))), target: classes?.[data.t[i] as number] ?? (data.t[i] as number) });
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = out.data[i] as number;
      sq += (v - (data.t[i] as number)) ** 2;
      rows.push({ prediction: v, target: data.t[i] as number });
    }
  }
  const summary = task === 'classification' ? { accuracy: correct / n } : { meanSquaredError: sq / n };
  if (flags.json === true) {
    process.stdout.write(JSON.stringify({ model: flags.model, data: data.name ?? flags.data, task, n, ...summary, predictions: rows }, null, 2) + '\n');
    return;
  }
  const limit = flags.limit === undefined ? 10 : Math.max(0, Number(flags.limit) || 0);
  for (const [i, r] of rows.slice(0, limit).entries()) {
    process.stdout.write(`${String(i).padStart(5)}  prediction ${String(r.prediction).padEnd(12)} target ${String(r.target)}${r.probabilities !== undefined ? `  p = ${Math.max(...r.probabilities).toFixed(3)}` : ''}\n`);
  }
  if (rows.length > limit) process.stdout.write(`  ... ${rows.length - limit} more (--json prints all)\n`);
  process.stdout.write(task === 'classification' ? `accuracy on ${n} samples: ${(100 * correct / n).toFixed(2)}%\n` : `mean squared error on ${n} samples: ${(sq / n).toPrecision(6)}\n`);
}

/** `gradlab predict --model m.safetensors --data file.csv`: runs a saved model on data. */
export function predictCommand(): Command {
  return withBackendFlag(new Command('predict')
    .description('run a model saved by gradlab train on data; print predictions and accuracy (or mean squared error)')
    .requiredOption('--model <file>', 'a model file written by gradlab train ... --save')
    .requiredOption('--data <source>', `a CSV file with the same feature columns, or a built-in data set: ${Object.keys(builtinDatasets).join(', ')}`)
    .option('--target <column>', 'CSV: the target column, by name or 0-based position (default: the last)')
    .option('--no-header', 'CSV: the first row is data, not column names')
    .option('--limit <n>', 'rows to print (default 10)')
    .option('--plugin <module>', "load a plugin (repeatable): a model with the plugin's layers loads, its backends and data sets become selectable", collect, [])
    .option('--json', 'print every prediction as JSON')
    .addHelpText('after', '\nExample:\n  gradlab train mlp --data iris --save iris.safetensors && gradlab predict --model iris.safetensors --data iris')
  ).action(guard('predict', predict));
}
