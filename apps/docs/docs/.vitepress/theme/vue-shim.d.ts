declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}

declare module '*.css';

// The example plugin is plain JavaScript; its default export is a definePlugin manifest.
declare module 'gradlab-plugin-focal-loss-lion' {
  const plugin: import('@gradlab/plugin').PluginManifest;
  export default plugin;
}
