// The plugins this docs site composes. A demo's loss or optimizer menu lists every piece of these
// plugins, so adding a plugin here puts its pieces into the demos without changing a demo. The
// same manifests the CLI loads with `--plugin`: the built-ins come in as `corePlugin`, a user's
// piece is a first-class citizen.
import { corePlugin, type PluginManifest } from '@gradlab/plugin';
import focalLossLion from 'gradlab-plugin-focal-loss-lion';

export const sitePlugins: readonly PluginManifest[] = [corePlugin, focalLossLion];
