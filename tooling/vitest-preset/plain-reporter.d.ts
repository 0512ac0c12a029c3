import type { Reporter, TestModule } from 'vitest/node';

/** Prints `N passed, N failed, N skipped` and writes `.vitest-summary.json`. */
export declare class PlainReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void;
}
