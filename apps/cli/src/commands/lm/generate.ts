import { Command } from 'commander';
import { UsageError } from '../../cli-error.ts';
import { integerFlag } from '../../integer-flag.ts';
import { guard } from '../../report-error.ts';
import { useBackend, withBackendFlag } from '../../backend-flag.ts';
import { numberFlag } from '../fit.ts';
import { readLanguageModel } from './lm-file.ts';

interface GenerateFlags {
  backend?: string;
  model: string;
  prompt: string;
  tokens: string;
  temperature: string;
  topK?: string;
  seed: string;
  cache: boolean;
  json?: boolean;
}

function generate(flags: GenerateFlags): void {
  useBackend(flags.backend);
  const tokens = integerFlag('--tokens', flags.tokens, 200, { min: 1, max: 100_000 });
  const temperature = numberFlag('temperature', flags.temperature, 0.8);
  if (!(temperature >= 0)) throw new UsageError(`--temperature must be >= 0 (0: greedy), got '${flags.temperature}'`);
  const seed = integerFlag('--seed', flags.seed, 0, { min: 0, max: 2 ** 31 });
  const { lm, tokenizer } = readLanguageModel(flags.model);
  const topK = flags.topK === undefined ? undefined : integerFlag('--top-k', flags.topK, 40, { min: 1, max: tokenizer.vocabSize });
  const prompt = tokenizer.encode(flags.prompt);
  if (prompt.length === 0) throw new UsageError('--prompt must not be empty');
  const started = Date.now();
  const made: number[] = [];
  let shown = '';
  if (flags.json !== true) process.stdout.write(flags.prompt);
  lm.generate(prompt, {
    tokens,
    temperature,
    seed,
    cache: flags.cache,
    ...(topK !== undefined ? { topK } : {}),
    onToken: (id) => {
      made.push(id);
      if (flags.json === true) return;
      // Decode the whole continuation and print what is new, so multi-token characters come out whole.
      const text = tokenizer.decode(made);
      const stable = text.endsWith('\uFFFD') ? text.slice(0, -1) : text;
      process.stdout.write(stable.slice(shown.length));
      shown = stable;
    },
  });
  const seconds = (Date.now() - started) / 1000;
  const text = tokenizer.decode(made);
  if (flags.json === true) {
    process.stdout.write(JSON.stringify({ prompt: flags.prompt, text, ids: made, seed, temperature, topK: topK ?? null, cache: flags.cache, seconds, tokensPerSecond: made.length / Math.max(seconds, 1e-9) }, null, 2) + '\n');
    return;
  }
  process.stdout.write(text.slice(shown.length) + '\n');
  process.stderr.write(`${made.length} tokens in ${seconds.toFixed(2)} s (${(made.length / Math.max(seconds, 1e-9)).toFixed(0)} tokens/s, KV cache ${flags.cache ? 'on' : 'off'})\n`);
}

/** `gradlab generate`: streams text from a language model saved by `gradlab train lm`. */
export function generateCommand(): Command {
  return withBackendFlag(new Command('generate')
    .description('generate text from a language model trained with gradlab train lm, streaming tokens as they are made (KV cache)')
    .requiredOption('--model <file>', 'a language model written by gradlab train lm --save')
    .option('--prompt <text>', 'the text to continue', 'In the beginning')
    .option('--tokens <n>', 'tokens to generate', '200')
    .option('--temperature <τ>', 'sampling temperature (0: greedy)', '0.8')
    .option('--top-k <k>', 'sample among the k most likely tokens only')
    .option('--seed <n>', 'seed of the sampling (the same seed gives the same text)', '0')
    .option('--no-cache', 'recompute every position at each step (slower; same text)')
    .option('--json', 'print the text and timing as JSON')
    .addHelpText('after', '\nExample:\n  gradlab generate --model lm.safetensors --prompt "In the beginning" --tokens 300 --temperature 0.8 --top-k 40 --seed 1')
  ).action(guard('generate', generate));
}
