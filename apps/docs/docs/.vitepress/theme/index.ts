/// <reference types="vitepress/client" />
// The default theme plus the live demos: Vue components that import the @gradlab packages and
// compute in the browser. Pages use them inside <ClientOnly>, so the build's SSR pass never runs them.
// Every `demos/*.vue` and `components/*.vue` is registered under its file name, so a new demo is
// one new file.
import DefaultTheme from 'vitepress/theme';
import type { Component } from 'vue';
import type { Theme } from 'vitepress';
import './demos/demo.css';

const files = import.meta.glob<{ default: Component }>(['./demos/*.vue', './components/*.vue'], { eager: true });

const theme: Theme = {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    for (const [path, mod] of Object.entries(files)) {
      const name = path.slice(path.lastIndexOf('/') + 1, -'.vue'.length);
      app.component(name, mod.default);
    }
  },
};

export default theme;
