import { ESLint, Linter } from 'eslint';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS, layersPlugin } from '../layers.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

function lint(code: string, file: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: repo });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { gradlab: layersPlugin },
        rules: { 'gradlab/layers': 'error' },
      },
    ],
    { filename: `${repo}${file}` },
  );
}

describe('gradlab/layers lint rule', () => {
  it('rejects an upward import: core-tensor importing prob', () => {
    const messages = lint("import { bernoulli } from '@gradlab/prob';\n", 'packages/core-tensor/src/tensor.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.ruleId).toBe('gradlab/layers');
    expect(messages[0]?.message).toContain('core-tensor (layer 0) must not import prob (layer 1)');
  });

  it('rejects an import within the same layer: losses importing optim', () => {
    const messages = lint("export { sgd } from '@gradlab/optim';\n", 'packages/losses/src/index.ts');
    expect(messages.map((m) => m.message)).toEqual([expect.stringContaining('losses (layer 1) must not import optim (layer 1)')]);
  });

  it('accepts downward imports', () => {
    expect(lint("import { tensor } from '@gradlab/core-tensor';\n", 'packages/prob/src/x.ts')).toEqual([]);
    expect(lint("import { sgd } from '@gradlab/optim';\nimport { tensor } from '@gradlab/core-tensor';\n", 'packages/models-nn/src/x.ts')).toEqual([]);
    expect(lint("import { mlp } from '@gradlab/models-nn';\n", 'packages/transformer/src/x.ts')).toEqual([]);
    expect(lint("import { attention } from '@gradlab/transformer';\n", 'apps/cli/src/x.ts')).toEqual([]);
    expect(lint("import { attention } from '@gradlab/transformer';\n", 'packages/interop/src/x.ts')).toEqual([]);
    expect(lint("import { toOnnx } from '@gradlab/interop';\n", 'apps/cli/src/x.ts')).toEqual([]);
  });

  it('puts plugin beside transformer: it may name the contracts below it, not transformer, and apps may import it', () => {
    expect(lint("import { checkLoss } from '@gradlab/losses/testing';\nimport type { Backend } from '@gradlab/core-tensor';\nimport { builtinLayers } from '@gradlab/models-nn';\n", 'packages/plugin/src/x.ts')).toEqual([]);
    expect(lint("import { attention } from '@gradlab/transformer';\n", 'packages/plugin/src/x.ts')[0]?.message).toContain('plugin (layer 3) must not import transformer (layer 3)');
    expect(lint("import { definePlugin } from '@gradlab/plugin';\n", 'packages/models-nn/src/x.ts')[0]?.message).toContain('models-nn (layer 2) must not import plugin (layer 3)');
    expect(lint("import { composePlugins } from '@gradlab/plugin';\n", 'apps/cli/src/x.ts')).toEqual([]);
  });

  it("rejects reaching into another package's src, by name or by path", () => {
    expect(lint("import { x } from '@gradlab/core-tensor/src/tensor.ts';\n", 'packages/prob/src/x.ts')[0]?.message).toContain(
      "reaches into another package's source",
    );
    expect(lint("import { x } from '../../core-tensor/src/tensor.ts';\n", 'packages/prob/src/x.ts')[0]?.message).toContain(
      "reaches into another package's source",
    );
    expect(lint("const m = await import('../../../packages/core-tensor/src/index.ts');\n", 'apps/cli/src/x.ts')).toHaveLength(1);
  });

  it('allows relative imports inside a package and subpath exports by name', () => {
    expect(lint("import { add } from './ops/add.ts';\nimport { y } from '../errors.ts';\n", 'packages/core-tensor/src/ops/mul.ts')).toEqual([]);
    expect(lint("import { gradCheck } from '@gradlab/core-tensor/testing';\n", 'packages/losses/src/x.test.ts')).toEqual([]);
  });

  it('puts interop between the transformer and the apps: the transformer cannot import it', () => {
    const messages = lint("import { toOnnx } from '@gradlab/interop';\n", 'packages/transformer/src/x.ts');
    expect(messages.map((m) => m.message)).toEqual([expect.stringContaining('transformer (layer 3) must not import interop (layer 4)')]);
  });

  it('knows every package and app of the workspace', () => {
    for (const name of ['core-tensor', 'prob', 'losses', 'optim', 'data', 'inference', 'models-linear', 'models-nn', 'transformer', 'plugin', 'interop', 'cli', 'docs']) {
      expect(LAYERS).toHaveProperty(name);
    }
  });

  it("is switched on as an error in every package's real lint config", async () => {
    for (const pkg of ['packages/core-tensor', 'packages/prob', 'packages/transformer', 'apps/cli']) {
      const eslint = new ESLint({ cwd: `${repo}${pkg}` });
      const config = (await eslint.calculateConfigForFile(`${repo}${pkg}/src/index.ts`)) as { rules: Record<string, unknown> };
      expect(config.rules['gradlab/layers']).toEqual([2]);
    }
  });
});
