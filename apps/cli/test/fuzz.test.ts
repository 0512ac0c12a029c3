import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runProgram } from '../src/program.ts';

// About 200 bad command lines, drawn with a fixed seed from the kinds of mistakes a user makes:
// unknown commands and options, missing values, wrong types, NaN/Infinity, huge numbers, missing
// files and malformed expressions. Each must end with exit code 1 or 2 and exactly one line on
// stderr, without a stack trace. They run in-process (the same runProgram as the binary) so the
// whole set takes seconds; the binary's own wiring is tested in cli.test.ts.

/** mulberry32: a tiny seeded generator, so the same cases run every time. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOT_NUMBERS = ['abc', 'NaN', 'Infinity', '-Infinity', '1e400', '-1e999', '', ' ', '1,,2', '0x1g', 'twelve', '∞', '1/0', '--', '1e', '.'];
const BAD_COUNTS = ['1e308', '99999999999999999999', '-5', '0.5', '1e20', '-0.5', '2.5'];
const BAD_EXPRESSIONS = ['x^^2', 'sin(', ')', '', '1 +', 'x y', '(x', 'x**', '2*/x', '@', 'log()', 'x,'];
const MISSING_FILES = ['/nonexistent/data.csv', 'missing-file.csv', './no/such/dir/x.csv'];

/** Valid command lines and, for each, the flags that take a number and how strict they are. */
const BASES: { args: string[]; numbers: string[]; counts: string[] }[] = [
  { args: ['grad', 'x^2 + y', '--at', 'x=1,y=2'], numbers: [], counts: ['--max-nodes'] },
  { args: ['optimize', 'x^2', '--from', '1'], numbers: ['--lr', '--tolerance', '--momentum', '--eps'], counts: ['--steps', '--every'] },
  { args: ['fit', 'poly', '--data', 'sinusoid'], numbers: ['--validation', '--lambda', '--lr'], counts: ['--degree', '--seed', '--epochs', '--batch-size'] },
  { args: ['cv', 'poly', '--data', 'sinusoid'], numbers: [], counts: ['-k', '--degree', '--seed'] },
  { args: ['prob', 'dist', 'gaussian'], numbers: ['--mean', '--std', '--variance'], counts: ['--samples', '--seed'] },
  { args: ['prob', 'dist', 'bernoulli', '--p', '0.3'], numbers: ['--p'], counts: ['--samples'] },
  { args: ['prob', 'dist', 'uniform'], numbers: ['--low', '--high'], counts: ['--samples'] },
  { args: ['prob', 'dist', 'categorical', '--probs', '0.2,0.8'], numbers: ['--probs'], counts: ['--seed'] },
  { args: ['train', 'mlp', '--data', 'xor', '--epochs', '1'], numbers: ['--lr', '--validation', '--test'], counts: ['--epochs', '--batch-size', '--seed', '--hidden'] },
  { args: ['train', 'lm', '--steps', '1', '--layers', '1', '--d-model', '8', '--heads', '2', '--context', '8'], numbers: ['--lr', '--minutes'], counts: ['--steps', '--batch-size', '--layers', '--heads', '--context'] },
  { args: ['nn', 'gradients', '--depth', '2', '--width', '4'], numbers: [], counts: ['--depth', '--width', '--seed'] },
];

