import { PluginError } from './plugin-error.ts';
import type { FactoryConfig, LayerExample, PieceKind, PluginDefinition, PluginManifest } from './plugin-manifest.ts';
import { PIECE_FIELDS, PIECE_KINDS, PLUGIN_FORMAT } from './plugin-manifest.ts';

const OP = 'definePlugin';
const FIELDS = new Set<string>(['name', 'version', 'description', ...Object.values(PIECE_FIELDS)]);
/** Ids are what the CLI and configs type: letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const VERSION = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/** A JSON value all the way down: finite numbers, strings, booleans, null, arrays and plain objects. */
function isJson(v: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((e) => isJson(e, depth + 1));
  if (typeof v !== 'object' || Object.getPrototypeOf(v) !== Object.prototype) return false;
  return Object.values(v).every((e) => isJson(e, depth + 1));
}

function bad(plugin: string, kind: PieceKind, piece: string, summary: string, arg: string, expected: string, received: unknown, hint?: string): never {
  throw new PluginError(summary, { op: OP, reason: 'invalid-piece', plugin, kind, piece, arg, expected, received, ...(hint !== undefined ? { hint } : {}) });
}

/** A factory or `{ factory, example }` → `{ factory, example }`. */
function configured(plugin: string, kind: PieceKind, id: string, value: unknown, fallback: FactoryConfig): { factory: unknown; example: FactoryConfig } {
  const arg = `${PIECE_FIELDS[kind]}.${id}`;
  if (typeof value === 'function') return { factory: value, example: fallback };
  if (!isRecord(value) || typeof value.factory !== 'function') {
    bad(plugin, kind, id, `a ${kind} is a factory, or { factory, example }`, arg, '(config) => ' + kind, describe(value));
  }
  const example = value.example ?? fallback;
  if (!isRecord(example) || !isJson(example)) bad(plugin, kind, id, 'the example config must be a JSON object', `${arg}.example`, 'a JSON object', describe(example));
  return { factory: value.factory, example: example as FactoryConfig };
}

function layerPiece(plugin: string, id: string, value: unknown): { factory: unknown; example: LayerExample } {
  const arg = `layers.${id}`;
  if (!isRecord(value) || typeof value.factory !== 'function') {
    bad(plugin, 'layer', id, 'a layer is { factory, example }', arg, '{ factory: (config, context) => Module, example }', describe(value), "give an example: { config: { kind: '" + id + "' }, inputShape: [4, 3] }");
  }
  const ex = value.example;
  if (!isRecord(ex) || !isRecord(ex.config)) bad(plugin, 'layer', id, 'a layer needs an example config to be checked with', `${arg}.example.config`, `{ kind: '${id}', ... }`, describe(isRecord(ex) ? ex.config : ex));
  if (ex.config.kind !== id) bad(plugin, 'layer', id, "the example config's kind must be the layer's id", `${arg}.example.config.kind`, id, ex.config.kind);
  if (!isJson(ex.config)) bad(plugin, 'layer', id, 'the example config must be JSON', `${arg}.example.config`, 'a JSON object', 'a value JSON cannot hold');
  const shape = ex.inputShape;
  if (!Array.isArray(shape) || shape.length < 1 || !shape.every((d) => Number.isInteger(d) && (d as number) >= 1) || (shape[0] as number) < 2) {
    bad(plugin, 'layer', id, 'the example needs an input shape, batch first', `${arg}.example.inputShape`, '[batch >= 2, ...features] of positive integers', shape);
  }
  return { factory: value.factory, example: ex as unknown as LayerExample };
}

function distributionPiece(plugin: string, id: string, value: unknown): { factory: unknown; example: readonly (readonly unknown[])[] } {
  const arg = `distributions.${id}`;
  if (!isRecord(value) || typeof value.factory !== 'function') {
    bad(plugin, 'distribution', id, 'a distribution is { factory, examples }', arg, '{ factory: (...params) => Distribution, examples: [[...params]] }', describe(value));
  }
  const examples = value.examples;
  if (!Array.isArray(examples) || examples.length === 0 || !examples.every((e) => Array.isArray(e))) {
    bad(plugin, 'distribution', id, 'a distribution needs parameter lists to be checked at', `${arg}.examples`, 'a non-empty array of parameter arrays, e.g. [[0, 1]]', describe(examples));
  }
  return { factory: value.factory, example: Object.freeze(examples.map((e: unknown[]) => Object.freeze([...e]))) };
}

