// The default theme plus the live demos: Vue components that import the @gradlab packages and
// compute in the browser. Pages use them inside <ClientOnly>, so the build's SSR pass never runs them.
import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import AttentionDemo from './demos/AttentionDemo.vue';
import BayesDemo from './demos/BayesDemo.vue';
import GradientDescentDemo from './demos/GradientDescentDemo.vue';
import MlpDemo from './demos/MlpDemo.vue';
import './demos/demo.css';

const theme: Theme = {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('AttentionDemo', AttentionDemo);
    app.component('BayesDemo', BayesDemo);
    app.component('GradientDescentDemo', GradientDescentDemo);
    app.component('MlpDemo', MlpDemo);
  },
};

export default theme;
