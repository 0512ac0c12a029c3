// @ts-check
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Prints `N passed, N failed, N skipped` alone on the last line and writes the same counts to
 * `.vitest-summary.json`. A test file that failed to load (and so ran no test) counts as one
 * failure, as does each unhandled error, so a broken import can never read as a green run.
 */
export class PlainReporter {
  /**
   * @param {ReadonlyArray<import('vitest/node').TestModule>} testModules
   * @param {ReadonlyArray<unknown>} unhandledErrors
   */
  onTestRunEnd(testModules, unhandledErrors) {
    const summary = { passed: 0, failed: 0, skipped: 0 };
    for (const mod of testModules) {
      let count = 0;
      let failedTests = 0;
      for (const test of mod.children.allTests()) {
        count++;
        const state = test.result().state;
        if (state === 'passed') summary.passed++;
        else if (state === 'failed') {
          summary.failed++;
          failedTests++;
        } else summary.skipped++;
      }
      if (count === 0 || (mod.state() === 'failed' && failedTests === 0)) summary.failed++;
    }
    summary.failed += unhandledErrors.length;
    writeFileSync(join(process.cwd(), '.vitest-summary.json'), JSON.stringify(summary) + '\n');
    process.stdout.write(`\n${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped\n`);
  }
}