/**
 * Declares a plugin: a name, a version and pieces by id (losses, optimizers, schedules, layers,
 * data sets, backends, distributions). Nothing is registered: the result is a frozen manifest that
 * `composePlugins` merges with others and `checkPlugin` (from `@gradlab/plugin/testing`) runs every
 * contract's checker on. The built-ins are declared the same way (`corePlugin`).
 *
 * Each piece carries what its checker needs: losses, optimizers and schedules are a factory or
 * `{ factory, example }` (the config to check it with; optimizers default to `{ lr: 0.01 }`), layers
 * `{ factory, example: { config, inputShape, outputShape? } }`, distributions
 * `{ factory, examples: [[...params]] }`; data sets and backends are zero-argument loaders.
 *
 * @param definition `{ name, version, description?, losses?, optimizers?, schedules?, layers?, datasets?, backends?, distributions? }`
 * @returns the frozen {@link PluginManifest} (every kind present, possibly empty)
 * @throws PluginError (`invalid-manifest`) for a missing name or version or an unknown field;
 *   (`invalid-piece`) naming the piece for a bad id, a factory that is not a function, a missing example
 * @example
 * ```ts
 * export default definePlugin({
 *   name: 'gradlab-plugin-cubic', version: '1.0.0',
 *   losses: { cubic: () => defineLoss({ id: 'cubic', prediction: 'value', target: 'real', elementwise: (p, t) => abs(sub(p, t)).pow(3) }) },
 * });
 * ```
 */
export function definePlugin(definition: PluginDefinition): PluginManifest {
  if (!isRecord(definition)) {
    throw new PluginError('a plugin definition is an object', { op: OP, reason: 'invalid-manifest', plugin: '?', arg: 'definition', expected: '{ name, version, ... }', received: describe(definition) });
  }
  const name = definition.name;
  if (typeof name !== 'string' || name.trim() === '') {
    throw new PluginError('a plugin needs a name', { op: OP, reason: 'invalid-manifest', plugin: '?', arg: 'name', expected: 'a non-empty string (its npm package name)', received: describe(name) });
  }
  if (typeof definition.version !== 'string' || !VERSION.test(definition.version)) {
    throw new PluginError('a plugin needs a semver version', { op: OP, reason: 'invalid-manifest', plugin: name, arg: 'version', expected: "a version like '1.0.0'", received: definition.version });
  }
  for (const key of Object.keys(definition)) {
    if (!FIELDS.has(key)) {
      throw new PluginError(`unknown field '${key}'`, { op: OP, reason: 'invalid-manifest', plugin: name, arg: key, expected: `one of ${[...FIELDS].join(', ')}`, received: key, hint: 'the kinds are plural: losses, optimizers, schedules, layers, datasets, backends, distributions' });
    }
  }
  if (definition.description !== undefined && typeof definition.description !== 'string') {
    throw new PluginError('the description must be a string', { op: OP, reason: 'invalid-manifest', plugin: name, arg: 'description', expected: 'a string', received: describe(definition.description) });
  }
  const manifest: Record<string, unknown> = { format: PLUGIN_FORMAT, name, version: definition.version, description: definition.description ?? '' };
  for (const kind of PIECE_KINDS) {
    const field = PIECE_FIELDS[kind];
    const pieces: unknown = (definition as unknown as Record<string, unknown>)[field];
    if (pieces !== undefined && !isRecord(pieces)) {
      throw new PluginError(`${field} must be a record of id to ${kind}`, { op: OP, reason: 'invalid-manifest', plugin: name, arg: field, expected: `{ [id]: ${kind} }`, received: describe(pieces) });
    }
    const out: Record<string, unknown> = {};
    for (const [id, value] of Object.entries(pieces ?? {})) {
      if (!ID.test(id)) bad(name, kind, id, 'an id is letters, digits, ., _ and -, starting with a letter or digit', `${field}.${id}`, 'an id like focal-loss', id);
      let piece: { factory: unknown; example: unknown };
      switch (kind) {
        case 'loss':
        case 'schedule':
          piece = configured(name, kind, id, value, {});
          break;
        case 'optimizer':
          piece = configured(name, kind, id, value, { lr: 0.01 });
          break;
        case 'layer':
          piece = layerPiece(name, id, value);
          break;
        case 'distribution':
          piece = distributionPiece(name, id, value);
          break;
        case 'dataset':
        case 'backend':
          if (typeof value !== 'function') bad(name, kind, id, `a ${kind} is a zero-argument loader`, `${field}.${id}`, `() => ${kind === 'dataset' ? 'Dataset' : 'Backend'}`, describe(value));
          piece = { factory: value, example: undefined };
          break;
      }
      out[id] = Object.freeze({ factory: piece.factory, example: piece.example });
    }
    manifest[field] = Object.freeze(out);
  }
  return Object.freeze(manifest) as unknown as PluginManifest;
}
