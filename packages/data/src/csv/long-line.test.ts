import { describe, expect, it } from 'vitest';
import { CsvError } from './csv-error.ts';
import { parseCsv } from './parse-csv.ts';

describe('parseCsv on a hostile long line (issue 19)', () => {
  it('reads a 200,000-character line with the wrong delimiter as one column, in one pass', () => {
    // The fuzz report had this input at 40 s (quadratic in the line length); it must be linear:
    // the test's own time limit is the guard, no timing is asserted.
    const line = Array.from({ length: 40_000 }, (_, i) => `${i % 10};1.5`).join(';').slice(0, 200_000);
    const text = `a\n${line}\n${line}\n`;
    let result: ReturnType<typeof parseCsv> | undefined;
    try {
      result = parseCsv(text, { delimiter: ',', target: null });
    } catch (e) {
      expect(e).toBeInstanceOf(CsvError);
    }
    if (result !== undefined) expect(result.dataset.t.length).toBe(2);
  }, 10_000);
});
