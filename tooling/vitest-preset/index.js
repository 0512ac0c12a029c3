// @ts-check
import { defineConfig } from 'vitest/config';
import { PlainReporter } from './plain-reporter.js';

/**
 * The vitest config every gradlab package uses: resolves sibling packages from their `source`
 * export condition (no build needed), and adds a reporter that ends with a plain
 * `N passed, N failed, N skipped` line and writes `.vitest-summary.json` for the root summary.
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
      reporters: ['default', new PlainReporter()],
    },
  });
}
