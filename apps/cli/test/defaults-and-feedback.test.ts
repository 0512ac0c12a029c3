import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The rough edges a new user hit (issue 17), each checked on the built binary.
const bin = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gradlab-cli-defaults-'));

function gradlab(args: string[], env: Record<string, string> = {}): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('safe defaults and feedback', () => {
  it('optimize takes γ = 1/L when it can estimate L, and says so', () => {
    const r = gradlab(['optimize', 'x^2', '--from', '1']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('step size γ = 0.5 = 1/L');
    expect(r.stdout).toMatch(/converged after 1 step\(s\).*x = 0,/);
    const adam = gradlab(['optimize', 'x^2', '--from', '1', '--optimizer', 'adam', '--steps', '3']);
    expect(adam.stdout).toMatch(/step size γ = [\d.]+, the adam default/);
  });

  it('fit logistic warns on stderr when the classes are separable (λ = 0), and --quiet silences it', () => {
    const r = gradlab(['fit', 'logistic', '--data', 'breast-cancer']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^gradlab fit: warning: LogisticRegression\.fit: the classes are linearly separable.*Hint: use lambda > 0/m);
    expect(gradlab(['fit', 'logistic', '--data', 'breast-cancer', '--quiet']).stderr).toBe('');
  });

  it('--standardize fits the scaler on the training split and says so', () => {
    const r = gradlab(['fit', 'logistic', '--data', 'breast-cancer', '--standardize', '--lambda', '1', '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { standardized: boolean; fits: { theta: number[]; validationLoss: number }[] };
    expect(j.standardized).toBe(true);
    expect(j.fits[0]?.validationLoss).toBeLessThan(0.2);
    expect(Math.max(...(j.fits[0]?.theta ?? []).map(Math.abs))).toBeLessThan(10);
    const cv = gradlab(['cv', 'logistic', '--data', 'iris', '--standardize', '--json']);
    expect(cv.status).toBe(0);
  });

  it('cv reports progress on stderr (plain lines off a terminal), and none under --json', () => {
    const env = { GRADLAB_PROGRESS_DELAY_MS: '0' };
    const r = gradlab(['cv', 'poly', '--data', 'sinusoid', '--degree', '3', '-k', '5'], env);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^cv poly \(5 folds\): 1\/5 \(20%\) after [\d.]+s$/m);
    expect(r.stderr).toMatch(/5\/5 \(100%\)/);
    expect(gradlab(['cv', 'poly', '--data', 'sinusoid', '--json'], env).stderr).toBe('');
    const curve = gradlab(['cv', 'poly', '--data', 'sinusoid', '--curve', 'degree', '--values', '0,1,3'], env);
    expect(curve.stderr).toMatch(/validation curve of poly: .*15\/15/);
  });

  it('the validation curve over M is drawn on a log axis when the losses span more than 100x', () => {
    const svg = join(dir, 'curve.svg');
    const r = gradlab(['cv', 'poly', '--data', 'sinusoid', '--curve', 'degree', '--plot', svg]);
    expect(r.status).toBe(0);
    expect(readFileSync(svg, 'utf8')).toContain('(log scale)');
  });

  it('the fit plot gives M = 1 and sin(2πx) different colours', () => {
    const svg = join(dir, 'fit.svg');
    expect(gradlab(['fit', 'poly', '--data', 'sinusoid', '--degree', '1,3', '--validation', '0', '--plot', svg]).status).toBe(0);
    const colours = [...readFileSync(svg, 'utf8').matchAll(/class="series-line" fill="none" stroke="([^"]+)"/g)].map((m) => m[1]);
    expect(colours).toHaveLength(3);
    expect(new Set(colours).size).toBe(3);
  });

  it('--plot into a missing folder is one line naming the folder, before any work', () => {
    const r = gradlab(['fit', 'poly', '--data', 'sinusoid', '--plot', join(dir, 'missing', 'fit.svg')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^gradlab fit: --plot: cannot write '.*fit\.svg': the folder '.*missing' does not exist\. Hint: create it first/);
    expect(r.stderr).not.toContain('ENOENT');
    expect(r.stdout).toBe('');
  });

  it('grad reports a non-finite value as an error, exit 1', () => {
    const r = gradlab(['grad', 'log(x)', '--at', 'x=-1']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^gradlab grad: log\(x\) is not finite at x = -1 \(g = NaN/);
  });

  it('prob dist categorical hints at --normalize, which it has', () => {
    const r = gradlab(['prob', 'dist', 'categorical', '--probs', '0.5,0.2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Hint: add --normalize to divide by the sum');
    const ok = gradlab(['prob', 'dist', 'categorical', '--probs', '0.5,0.2', '--normalize', '--samples', '100', '--json']);
    expect(ok.status).toBe(0);
    expect((JSON.parse(ok.stdout) as { mean: number }).mean).toBeCloseTo(0.2 / 0.7, 12);
  });

  it('tour --list lines up its columns, and the tour says how to run its "Try:" lines', () => {
    const list = gradlab(['tour', '--list']).stdout.trim().split('\n');
    const titleAt = list.map((l) => l.search(/\S+\s*$/) >= 0 && l.indexOf(l.trim().split(/\s{2,}/)[2] ?? ''));
    expect(new Set(titleAt).size).toBe(1);
    expect(gradlab(['tour', '--section', 'probability']).stdout).toContain("Try: npm run gradlab -- prob joint --table '[[0.45,0.05],[0.1,0.4]]'");
  });
});
