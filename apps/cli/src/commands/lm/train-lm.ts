import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { rng } from '@gradlab/core-tensor';
import { loadTextCorpus } from '@gradlab/data';
import { saveModel } from '@gradlab/models-nn';
import { adamw, cosineAnnealing } from '@gradlab/optim';
import { bigramCrossEntropy, charTokenizer, languageModel, trainBpe, trainLanguageModelAsync, unigramCrossEntropy } from '@gradlab/transformer';
import type { LmStepLog, Tokenizer } from '@gradlab/transformer';
import { RunError, UsageError } from '../../cli-error.ts';
import { integerFlag } from '../../integer-flag.ts';
import { createProgress } from '../../progress.ts';
import { guard } from '../../report-error.ts';
import { stopOnCtrlC } from '../../interrupt.ts';
import { useBackend, withBackendFlag } from '../../backend-flag.ts';
import { checkOutputPath, writeOutput } from '../../write-output.ts';
import { numberFlag } from '../fit.ts';
import { linesSvg } from '../nn/nn-plots.ts';
import { TOKENIZER_KEY } from './lm-file.ts';

interface TrainLmFlags {
  backend?: string;
  corpus: string;
  tokenizer: string;
  vocabSize: string;
  layers: string;
  dModel: string;
  heads: string;
  context: string;
  ffn?: string;
  batchSize: string;
  steps: string;
  minutes?: string;
  lr: string;
  seed: string;
  evalEvery: string;
  save?: string;
  plot?: string;
  json?: boolean;
  quiet?: boolean;
}

function corpusText(source: string): { name: string; text: string } {
  if (source === 'genesis') return { name: 'genesis', text: loadTextCorpus().text };
  try {
    return { name: source, text: readFileSync(source, 'utf8') };
  } catch {
    throw new RunError(`cannot read the corpus '${source}'`, 'use --corpus genesis (shipped) or the path of a UTF-8 text file');
  }
}

