// The docs site's registry: the plugins of gradlab.plugins.ts composed once, and menus built from
// it. Demos take their loss and optimizer choices from here, never from a list of their own.
import { composePlugins, CORE_PLUGIN_NAME, type PieceKind, type PluginRegistry } from '@gradlab/plugin';
import { sitePlugins } from '../../../../gradlab.plugins.ts';

export const registry: PluginRegistry = composePlugins(sitePlugins);

/** One entry of a demo's menu: the piece's id, a label, and the plugin it came from. */
export interface MenuItem {
  readonly id: string;
  readonly label: string;
  /** The plugin's name; `undefined` for a built-in. */
  readonly plugin: string | undefined;
}

const FIELD = { loss: 'losses', optimizer: 'optimizers', schedule: 'schedules', layer: 'layers', dataset: 'datasets', backend: 'backends', distribution: 'distributions' } as const;

/**
 * The pieces of one kind offered by the site's plugins, built-ins first, each labelled with its
 * plugin when it is not a built-in.
 * @param kind which kind of piece
 * @param only when given, keep these ids (from any plugin) and every piece of a non-core plugin
 */
export function menu(kind: PieceKind, only?: readonly string[]): MenuItem[] {
  const ids = Object.keys(registry[FIELD[kind]]);
  const items = ids.map((id): MenuItem => {
    const source = registry.sources[kind][id];
    const plugin = source === undefined || source.plugin === CORE_PLUGIN_NAME ? undefined : source.plugin;
    return { id, plugin, label: plugin === undefined ? id : `${id} (${plugin})` };
  });
  const kept = only === undefined ? items : items.filter((i) => i.plugin !== undefined || only.includes(i.id));
  return [...kept.filter((i) => i.plugin === undefined), ...kept.filter((i) => i.plugin !== undefined)];
}
