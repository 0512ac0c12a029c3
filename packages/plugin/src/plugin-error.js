import { ValueError } from '@gradlab/core-tensor';
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
    reason;
    plugin;
    kind;
    piece;
    otherPlugin;
    constructor(summary, details) {
        const where = details.kind !== undefined && details.piece !== undefined ? `plugin '${details.plugin}', ${details.kind} '${details.piece}'` : `plugin '${details.plugin}'`;
        super(`${where}: ${summary}`, {
            pkg: 'plugin',
            op: details.op,
            ...(details.arg !== undefined ? { arg: details.arg } : {}),
            ...(details.expected !== undefined ? { expected: details.expected } : {}),
            ...(details.received !== undefined ? { received: details.received } : {}),
            ...(details.hint !== undefined ? { hint: details.hint } : {}),
        });
        if (details.cause !== undefined)
            Object.defineProperty(this, 'cause', { value: details.cause, enumerable: false });
        this.reason = details.reason;
        this.plugin = details.plugin;
        this.kind = details.kind;
        this.piece = details.piece;
        this.otherPlugin = details.otherPlugin;
    }
}