function cases(seed: number, n: number): string[][] {
  const r = generator(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const word = (): string => Array.from({ length: 3 + Math.floor(r() * 6) }, () => pick('abcdefghijklmnopqrstuvwxyz'.split(''))).join('');
  const out = new Map<string, string[]>();
  const kinds: (() => string[])[] = [
    () => [word()], // unknown command
    () => ['prob', word()], // unknown subcommand
    () => [...pick(BASES).args, `--${word()}`], // unknown option
    () => {
      const b = pick(BASES.filter((x) => x.numbers.length + x.counts.length > 0));
      return [...b.args, pick([...b.numbers, ...b.counts])]; // an option without its value
    },
    () => {
      const b = pick(BASES.filter((x) => x.numbers.length > 0));
      return [...b.args, pick(b.numbers), pick(NOT_NUMBERS)]; // not a number
    },
    () => {
      const b = pick(BASES.filter((x) => x.counts.length > 0));
      return [...b.args, pick(b.counts), pick([...BAD_COUNTS, ...NOT_NUMBERS])]; // a bad count
    },
    () => [pick(['grad', 'optimize']), pick(BAD_EXPRESSIONS), pick(['--at', '--from']), 'x=1'], // malformed expression
    () => ['prob', 'dist', 'gaussian', '--expect', pick(BAD_EXPRESSIONS.filter((e) => e !== ''))],
    () => [pick(['fit', 'cv']), pick(['poly', 'ridge', 'logistic']), '--data', pick(MISSING_FILES)], // missing data file
    () => ['data', 'describe', pick(MISSING_FILES)],
    () => [pick(['infer', 'prob joint']), '--csv', pick(MISSING_FILES)].flatMap((a) => a.split(' ')),
    () => ['fit', word(), '--data', 'sinusoid'], // unknown model
    () => ['fit', 'poly', '--data', word()], // unknown data set
    () => ['grad', 'x^2', '--at', pick(['x=', 'x', '=1', 'x=abc', 'x=NaN', 'x=Infinity', 'y=1', 'x=1,x'])],
    () => [...pick([['grad', 'log(x)'], ['grad', 'sqrt(x)'], ['grad', 'log(x - 2)'], ['grad', '1/x', '--at', 'x=0'], ['grad', 'log(x) + y', '--at', 'x=0,y=1']]), ...pick([['--at', 'x=-1'], ['--at', 'x=0']])].slice(0, 4), // outside the domain
    () => ['optimize', 'x^2', '--from', pick(['abc', '1,2', 'y=1', 'x=', 'NaN', 'Infinity'])],
    () => ['prob', 'joint', '--table', pick(['[[0.5,0.5]', 'abc', '{}', '[[0.2,0.2],[0.2,0.2]]', '[[-1,2]]', '[]', '[[NaN]]'])],
    () => ['infer', '--gaussian', pick(['{', '{"mean":[0]}', '{"mean":[0,1],"cov":[[1,2],[2,1]]}', '[]'])],
    () => ['tour', '--section', word()],
    () => ['cv', 'poly', '--data', 'sinusoid', '--curve', pick([word(), 'degree --values abc', 'size --values -1', 'degree --values 1e308'])].flatMap((a) => a.split(' ')),
    () => ['cv', 'poly', '--data', 'sinusoid', '--loss', word()],
    () => ['fit', 'poly', '--data', 'sinusoid', '--plot', `/nonexistent-${word()}/plot.svg`],
    () => [...pick([['generate'], ['attention', '--text', 'ab'], ['predict', '--data', 'iris'], ['export', '--onnx', 'm.onnx']]), '--model', pick(MISSING_FILES)], // missing model file
    () => ['train', 'mlp', '--data', pick([word(), ...MISSING_FILES]), '--epochs', '1'],
    () => ['train', 'mlp', '--data', 'xor', '--activation', word()],
    () => ['train', 'lm', '--corpus', pick(MISSING_FILES), '--steps', '1'],
  ];
  for (let guard = 0; out.size < n && guard < 100 * n; guard++) {
    const args = pick(kinds)();
    out.set(JSON.stringify(args), args);
  }
  return [...out.values()];
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const captured = { out: '', err: '' };

beforeEach(() => {
  captured.out = '';
  captured.err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    captured.out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    captured.err += String(s);
    return true;
  });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = 0;
});

async function run(args: string[]): Promise<Run> {
  captured.out = '';
  captured.err = '';
  process.exitCode = 0;
  await runProgram(['node', 'gradlab', ...args]);
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout: captured.out, stderr: captured.err };
}

describe('gradlab on about 200 bad command lines (seed 19)', () => {
  const all = cases(19, 200);

  it('draws about 200 distinct cases', () => {
    expect(all.length).toBeGreaterThanOrEqual(190);
  });

  it('each exits with 1 or 2 and prints one line on stderr, without a stack trace', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    for (const args of all) {
      const r = await run(args);
      const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
      const shown = `gradlab ${args.map((a) => JSON.stringify(a)).join(' ')}`;
      if (r.code !== 1 && r.code !== 2) problems.push(`${shown}: exit code ${r.code}`);
      if (lines.length !== 1) problems.push(`${shown}: ${lines.length} lines on stderr: ${r.stderr.slice(0, 300)}`);
      if (/\n\s+at .+\(.+:\d+:\d+\)/.test(r.stderr) || /^\s+at /m.test(r.stderr)) problems.push(`${shown}: a stack trace`);
      if (/unexpected error/.test(r.stderr)) problems.push(`${shown}: an unexpected error: ${r.stderr.trim()}`);
    }
    expect(problems).toEqual([]);
  });

  it('usage errors exit 2 and data or run-time failures exit 1', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['fit', 'poly', '--data', 'sinusoid', '--degree', 'abc'])).code).toBe(2);
    expect((await run(['grad', 'x^^2', '--at', 'x=1'])).code).toBe(2);
    expect((await run(['fit', 'poly', '--data', '/nonexistent/data.csv'])).code).toBe(1);
    expect((await run(['grad', 'log(x)', '--at', 'x=-1'])).code).toBe(1);
  });
});
