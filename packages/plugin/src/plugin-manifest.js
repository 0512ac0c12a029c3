/** Every {@link PieceKind}, in order. */
export const PIECE_KINDS = ['loss', 'optimizer', 'schedule', 'layer', 'dataset', 'backend', 'distribution'];
/** The manifest field that holds each kind: `loss` → `losses`. */
export const PIECE_FIELDS = {
    loss: 'losses',
    optimizer: 'optimizers',
    schedule: 'schedules',
    layer: 'layers',
    dataset: 'datasets',
    backend: 'backends',
    distribution: 'distributions',
};
/** The marker of a manifest, checked by `isPluginManifest` (a string, so it survives two copies of this package). */
export const PLUGIN_FORMAT = 'gradlab-plugin@1';
/**
 * Every piece of a manifest as `{ kind, id }`, in kind order then the plugin's own order.
 * @param plugin a manifest from {@link definePlugin}
 * @returns the pieces
 */
export function pluginPieces(plugin) {
    return PIECE_KINDS.flatMap((kind) => Object.keys(plugin[PIECE_FIELDS[kind]]).map((id) => ({ kind, id })));
}
