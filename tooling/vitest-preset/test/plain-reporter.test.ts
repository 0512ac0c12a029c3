import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TestModule } from 'vitest/node';
import { PlainReporter } from '../plain-reporter.js';

type State = 'passed' | 'failed' | 'skipped' | 'pending';

/** A stand-in for vitest's TestModule with just what the reporter reads. */
function fakeModule(states: State[], moduleState: 'passed' | 'failed' = 'passed'): TestModule {
  const tests = states.map((state) => ({ result: () => ({ state }) }));
  return { state: () => moduleState, children: { allTests: () => tests[Symbol.iterator]() } } as unknown as TestModule;
}

describe('PlainReporter', () => {
  let dir: string;
  let out: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plain-reporter-'));
    vi.spyOn(process, 'cwd').mockReturnValue(dir);
    out = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      out.push(String(s));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a plain closing line and writes the counts', () => {
    new PlainReporter().onTestRunEnd([fakeModule(['passed', 'passed', 'skipped']), fakeModule(['failed', 'passed'])], []);
    expect(out.join('').trim().split('\n').at(-1)).toBe('3 passed, 1 failed, 1 skipped');
    expect(JSON.parse(readFileSync(join(dir, '.vitest-summary.json'), 'utf8'))).toEqual({ passed: 3, failed: 1, skipped: 1 });
  });

  it('counts a test file that failed to load as a failure', () => {
    new PlainReporter().onTestRunEnd([fakeModule(['passed', 'passed']), fakeModule([], 'failed')], []);
    expect(out.join('')).toContain('2 passed, 1 failed, 0 skipped');
  });

  it('counts unhandled errors as failures', () => {
    new PlainReporter().onTestRunEnd([fakeModule(['passed'])], [new Error('boom'), new Error('bang')]);
    expect(out.join('')).toContain('1 passed, 2 failed, 0 skipped');
  });
});
