import { describe, expect, it } from 'vitest';
import { tensor } from '@gradlab/core-tensor';
import { dropout, layerNorm, linear, loadModel, loadSafetensors, mlp, readModel, saveModel, saveSafetensors, sequential, gelu } from './index.ts';

describe('saveModel / loadModel', () => {
  it('round-trips architecture and weights bit for bit, in float32 and float64', () => {
    for (const dtype of ['float32', 'float64'] as const) {
      const model = sequential(linear(3, 5, { dtype }), layerNorm(5, { dtype }), gelu(), dropout(0.1, { seed: 2 }), linear(5, 2, { dtype }));
      const bytes = saveModel(model, { classes: JSON.stringify(['a', 'b']) });
      const { model: back, metadata } = readModel(bytes);
      expect(back.toString()).toBe(model.toString());
      expect(JSON.parse(metadata.classes ?? '[]')).toEqual(['a', 'b']);
      const x = tensor([[0.1, -2, 3]], { dtype });
      model.eval();
      expect(back.forward(x).toArray()).toEqual(model.forward(x).toArray());
      expect(back.dtype).toBe(dtype);
      // The same bytes every time: keys sorted, deterministic header.
      expect(saveModel(back, { classes: JSON.stringify(['a', 'b']) })).toEqual(bytes);
    }
  });
  it('names what is wrong with a file that is not a gradlab model or does not match its config', () => {
    const plain = saveSafetensors({ w: tensor([1, 2]) });
    expect(() => loadModel(plain)).toThrow(/no gradlab architecture/);
    expect(() => loadModel(plain, null as never)).toThrow(/loadModel: must be an object \(argument options/);
    const model = mlp({ sizes: [2, 3, 1] });
    const weights = loadSafetensors(saveModel(model));
    const meta = { 'gradlab.config': JSON.stringify(mlp({ sizes: [2, 4, 1] }).config()), 'gradlab.format': '1' };
    expect(() => loadModel(saveSafetensors(weights, meta))).toThrow(/shape mismatch for '0.weight'/);
    expect(() => loadModel(saveSafetensors(weights, { 'gradlab.config': '{"kind":"warp-drive"}' }))).toThrow(/unknown layer kind 'warp-drive'/);
    expect(() => loadModel(saveSafetensors(weights, { 'gradlab.config': '{nope' }))).toThrow(/not valid JSON/);
    expect(() => saveModel(model, { 'gradlab.config': 'x' })).toThrow(/gradlab's own/);
    expect(() => loadModel(new Uint8Array(4))).toThrow(/safetensors|8 bytes|short/i);
  });
});
