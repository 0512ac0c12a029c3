import { ValueError } from '@gradlab/core-tensor';
import type { PieceKind } from './plugin-manifest.ts';

/**
 * Why a plugin was refused:
 * - `invalid-manifest`: the manifest itself is malformed (no name, an unknown field);
 * - `invalid-piece`: one piece is malformed (not a factory, a layer without its example);
 * - `clash`: two plugins offer a piece of the same kind and id;
 * - `not-found`: the plugin's module could not be resolved;
 * - `import-failed`: the module was found but importing it threw (a syntax error, a missing dependency);
 * - `no-default-export`: the module has no default export;
 * - `not-a-manifest`: the default export was not made by `definePlugin`;
 * - `contract`: a piece broke its contract when used (its factory threw, or returned the wrong thing).
 */
export type PluginErrorReason = 'invalid-manifest' | 'invalid-piece' | 'clash' | 'not-found' | 'import-failed' | 'no-default-export' | 'not-a-manifest' | 'contract';

/** The fields of a {@link PluginError}, besides its summary. */
export interface PluginErrorDetails {
  /** The function that refused the plugin, e.g. `definePlugin`. */
  op: string;
  /** Why. */
  reason: PluginErrorReason;
  /** The plugin's name (or its module specifier, before it is loaded). */
  plugin: string;
  /** The kind of the piece at fault, when one is. */
  kind?: PieceKind;
  /** The id of the piece at fault, when one is. */
  piece?: string;
  /** The other plugin of a clash. */
  otherPlugin?: string;
  /** The argument at fault, e.g. `losses.focal.factory`. */
  arg?: string;
  expected?: unknown;
  received?: unknown;
  hint?: string;
  /** The error behind this one (an import failure, a factory's throw). */
  cause?: unknown;
}

/**
 * The typed error of `@gradlab/plugin`: a {@link ValueError} that names the plugin and, when one is
 * at fault, the piece (`loss 'focal'`), so a one-line report says which package to fix.
 *
 * @example
 * ```ts
 * try { composePlugins([corePlugin, mine]); }
 * catch (e) { if (e instanceof PluginError && e.reason === 'clash') console.error(e.plugin, e.otherPlugin, e.piece); }
 * ```
 */
export class PluginError extends ValueError {
  readonly reason: PluginErrorReason;
  readonly plugin: string;
  readonly kind: PieceKind | undefined;
  readonly piece: string | undefined;
  readonly otherPlugin: string | undefined;

  constructor(summary: string, details: PluginErrorDetails) {
    const where = details.kind !== undefined && details.piece !== undefined ? `plugin '${details.plugin}', ${details.kind} '${details.piece}'` : `plugin '${details.plugin}'`;
    super(`${where}: ${summary}`, {
      pkg: 'plugin',
      op: details.op,
      ...(details.arg !== undefined ? { arg: details.arg } : {}),
      ...(details.expected !== undefined ? { expected: details.expected } : {}),
      ...(details.received !== undefined ? { received: details.received } : {}),
      ...(details.hint !== undefined ? { hint: details.hint } : {}),
    });
    if (details.cause !== undefined) Object.defineProperty(this, 'cause', { value: details.cause, enumerable: false });
    this.reason = details.reason;
    this.plugin = details.plugin;
    this.kind = details.kind;
    this.piece = details.piece;
    this.otherPlugin = details.otherPlugin;
  }
}
