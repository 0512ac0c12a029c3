import type { PluginManifest } from './plugin-manifest.ts';
import { PIECE_FIELDS, PLUGIN_FORMAT } from './plugin-manifest.ts';

/**
 * Whether a value is a manifest made by `definePlugin` (of this or another copy of
 * `@gradlab/plugin`): it carries the format marker, a name, a version and a record per kind.
 * Loaders use it on a module's default export.
 *
 * @param value anything
 * @returns true for a manifest
 * @example
 * ```ts
 * const mod = await import('gradlab-plugin-focal') as { default?: unknown };
 * if (!isPluginManifest(mod.default)) throw new Error('not a gradlab plugin');
 * ```
 */
export function isPluginManifest(value: unknown): value is PluginManifest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.format !== PLUGIN_FORMAT || typeof v.name !== 'string' || typeof v.version !== 'string') return false;
  return Object.values(PIECE_FIELDS).every((field) => typeof v[field] === 'object' && v[field] !== null);
}