async function trainLm(flags: TrainLmFlags): Promise<void> {
  useBackend(flags.backend);
  const layers = integerFlag('--layers', flags.layers, 2, { min: 1, max: 64 });
  const dModel = integerFlag('--d-model', flags.dModel, 64, { min: 1, max: 4096 });
  const heads = integerFlag('--heads', flags.heads, 4, { min: 1, max: 64 });
  if (dModel % heads !== 0) throw new UsageError(`--d-model (${dModel}) must be divisible by --heads (${heads})`);
  const context = integerFlag('--context', flags.context, 64, { min: 2, max: 4096 });
  const ffn = flags.ffn === undefined ? 4 * dModel : integerFlag('--ffn', flags.ffn, 4 * dModel, { min: 1, max: 65536 });
  const batchSize = integerFlag('--batch-size', flags.batchSize, 16, { min: 1, max: 4096 });
  const steps = integerFlag('--steps', flags.steps, 1000, { min: 1, max: 10_000_000 });
  const minutes = flags.minutes === undefined ? undefined : numberFlag('minutes', flags.minutes, 5);
  if (minutes !== undefined && !(minutes > 0)) throw new UsageError(`--minutes must be positive, got '${flags.minutes}'`);
  const lr = numberFlag('lr', flags.lr, 3e-3);
  if (!(lr > 0)) throw new UsageError(`--lr must be positive, got '${flags.lr}'`);
  const seed = integerFlag('--seed', flags.seed, 0, { min: 0, max: 2 ** 31 });
  const evalEvery = integerFlag('--eval-every', flags.evalEvery, 100, { min: 1, max: 10_000_000 });
  if (flags.tokenizer !== 'char' && flags.tokenizer !== 'bpe') throw new UsageError(`--tokenizer must be char or bpe, got '${flags.tokenizer}'`);
  for (const [flag, path] of [['--save', flags.save], ['--plot', flags.plot]] as const) if (path !== undefined) checkOutputPath(path, flag);

  const corpus = corpusText(flags.corpus);
  const cut = Math.floor(corpus.text.length * 0.9);
  const trainText = corpus.text.slice(0, cut);
  const validText = corpus.text.slice(cut);
  const tokenizer: Tokenizer = flags.tokenizer === 'char' ? charTokenizer(trainText) : trainBpe(trainText, { vocabSize: integerFlag('--vocab-size', flags.vocabSize, 512, { min: 257, max: 65536 }) });
  const trainIds = tokenizer.encode(trainText);
  const validIds = tokenizer.encode(validText);
  if (trainIds.length <= context + 1) throw new RunError(`the corpus has ${trainIds.length} training tokens, fewer than one window of ${context + 1}`, 'use a longer text or a smaller --context');
  const lm = languageModel({ vocabSize: tokenizer.vocabSize, contextLength: context, dModel, heads, layers, ffn, rng: rng(seed), seed });
  const quiet = flags.json === true || flags.quiet === true;
  const progress = createProgress({ quiet });
  const ctrlC = stopOnCtrlC('train lm', quiet);
  let lastVal: number | undefined;
  progress.start(steps, `train lm on ${corpus.name}`);
  const history: LmStepLog[] = [];
  const optimizer = adamw({ lr: cosineAnnealing({ lr, tMax: steps, etaMin: lr / 10 }), weightDecay: 0.01 });
  let stopped: string;
  let valLoss: number | undefined;
  try {
    const r = await trainLanguageModelAsync(lm, trainIds, {
      optimizer,
      steps,
      batchSize,
      context,
      seed,
      validIds,
      evalEvery,
      ...(minutes !== undefined ? { timeLimitSeconds: minutes * 60 } : {}),
      signal: ctrlC.signal,
      onStep: (log) => {
        if (log.valLoss !== undefined) lastVal = log.valLoss;
        history.push(log);
        progress.update(log.step, { loss: log.loss, ...(lastVal !== undefined ? { 'val loss': lastVal } : {}), 'tok/s': Math.round(log.tokensPerSecond) });
      },
    });
    stopped = r.stopped;
    valLoss = r.valLoss;
  } finally {
    progress.stop();
    ctrlC.release();
  }
  const unigram = unigramCrossEntropy(trainIds, validIds, tokenizer.vocabSize);
  const bigram = bigramCrossEntropy(trainIds, validIds, tokenizer.vocabSize);
  const charsPerToken = validText.length / Math.max(1, validIds.length);
  if (flags.save !== undefined) writeFileSync(flags.save, saveModel(lm, { [TOKENIZER_KEY]: JSON.stringify(tokenizer.toJSON()), 'gradlab.corpus': corpus.name }));
  if (flags.plot !== undefined) {
    const evals = history.filter((h) => h.valLoss !== undefined);
    const svg = linesSvg(`language model on ${corpus.name}: cross-entropy (nats per token)`, 'step', 'loss', history.map((h) => h.step), [{ label: 'training (batch)', y: history.map((h) => h.loss) }]);
    writeOutput(flags.plot, evals.length === 0 ? svg : svgWithValidation(corpus.name, history, evals, bigram), '--plot');
  }
  const last = history[history.length - 1];
  const summary = {
    corpus: corpus.name,
    tokenizer: flags.tokenizer,
    vocabSize: tokenizer.vocabSize,
    parameters: lm.numParameters(),
    steps: history.length,
    stopped,
    seconds: last?.seconds ?? 0,
    tokensPerSecond: last?.tokensPerSecond ?? 0,
    trainLoss: last?.loss ?? NaN,
    validLoss: valLoss ?? null,
    natsPerChar: valLoss === undefined ? null : valLoss / charsPerToken,
    baselines: { unigram, bigram, unigramPerChar: unigram / charsPerToken, bigramPerChar: bigram / charsPerToken },
    saved: flags.save ?? null,
  };
  if (flags.json === true) {
    process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    return;
  }
  const out = (line = ''): void => {
    process.stdout.write(line + '\n');
  };
  out(`language model on ${corpus.name}: ${layers} blocks, d_model ${dModel}, ${heads} heads, context ${context}, ${tokenizer.vocabSize} ${flags.tokenizer} tokens, ${lm.numParameters()} parameters`);
  out(`${stopped === 'aborted' ? 'stopped by Ctrl-C' : stopped === 'time-limit' ? 'stopped at the time limit' : 'trained'} after ${summary.steps} steps in ${summary.seconds.toFixed(1)} s (${Math.round(summary.tokensPerSecond)} tokens/s)`);
  out(`validation cross-entropy: ${valLoss === undefined ? '-' : `${valLoss.toFixed(4)} nats/token`}${summary.natsPerChar === null ? '' : ` (${summary.natsPerChar.toFixed(4)} nats/char)`}`);
  out(`baselines on the same split: unigram ${unigram.toFixed(4)}, bigram ${bigram.toFixed(4)} nats/token`);
  if (flags.save !== undefined) out(`wrote ${flags.save} (gradlab generate --model ${flags.save} --prompt "In the beginning")`);
  if (flags.plot !== undefined) out(`wrote ${flags.plot}`);
}

