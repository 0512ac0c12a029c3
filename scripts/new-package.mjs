#!/usr/bin/env node
// Lays out one library package under packages/<name> the way every gradlab package looks.
// Usage: node scripts/new-package.mjs <name> "<description>" [sibling ...]
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [name, description, ...siblings] = process.argv.slice(2);
if (!name || !description) {
  console.error('usage: node scripts/new-package.mjs <name> "<description>" [sibling ...]');
  process.exit(2);
}
const dir = join('packages', name);
if (existsSync(join(dir, 'package.json'))) {
  console.error(`${dir} already exists`);
  process.exit(1);
}
mkdirSync(join(dir, 'src'), { recursive: true });
const peer = siblings.includes('core-tensor') ? { '@gradlab/core-tensor': 'workspace:^' } : undefined;
const deps = Object.fromEntries(siblings.filter((s) => s !== 'core-tensor').map((s) => [`@gradlab/${s}`, 'workspace:^']));
const pkg = {
  name: `@gradlab/${name}`,
  version: '0.1.0',
  description,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  files: ['dist'],
  exports: {
    '.': { source: './src/index.ts', types: './dist/index.d.ts', import: './dist/index.js' },
    './package.json': './package.json',
  },
  publishConfig: {
    exports: {
      '.': { types: './dist/index.d.ts', import: './dist/index.js' },
      './package.json': './package.json',
    },
  },
  scripts: {
    build: 'tsup',
    test: 'vitest run --passWithNoTests',
    lint: 'eslint . && publint --strict',
    typecheck: 'tsc -p tsconfig.json',
  },
  ...(Object.keys(deps).length ? { dependencies: deps } : {}),
  ...(peer ? { peerDependencies: peer } : {}),
  devDependencies: {
    ...(peer ? { '@gradlab/core-tensor': 'workspace:*' } : {}),
    '@gradlab/eslint-config': 'workspace:*',
    '@gradlab/tsconfig': 'workspace:*',
    '@gradlab/vitest-preset': 'workspace:*',
    '@types/node': 'catalog:',
    eslint: 'catalog:',
    'fast-check': 'catalog:',
    publint: 'catalog:',
    tsup: 'catalog:',
    typescript: 'catalog:',
    vitest: 'catalog:',
  },
};
writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({ extends: '@gradlab/tsconfig/base.json', include: ['src', 'test', '*.ts'] }, null, 2) + '\n',
);
writeFileSync(
  join(dir, 'tsup.config.ts'),
  `import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  esbuildOptions(options) {
    options.conditions = ['source'];
  },
});
`,
);
writeFileSync(
  join(dir, 'vitest.config.ts'),
  `import { definePackageConfig } from '@gradlab/vitest-preset';

export default definePackageConfig();
`,
);
writeFileSync(
  join(dir, 'eslint.config.js'),
  `import { gradlabConfig } from '@gradlab/eslint-config';

export default gradlabConfig(import.meta.dirname);
`,
);
writeFileSync(join(dir, 'src', 'index.ts'), `// @gradlab/${name}: ${description}\nexport {};\n`);
writeFileSync(
  join(dir, 'README.md'),
  `# @gradlab/${name}\n\n${description}\n\n## Install\n\n\`\`\`sh\nnpm install @gradlab/${name}${peer ? ' @gradlab/core-tensor' : ''}\n\`\`\`\n\n## Status\n\nThis package has no public API yet.\n`,
);
console.log(`created ${dir}`);
