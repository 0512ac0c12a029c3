import pkg from '../package.json' with { type: 'json' };

/** The version of the CLI package, read from its package.json at build time. */
export const VERSION: string = pkg.version;
