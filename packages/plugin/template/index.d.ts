/** The version range of the @gradlab packages a new plugin asks for. */
export declare const GRADLAB_VERSION: string;

/** Options of {@link pluginTemplate}. */
export interface PluginTemplateOptions {
  /** The plugin's npm name, e.g. `gradlab-plugin-cubic` or `@me/gradlab-plugin-cubic`. */
  name: string;
  /** The @gradlab version its dependency ranges start at (default {@link GRADLAB_VERSION}). */
  gradlabVersion?: string;
  /** Its one-line description. */
  description?: string;
}

/**
 * Checks a plugin's npm name and returns its folder name (the name without its scope).
 * @throws TypeError for a name npm would refuse
 */
export declare function pluginFolderName(name: string): string;

/**
 * The files of a new plugin package (relative path → content): a loss `cubic`, an optimizer
 * `sign-sgd`, a layer `feature-bias`, a test per piece with its checker, and `checkPlugin` under `npm test`.
 * @example
 * ```ts
 * Object.keys(pluginTemplate({ name: 'gradlab-plugin-cubic' })); // ['package.json', ..., 'test/plugin.test.js']
 * ```
 */
export declare function pluginTemplate(options: PluginTemplateOptions): Record<string, string>;

/**
 * Writes {@link pluginTemplate} into `dir`, which must not exist or be empty.
 * @returns the paths written, relative to `dir`
 * @throws Error when `dir` has files already
 */
export declare function writePluginTemplate(dir: string, options: PluginTemplateOptions): string[];
