import { tensor } from '@gradlab/core-tensor';
import { lossFromSpec } from '@gradlab/losses';
import { layerFromConfig } from '@gradlab/models-nn';
import { checkLayer } from '@gradlab/models-nn/testing';
import { optimizerFromSpec } from '@gradlab/optim';
import { composePlugins, corePlugin, isPluginManifest } from '@gradlab/plugin';
import { checkPlugin } from '@gradlab/plugin/testing';
import { describe, expect, it } from 'vitest';
import plugin, { featureScale } from '../src/index.js';

describe('gradlab-plugin-focal-loss-lion', () => {
  it('default-exports a manifest whose every piece passes its checker', () => {
    expect(isPluginManifest(plugin)).toBe(true);
    const rows = checkPlugin(plugin);
    expect(rows.map((r) => [r.kind, r.id, r.passed, r.error])).toEqual([
      ['loss', 'focal', true, undefined],
      ['optimizer', 'lion', true, undefined],
      ['layer', 'feature-scale', true, undefined],
    ]);
  });

  it('composes with the built-ins without a clash, and its pieces resolve by name', () => {
    const registry = composePlugins([corePlugin, plugin]);
    expect(registry.sources.loss.focal.plugin).toBe('gradlab-plugin-focal-loss-lion');
    expect(lossFromSpec({ id: 'focal', config: { gamma: 1 } }, registry.losses).config.gamma).toBe(1);
    expect(optimizerFromSpec({ id: 'lion', config: { lr: 0.001 } }, registry.optimizers).id).toBe('lion');
    const layer = layerFromConfig({ kind: 'feature-scale', features: 2 }, { layers: registry.layers, dtype: 'float64' });
    expect(layer.forward(tensor([[1, 2]], { dtype: 'float64' })).toArray()).toEqual([[1, 2]]);
  });

  it('feature-scale passes checkLayer on a 3-d input too', () => {
    expect(checkLayer((o) => featureScale(3, o), { inputShape: [2, 5, 3], outputShape: [2, 5, 3] }).checks).toContain('gradient check');
    expect(() => featureScale(3).forward(tensor([[1, 2]]))).toThrow('featureScale expects 3 features');
  });
});
