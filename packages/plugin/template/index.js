// @gradlab/plugin/template: the files of a new plugin package, and a writer for them. Plain
// JavaScript with no dependencies, so `npm run new-plugin` runs it straight from the repository and
// `gradlab plugins init` from the installed package.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The version range of the @gradlab packages a new plugin asks for (kept equal to this package's version by a test). */
export const GRADLAB_VERSION = '0.1.0';

const NPM_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/**
 * Checks a plugin's npm name and returns the folder name it is written to (the name without its scope).
 * @param {string} name
 * @returns {string}
 */
export function pluginFolderName(name) {
  if (typeof name !== 'string' || name.length > 214 || !NPM_NAME.test(name)) {
    throw new TypeError(`[gradlab/plugin] pluginTemplate: '${String(name)}' is not a valid npm package name (lower case letters, digits, -, ., _ and ~, optionally @scope/). Hint: gradlab-plugin-<what-it-adds>`);
  }
  return name.slice(name.lastIndexOf('/') + 1);
}

const json = (v) => JSON.stringify(v, null, 2) + '\n';

/**
 * The files of a new plugin package: one loss (`cubic`), one optimizer (`sign-sgd`) and one layer
 * (`feature-bias`), each in its own file with a test running its contract's checker, and a test that
 * runs `checkPlugin` on the whole manifest, all under `npm test`.
 * @param {{ name: string, gradlabVersion?: string, description?: string }} options
 * @returns {Record<string, string>} relative path → content
 */
