import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-lm-'));
const model = join(dir, 'lm.safetensors');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function gradlab(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GRADLAB_PROGRESS_DELAY_MS: '0' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

interface TrainLmJson {
  vocabSize: number;
  parameters: number;
  steps: number;
  stopped: string;
  trainLoss: number;
  validLoss: number;
  baselines: { unigram: number; bigram: number };
}

const corpus = join(dir, 'corpus.txt');
let trained: TrainLmJson;

beforeAll(() => {
  writeFileSync(corpus, 'the cat sat on the mat. the dog sat on the log. '.repeat(40));
  const r = gradlab('train', 'lm', '--corpus', corpus, '--layers', '1', '--d-model', '16', '--heads', '2', '--context', '16', '--batch-size', '8', '--steps', '80', '--lr', '1e-2', '--eval-every', '40', '--save', model, '--plot', join(dir, 'lm.svg'), '--json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  trained = JSON.parse(r.stdout) as TrainLmJson;
}, 120_000);

describe('gradlab train lm / generate / attention (built binary)', () => {
  it('trains a character model below the unigram baseline and reports the baselines', () => {
    expect(trained.steps).toBe(80);
    expect(trained.stopped).toBe('completed');
    expect(trained.validLoss).toBeLessThan(trained.baselines.unigram);
    expect(readFileSync(join(dir, 'lm.svg'), 'utf8')).toContain('bigram baseline');
  });

  it('generate: the same seed gives the same text, with and without the KV cache', () => {
    const run = (...extra: string[]) => JSON.parse(gradlab('generate', '--model', model, '--prompt', 'the ', '--tokens', '30', '--temperature', '0.8', '--top-k', '10', '--seed', '1', '--json', ...extra).stdout) as { text: string; ids: number[] };
    const a = run();
    expect(a.ids).toHaveLength(30);
    expect(run().text).toBe(a.text);
    expect(run('--no-cache').text).toBe(a.text);
    const streamed = gradlab('generate', '--model', model, '--prompt', 'the ', '--tokens', '30', '--temperature', '0.8', '--top-k', '10', '--seed', '1');
    expect(streamed.stdout).toBe(`the ${a.text}\n`);
    expect(streamed.stderr).toMatch(/30 tokens in [\d.]+ s \(\d+ tokens\/s, KV cache on\)/);
  });

  it('attention: weights per query sum to 1, only over earlier positions; writes a heatmap', () => {
    const svg = join(dir, 'att.svg');
    const r = gradlab('attention', '--model', model, '--text', 'the cat', '--layer', '0', '--head', '1', '--plot', svg, '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { tokens: string[]; weights: number[][] };
    expect(j.tokens.join('')).toBe('the cat');
    j.weights.forEach((row, t) => {
      expect(row.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 5);
      row.slice(t + 1).forEach((w) => expect(w).toBe(0));
    });
    expect(readFileSync(svg, 'utf8')).toContain('attention of layer 0, head 1');
  });

  it('answers bad input with one line and exit code 1 or 2', () => {
    expect(gradlab('train', 'lm', '--d-model', '10', '--heads', '4').status).toBe(2);
    expect(gradlab('train', 'lm', '--corpus', join(dir, 'missing.txt'), '--steps', '1').status).toBe(1);
    expect(gradlab('attention', '--model', model, '--text', 'the cat', '--layer', '5').status).toBe(1);
    const notLm = gradlab('generate', '--model', join(dir, 'missing.safetensors'));
    expect(notLm.status).toBe(1);
    expect(notLm.stderr.trim().split('\n')).toHaveLength(1);
  });
});
