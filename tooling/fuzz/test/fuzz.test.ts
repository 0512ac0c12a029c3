import { expect, it } from 'vitest';
import { runFuzz } from '../src/fuzz-driver.ts';

const runs = Number(process.env['FUZZ_RUNS'] ?? 12_000);
const seed = Number(process.env['FUZZ_SEED'] ?? 19);
const caseMs = Number(process.env['FUZZ_CASE_MS'] ?? 3000);

it(`every public export answers ${runs} bad or edge inputs with a result or a typed error`, async () => {
  const r = await runFuzz({ seed, runs, caseMs, cap: 2 ** 22 });
  console.log(
    `[fuzz] seed ${seed}: ${r.cases} cases over ${r.exports} exports: ${r.results} results, ${r.typedErrors} typed errors ` +
      `(${Object.entries(r.errorsByClass).map(([k, v]) => `${k} ${v}`).join(', ')}), ${r.failures.length} failures`,
  );
  // One line per failing export (its first failure and how many), then the first few in full.
  const byTarget = new Map<string, { n: number; first: (typeof r.failures)[number] }>();
  for (const f of r.failures) {
    const e = byTarget.get(f.target);
    if (e === undefined) byTarget.set(f.target, { n: 1, first: f });
    else e.n++;
  }
  for (const [t, { n, first }] of byTarget) console.log(`[fuzz] FAIL ${t} x${n}: #${first.index} (${first.args}): ${first.reason}`);
  expect(r.cases).toBe(runs);
  expect(r.failures).toEqual([]);
});
