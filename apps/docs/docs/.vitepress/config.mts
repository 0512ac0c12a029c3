import { existsSync, readFileSync } from 'node:fs';
import { defineConfig, type DefaultTheme } from 'vitepress';

// The API sidebar, written by typedoc-vitepress-theme next to the pages (`typedoc` runs before
// `vitepress build` in docs:build): one collapsed group per package and subpath.
const apiSidebarFile = new URL('../api/typedoc-sidebar.json', import.meta.url);
const apiSidebar: DefaultTheme.SidebarItem[] = existsSync(apiSidebarFile)
  ? (JSON.parse(readFileSync(apiSidebarFile, 'utf8')) as DefaultTheme.SidebarItem[])
  : [];

export default defineConfig({
  title: 'gradlab',
  description: 'Machine learning in TypeScript, from probability to transformers: exact where the maths is exact, fast where it counts.',
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  cleanUrls: false,
  lastUpdated: false,
  // $…$ and $$…$$ typeset at build time by markdown-it-mathjax3 (SVG, no client script).
  markdown: { math: true },
  // Demos run long work in module workers that import the @gradlab packages.
  vite: { worker: { format: 'es' } },
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/getting-started' },
      { text: 'API', link: '/api/' },
    ],
    sidebar: {
      '/guide/': [
        {
          text: 'Guide',
          items: [
            { text: 'Getting started', link: '/guide/getting-started' },
            { text: 'Tensors and autodiff', link: '/guide/core-tensor' },
            { text: 'Backends and speed', link: '/guide/backends' },
            { text: '1. Probability', link: '/guide/probability' },
            { text: '2. Inference', link: '/guide/inference' },
            { text: '3. Supervised learning and linear models', link: '/guide/supervised-learning' },
            { text: '3. Validation and K-fold', link: '/guide/validation' },
            { text: '4. Optimisation', link: '/guide/optimisation' },
            { text: '4. Three ways to differentiate', link: '/guide/differentiation' },
            { text: '5. Binary classification', link: '/guide/binary-classification' },
            { text: '6. Neural networks', link: '/guide/neural-networks' },
            { text: '7. Transformers', link: '/guide/transformers' },
            { text: 'Extending gradlab: loss, optimizer, layer, backend', link: '/guide/extending' },
            { text: 'Plugins', link: '/guide/plugins' },
            { text: 'Interop: ONNX and PyTorch', link: '/guide/interop' },
          ],
        },
      ],
      '/api/': [{ text: 'API reference', link: '/api/', items: apiSidebar }],
    },
    search: { provider: 'local' },
  },
});
