import { describe, expect, it } from 'vitest';
import { randNormal, rng, tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { layerFromConfig } from '@gradlab/models-nn';
import type { Module } from '@gradlab/models-nn';
import { languageModel } from './language-model.ts';
import { multiHeadAttention } from './multi-head-attention.ts';
import { transformerBlock } from './transformer-block.ts';
import { transformerLayers } from './transformer-layers.ts';

const sameOutputs = (a: Module, b: Module, x: Tensor): void => {
  expect(Array.from(b.eval().forward(x).data)).toEqual(Array.from(a.eval().forward(x).data));
};

describe('transformerLayers', () => {
  it('rebuilds each module from its config; a state-dict round trip gives the same outputs', () => {
    const x = randNormal(rng(1), [2, 4, 8], { dtype: 'float64' });
    const cases: [Module, Tensor][] = [
      [multiHeadAttention({ dModel: 8, heads: 2, causal: true, dropout: 0.1, bias: false, rng: rng(2), dtype: 'float64' }), x],
      [transformerBlock({ dModel: 8, heads: 4, ffn: 12, activation: 'relu', causal: true, seed: 3, rng: rng(3), dtype: 'float64' }), x],
      [languageModel({ vocabSize: 11, contextLength: 8, dModel: 8, heads: 2, layers: 2, ffn: 16, positional: 'sinusoidal', tieWeights: true, rng: rng(4), dtype: 'float64' }), tensor([[1, 2, 3], [4, 5, 6]], { dtype: 'int32' })],
      [languageModel({ vocabSize: 11, contextLength: 8, dModel: 8, heads: 2, layers: 1, rng: rng(5), dtype: 'float64' }), tensor([[7, 8, 9, 10]], { dtype: 'int32' })],
    ];
    for (const [m, input] of cases) {
      const copy = layerFromConfig(JSON.parse(JSON.stringify(m.config())) as ReturnType<Module['config']>, { layers: transformerLayers, dtype: 'float64' });
      expect(copy.constructor).toBe(m.constructor);
      expect(copy.config()).toEqual(m.config());
      expect(copy.namedParameters().map(([n]) => n)).toEqual(m.namedParameters().map(([n]) => n));
      copy.loadStateDict(m.stateDict());
      sameOutputs(m, copy, input);
    }
  });

  it('is frozen and names the three kinds; a bad config names the option', () => {
    expect(Object.isFrozen(transformerLayers)).toBe(true);
    expect(Object.keys(transformerLayers).sort()).toEqual(['language-model', 'multi-head-attention', 'transformer-block']);
    expect(() => layerFromConfig({ kind: 'multi-head-attention', dModel: 8, heads: 3 }, { layers: transformerLayers })).toThrow(/divisible by heads/);
    expect(() => layerFromConfig({ kind: 'language-model', dModel: 8 }, { layers: transformerLayers })).toThrow(/vocabSize must be a positive integer/);
  });
});