export function pluginTemplate(options) {
  const { name } = options;
  pluginFolderName(name);
  const range = `^${options.gradlabVersion ?? GRADLAB_VERSION}`;
  const description = options.description ?? 'A gradlab plugin: a loss, an optimizer and a layer.';
  const gradlab = ['@gradlab/core-tensor', '@gradlab/losses', '@gradlab/models-nn', '@gradlab/optim', '@gradlab/plugin'];
  const files = {};
  files['package.json'] = json({
    name,
    version: '0.1.0',
    description,
    keywords: ['gradlab', 'gradlab-plugin'],
    license: 'MIT',
    type: 'module',
    exports: { '.': './src/index.js', './package.json': './package.json' },
    files: ['src'],
    scripts: { test: 'vitest run' },
    // Peers: the plugin must use the very copies of the contracts that the host (the gradlab CLI or
    // your program) loads. Install them from npm, or from local tarballs (`npm install ../gradlab-*.tgz`).
    peerDependencies: Object.fromEntries(gradlab.map((p) => [p, range])),
    devDependencies: { ...Object.fromEntries(gradlab.map((p) => [p, range])), vitest: '^4.1.12' },
  });
  files['.gitignore'] = 'node_modules/\n';
  files['README.md'] = `# ${name}

${description}

A [gradlab](https://github.com/gradlab/gradlab) plugin. Its default export is a manifest made by
\`definePlugin\` from \`@gradlab/plugin\`:

| kind | id | file |
| --- | --- | --- |
| loss | \`cubic\` | \`src/cubic.js\` |
| optimizer | \`sign-sgd\` | \`src/sign-sgd.js\` |
| layer | \`feature-bias\` | \`src/feature-bias.js\` |

Rename them, replace the formulas with yours, and keep the tests: \`npm test\` runs each piece's
checker (\`checkLoss\`, \`checkOptimizer\`, \`checkLayer\`) and \`checkPlugin\` on the whole manifest.

## Use it

\`\`\`sh
npm install
npm test
gradlab plugins check .                 # the checker table
gradlab plugins list --plugin .         # every piece and where it came from
\`\`\`

or in \`gradlab.config.json\` of a project: \`{ "plugins": ["${name}"] }\`.
`;
  files['src/index.js'] = `// ${name}: a gradlab plugin. Its default export is the manifest; nothing registers itself on import.
import { definePlugin } from '@gradlab/plugin';
import { cubic } from './cubic.js';
import { featureBias } from './feature-bias.js';
import { signSgd } from './sign-sgd.js';

export { cubic } from './cubic.js';
export { signSgd } from './sign-sgd.js';
export { FeatureBias, featureBias } from './feature-bias.js';

export default definePlugin({
  name: ${JSON.stringify(name)},
  version: '0.1.0',
  description: ${JSON.stringify(description)},
  losses: {
    cubic: (config) => cubic(config),
  },
  optimizers: {
    // The example is the config the checker runs 200 steps of descent with.
    'sign-sgd': { factory: (config) => signSgd(config), example: { lr: 0.01 } },
  },
  layers: {
    'feature-bias': {
      factory: (config, { dtype }) => featureBias(Number(config.features), { dtype }),
      example: { config: { kind: 'feature-bias', features: 3 }, inputShape: [4, 3], outputShape: [4, 3] },
    },
  },
});
`;
  files['src/cubic.js'] = `// The cubic loss |t̂ − t|³: like the quadratic loss, but it punishes large errors harder.
import { abs, pow, sub } from '@gradlab/core-tensor';
import { defineLoss } from '@gradlab/losses';

/**
 * @param {{ reduction?: 'mean' | 'sum' | 'none' }} [options]
 * @returns {import('@gradlab/losses').Loss} a loss with id \`cubic\`
 * @example
 * cubic().forward(tensor([1, 2]), tensor([0, 0])).item(); // (1 + 8) / 2
 */
export function cubic(options = {}) {
  return defineLoss({
    id: 'cubic',
    ...(options.reduction !== undefined ? { reduction: options.reduction } : {}),
    prediction: 'value',
    target: 'real',
    elementwise: (p, t) => pow(abs(sub(p, t)), 3),
  });
}
`;
  files['src/sign-sgd.js'] = `// signSGD (Bernstein et al. 2018): θ ← θ − γ sign(∇), every coordinate moves by ±γ.
import { ValueError } from '@gradlab/core-tensor';
import { elementwiseOptimizer } from '@gradlab/optim';

/**
 * @param {{ lr?: number }} [options] the step size γ > 0 (default 0.01)
 * @returns {import('@gradlab/optim').Optimizer} an optimizer with id \`sign-sgd\`
 * @example
 * const opt = signSgd({ lr: 0.01 });
 */
export function signSgd(options = {}) {
  const lr = options.lr ?? 0.01;
  if (typeof lr !== 'number' || !(lr > 0) || !Number.isFinite(lr)) {
    throw new ValueError(\`Invalid learning rate: \${String(lr)}\`, { pkg: ${JSON.stringify(pluginFolderName(name))}, op: 'signSgd', arg: 'lr', expected: 'a finite number > 0', received: lr });
  }
  return elementwiseOptimizer({
    id: 'sign-sgd',
    config: {},
    lr,
    slots: [],
    update({ param, grad, lr: step }) {
      for (let k = 0; k < param.length; k++) param[k] -= step * Math.sign(grad[k]);
    },
  });
}
`;
  files['src/feature-bias.js'] = `// A learnable per-feature bias: y = x + b, with b [features] broadcast over the batch; b starts at 0.
import { add, ShapeError, zeros } from '@gradlab/core-tensor';
import { Module } from '@gradlab/models-nn';

export class FeatureBias extends Module {
  kind = 'feature-bias';

  /**
   * @param {number} features the size of the last axis
   * @param {{ dtype?: 'float32' | 'float64' }} [options]
   */
  constructor(features, options = {}) {
    super();
    this.features = features;
    this.bias = this.addParameter('bias', zeros([features], { dtype: options.dtype ?? 'float32' }));
  }

  /** @param {import('@gradlab/core-tensor').Tensor} x \`[..., features]\` */
  forward(x) {
    if (x.shape[x.shape.length - 1] !== this.features) {
      throw new ShapeError(\`featureBias expects \${this.features} features on the last axis\`, { pkg: ${JSON.stringify(pluginFolderName(name))}, op: 'featureBias.forward', arg: 'x', expected: \`[..., \${this.features}]\`, received: [...x.shape] });
    }
    return add(x, this.bias.value);
  }

  config() {
    return { kind: this.kind, features: this.features };
  }
}

/**
 * @param {number} features
 * @param {{ dtype?: 'float32' | 'float64' }} [options]
 * @returns {FeatureBias}
 */
export function featureBias(features, options = {}) {
  return new FeatureBias(features, options);
}
`;
  files['test/cubic.test.js'] = `import { tensor } from '@gradlab/core-tensor';
import { checkLoss } from '@gradlab/losses/testing';
import { expect, it } from 'vitest';
import { cubic } from '../src/cubic.js';

it('cubic passes checkLoss with every reduction', () => {
  for (const reduction of ['mean', 'sum', 'none']) expect(checkLoss(cubic({ reduction })).checks).toContain('gradient matches finite differences');
});

it('cubic is |t̂ − t|³', () => {
  expect(cubic().forward(tensor([1, 2]), tensor([0, 0])).item()).toBeCloseTo(4.5, 6);
});
`;
  files['test/sign-sgd.test.js'] = `import { tensor } from '@gradlab/core-tensor';
import { checkOptimizer } from '@gradlab/optim/testing';
import { expect, it } from 'vitest';
import { signSgd } from '../src/sign-sgd.js';

it('sign-sgd passes checkOptimizer', () => {
  const report = checkOptimizer(signSgd({ lr: 0.01 }));
  expect(report.descent.after).toBeLessThan(report.descent.before);
});

it('sign-sgd moves every coordinate by the step size', () => {
  const opt = signSgd({ lr: 0.5 });
  const p = tensor([1, 1], { dtype: 'float64' });
  expect(opt.step(p, tensor([3, -0.01], { dtype: 'float64' }), opt.init(p)).params.toArray()).toEqual([0.5, 1.5]);
});
`;
  files['test/feature-bias.test.js'] = `import { checkLayer } from '@gradlab/models-nn/testing';
import { expect, it } from 'vitest';
import { featureBias } from '../src/feature-bias.js';

it('feature-bias passes checkLayer', () => {
  expect(checkLayer((o) => featureBias(3, o), { inputShape: [4, 3], outputShape: [4, 3] }).checks).toContain('gradient check');
});
`;
  files['test/plugin.test.js'] = `// checkPlugin runs every piece's checker; a failing piece is a row with its first failure.
import { isPluginManifest } from '@gradlab/plugin';
import { checkPlugin } from '@gradlab/plugin/testing';
import { expect, it } from 'vitest';
import plugin from '../src/index.js';

it('the default export is a manifest and every piece passes checkPlugin', () => {
  expect(isPluginManifest(plugin)).toBe(true);
  const rows = checkPlugin(plugin);
  expect(rows.filter((r) => !r.passed)).toEqual([]);
  expect(rows.map((r) => \`\${r.kind}:\${r.id}\`)).toEqual(['loss:cubic', 'optimizer:sign-sgd', 'layer:feature-bias']);
});
`;
  return files;
}

/**
 * Writes {@link pluginTemplate} into `dir` (created; it must not exist or be empty).
 * @param {string} dir the package folder
 * @param {{ name: string, gradlabVersion?: string, description?: string }} options
 * @returns {string[]} the paths written, relative to `dir`
 */
export function writePluginTemplate(dir, options) {
  const files = pluginTemplate(options);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`[gradlab/plugin] writePluginTemplate: ${dir} already exists and is not empty. Hint: choose another --dir or name`);
  }
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return Object.keys(files);
}
