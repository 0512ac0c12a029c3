// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { PlainReporter } from './plain-reporter.js';

/**
 * The vitest config every gradlab package uses: resolves sibling packages from their `source`
 * export condition (no build needed), and adds a reporter that ends with a plain
 * `N passed, N failed, N skipped` line and writes `.vitest-summary.json` for the root summary.
 * Property tests use a fixed fast-check seed (override with `FC_SEED=<n>` or `FC_SEED=random`).
 * @param {import('./index.d.ts').PackageTestOptions} [options]
 */
export function definePackageConfig(options = {}) {
  const conditions = ['source', 'module', 'import', 'node', 'default'];
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      include: options.include ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: options.testTimeout ?? 20_000,
      setupFiles: [fileURLToPath(new URL('./fast-check-seed.js', import.meta.url))],
      reporters: ['default', new PlainReporter()],
    },
  });
}