function svgWithValidation(name: string, history: readonly LmStepLog[], evals: readonly LmStepLog[], bigram: number): string {
  // Validation points sit on the same step axis; the training curve is smoothed over 20 steps.
  const smooth = history.map((_, i) => {
    const from = Math.max(0, i - 19);
    const part = history.slice(from, i + 1);
    return part.reduce((s, h) => s + h.loss, 0) / part.length;
  });
  const steps = history.map((h) => h.step);
  const val = steps.map((s) => evals.find((e) => e.step >= s)?.valLoss ?? NaN);
  return linesSvg(`language model on ${name}: cross-entropy (nats per token)`, 'step', 'loss', steps, [
    { label: 'training (20-step mean)', y: smooth },
    { label: 'validation', y: val },
    { label: 'bigram baseline', y: steps.map(() => bigram) },
  ]);
}

/** `gradlab train lm`: trains a small GPT-style language model on the shipped corpus or a text file. */
export function trainLmCommand(): Command {
  return withBackendFlag(new Command('lm')
    .description('train a small decoder-only transformer language model with a progress bar; report validation cross-entropy beside unigram and bigram baselines')
    .option('--corpus <source>', "'genesis' (shipped, King James Version) or a UTF-8 text file", 'genesis')
    .option('--tokenizer <kind>', 'char or bpe', 'char')
    .option('--vocab-size <n>', 'bpe: vocabulary size', '512')
    .option('--layers <n>', 'transformer blocks', '2')
    .option('--d-model <n>', 'model width', '64')
    .option('--heads <n>', 'attention heads', '4')
    .option('--context <T>', 'context length (tokens per training window)', '64')
    .option('--ffn <n>', 'feed-forward width (default 4 × d-model)')
    .option('--batch-size <n>', 'windows per step', '16')
    .option('--steps <n>', 'optimizer steps (AdamW, cosine schedule)', '1000')
    .option('--minutes <m>', 'stop after this many minutes')
    .option('--lr <γ>', 'peak learning rate', '3e-3')
    .option('--seed <n>', 'seed of the weights and the windows', '0')
    .option('--eval-every <n>', 'steps between validation measurements', '100')
    .option('--save <file>', 'write the model and its tokenizer (safetensors)')
    .option('--plot <file>', 'write the loss curves as SVG')
    .option('--json', 'print the result as JSON (no progress)')
    .option('--quiet', 'no progress on stderr')
    .addHelpText('after', '\nExample:\n  gradlab train lm --corpus genesis --layers 2 --d-model 64 --heads 4 --context 64 --batch-size 16 --steps 2000 --seed 0 --save lm.safetensors --plot lm.svg')
  ).action(guard('train lm', trainLm));
}
