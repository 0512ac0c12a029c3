// @ts-check
// A local TypeDoc plugin: names each module after the import specifier users write
// (`@gradlab/core-tensor`, `@gradlab/core-tensor/testing`) instead of its folder
// (`core-tensor/src`, `core-tensor/src/testing`), which TypeDoc derives from the entry file's path.
import { Converter } from 'typedoc';
import { moduleNames } from './typedoc.config.mjs';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const mod of context.project.children ?? []) {
      const name = moduleNames.get(mod.name);
      if (name !== undefined) mod.name = name;
    }
  });
}
