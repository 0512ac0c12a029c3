// @ts-check
/**
 * The package layer graph of gradlab (see STYLE.md). Imports only point down:
 *
 *   core-tensor  <-  prob, losses, optim, data  <-  inference, models-linear, models-nn
 *                <-  transformer, plugin  <-  interop  <-  apps
 *
 * interop (ONNX export, PyTorch name maps) has a layer of its own above the transformer because it
 * translates every model family, the transformer's included.
 *
 * A package may import any package of a strictly lower layer, never one of its own layer or above.
 */
export const LAYERS = /** @type {const} */ ({
  'core-tensor': 0,
  'backend-wasm': 1,
  prob: 1,
  losses: 1,
  optim: 1,
  data: 1,
  inference: 2,
  'models-linear': 2,
  'models-nn': 2,
  transformer: 3,
  plugin: 3,
  interop: 4,
  cli: 5,
  docs: 5,
  bench: 5,
});

/**
 * Which workspace (`packages/x`, `apps/x`, `bench`) a file path lies in, or undefined.
 * @param {string} filename
 * @returns {string | undefined}
 */
export function workspaceOf(filename) {
  const norm = filename.replace(/\\/g, '/');
  const m = /\/(packages|apps)\/([^/]+)\//.exec(norm);
  if (m) return m[2];
  if (/\/bench\//.test(norm)) return 'bench';
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports point down the gradlab layer graph and never into another package\'s src/.' },
    schema: [],
    messages: {
      upward:
        '[gradlab/layers] {{from}} (layer {{fromLayer}}) must not import {{to}} (layer {{toLayer}}): imports only point down the layer graph core-tensor <- prob, losses, optim, data <- inference, models-linear, models-nn <- transformer, plugin <- interop <- apps.',
      deepSrc:
        '[gradlab/layers] import {{spec}} reaches into another package\'s source; import it by its package name ("@gradlab/{{to}}") instead.',
      unknown: '[gradlab/layers] {{to}} is not in the layer graph (tooling/eslint-config/layers.js); add it there first.',
    },
  },
  create(context) {
    const found = workspaceOf(context.filename);
    if (found === undefined) return {};
    const from = found;
    /** @param {any} node @param {unknown} value */
    function check(node, value) {
      if (typeof value !== 'string') return;
      const spec = value;
      const scoped = /^@gradlab\/([^/]+)(\/.*)?$/.exec(spec);
      if (scoped) {
        const to = /** @type {string} */ (scoped[1]);
        const sub = scoped[2] ?? '';
        if (['tsconfig', 'eslint-config', 'vitest-preset'].includes(to)) return;
        if (/^\/(src|dist)(\/|$)/.test(sub)) {
          context.report({ node, messageId: 'deepSrc', data: { spec, to } });
          return;
        }
        if (to === from) return;
        const fromLayer = /** @type {Record<string, number>} */ (LAYERS)[from];
        const toLayer = /** @type {Record<string, number>} */ (LAYERS)[to];
        if (toLayer === undefined) {
          context.report({ node, messageId: 'unknown', data: { to } });
          return;
        }
        if (fromLayer !== undefined && toLayer >= fromLayer) {
          context.report({ node, messageId: 'upward', data: { from, to, fromLayer: String(fromLayer), toLayer: String(toLayer) } });
        }
        return;
      }
      const deep = /(?:^|\/)(?:packages|apps)\/([^/]+)\/(?:src|dist)(?:\/|$)/.exec(spec);
      if (deep && deep[1] !== from) {
        context.report({ node, messageId: 'deepSrc', data: { spec, to: String(deep[1]) } });
        return;
      }
      if (spec.startsWith('.')) {
        // A relative import that climbs out of this workspace is a deep import in disguise.
        const file = context.filename.replace(/\\/g, '/');
        const dir = file.slice(0, file.lastIndexOf('/'));
        const parts = dir.split('/');
        for (const seg of spec.split('/')) {
          if (seg === '..') parts.pop();
          else if (seg !== '.') parts.push(seg);
        }
        const target = workspaceOf(parts.join('/') + '/');
        if (target !== undefined && target !== from) {
          context.report({ node, messageId: 'deepSrc', data: { spec, to: target } });
        }
      }
    }
    return {
      ImportDeclaration(node) { check(node, node.source.value); },
      ExportNamedDeclaration(node) { if (node.source) check(node, node.source.value); },
      ExportAllDeclaration(node) { check(node, node.source.value); },
      ImportExpression(node) { if (node.source.type === 'Literal') check(node, node.source.value); },
    };
  },
};

export const layersPlugin = { rules: { layers: layersRule } };
