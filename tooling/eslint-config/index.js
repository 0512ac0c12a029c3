// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './layers.js';

/**
 * The shared flat config: typescript-eslint's type-checked rules plus the `gradlab/layers` rule
 * that keeps imports pointing down the package graph.
 * @param {string} tsconfigRootDir the package folder (pass `import.meta.dirname`)
 */
export function gradlabConfig(tsconfigRootDir) {
  return tseslint.config(
    { ignores: ['dist/**', 'build/**', 'node_modules/**', 'docs/.vitepress/dist/**', 'docs/.vitepress/cache/**', 'coverage/**', '**/*.d.ts'] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        globals: { ...globals.node },
        parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs'] }, tsconfigRootDir },
      },
      plugins: { gradlab: layersPlugin },
      rules: {
        'gradlab/layers': 'error',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      },
    },
    {
      files: ['**/*.js', '**/*.mjs'],
      ...tseslint.configs.disableTypeChecked,
    },
  );
}
