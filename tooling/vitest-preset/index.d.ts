import type { ViteUserConfig } from 'vitest/config';

/** Options for {@link definePackageConfig}. */
export interface PackageTestOptions {
  /** Glob patterns of test files; defaults to `src/**\/*.test.ts` and `test/**\/*.test.ts`. */
  include?: string[];
  /** Per-test timeout in milliseconds (default 20 000). */
  testTimeout?: number;
}

/** The shared vitest config of a gradlab package. */
export declare function definePackageConfig(options?: PackageTestOptions): ViteUserConfig;
