import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tensor } from '@gradlab/core-tensor';
import { loadSafetensors, saveSafetensors } from '@gradlab/models-nn';
import { fromTorchStateDict, toOnnx, toTorchStateDict, torchNameMap } from '../src/index.ts';
import { fixtureIds, fixtureRows, onnxFixtureModels, tinyLm, torchShapedMlp } from './fixture-models.ts';
import { maxAbsDiff } from './ort-helpers.ts';

const here = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const read = (name: string) => new Uint8Array(readFileSync(here(name)));

interface TorchFixture {
  torch: string;
  mlp: { x: number[][]; logits: number[][] };
  lm: { ids: number[][]; tied: number[][][]; untied: number[][][] };
}
const torchJson = JSON.parse(readFileSync(here('torch-interop.json'), 'utf8')) as TorchFixture;

describe('PyTorch state dicts load into gradlab through the name map (float64, 1e-10)', () => {
  it('an nn.Sequential MLP: the same names and [out, in] layout', () => {
    const model = torchShapedMlp(0);
    model.loadStateDict(fromTorchStateDict('mlp', loadSafetensors(read('torch-mlp.safetensors'))));
    const logits = model.forward(tensor(torchJson.mlp.x, { dtype: 'float64' }));
    expect(maxAbsDiff(logits.data, torchJson.mlp.logits.flat())).toBeLessThan(1e-10);
  });

  for (const tied of [true, false]) {
    it(`TinyLM (${tied ? 'tied' : 'separate'} head) into languageModel`, () => {
      const lm = tinyLm(tied);
      lm.loadStateDict(fromTorchStateDict('language-model', loadSafetensors(read(`torch-lm-${tied ? 'tied' : 'untied'}.safetensors`)), { tied }));
      const logits = lm.forward(tensor(torchJson.lm.ids, { dtype: 'int32' }));
      expect(maxAbsDiff(logits.data, (tied ? torchJson.lm.tied : torchJson.lm.untied).flat(2))).toBeLessThan(1e-10);
    });
  }

  it('refuses a tied load whose torch head differs from wte', () => {
    const tensors = loadSafetensors(read('torch-lm-untied.safetensors'));
    expect(() => fromTorchStateDict('language-model', tensors, { tied: true })).toThrow(/lm_head.weight differs from wte.weight/);
  });

  it('maps every LM name both ways, and the gradlab names cover the model exactly', () => {
    const map = torchNameMap('language-model');
    const lm = tinyLm(false);
    const names = lm.namedParameters().map(([n]) => n);
    const torchNames = Object.keys(loadSafetensors(read('torch-lm-untied.safetensors'))).sort();
    expect(names.map((n) => map.toTorch(n)).sort()).toEqual(torchNames);
    expect(torchNames.map((n) => map.fromTorch(n)).sort()).toEqual([...names].sort());
    expect(map.toTorch('blocks.1.attn.qkv.weight')).toBe('blocks.1.attn.in_proj_weight');
    expect(() => torchNameMap('cnn' as 'mlp')).toThrow(/no PyTorch name map/);
  });
});

/**
 * gradlab → PyTorch and ONNX fixtures for test/fixtures/check_onnx.py: the safetensors files (torch
 * names), the inputs and gradlab's logits, and the ONNX files. They are rebuilt here and must equal
 * the committed bytes; `GRADLAB_WRITE_FIXTURES=1` rewrites them (then rerun check_onnx.py).
 */
function gradlabFixtures(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const enc = (v: unknown) => new TextEncoder().encode(`${JSON.stringify(v)}\n`);
  const mlpModel = torchShapedMlp(21);
  const x = fixtureRows(5, 4, 22);
  files.set('gradlab-mlp.safetensors', saveSafetensors(toTorchStateDict(mlpModel)));
  const ids = fixtureIds(3, 6, 11, 23);
  const json: Record<string, unknown> = { mlp: { x: x.toArray(), logits: mlpModel.forward(x).toArray() }, lm: { ids: ids.toArray() } };
  for (const tied of [true, false]) {
    const lm = tinyLm(tied, 24);
    files.set(`gradlab-lm-${tied ? 'tied' : 'untied'}.safetensors`, saveSafetensors(toTorchStateDict(lm)));
    (json.lm as Record<string, unknown>)[tied ? 'tied' : 'untied'] = lm.forward(ids).toArray();
  }
  files.set('gradlab-interop.json', enc(json));
  for (const [name, model, options] of onnxFixtureModels()) files.set(`onnx/${name}`, toOnnx(model, options));
  return files;
}

describe('the gradlab-written fixtures that check_onnx.py reads are current', () => {
  it('rebuilds every file byte for byte', () => {
    const files = gradlabFixtures();
    if (process.env.GRADLAB_WRITE_FIXTURES === '1') {
      mkdirSync(here('onnx'), { recursive: true });
      for (const [name, bytes] of files) writeFileSync(here(name), bytes);
    }
    for (const [name, bytes] of files) {
      expect(existsSync(here(name)), name).toBe(true);
      expect(Buffer.compare(Buffer.from(read(name)), Buffer.from(bytes)), name).toBe(0);
    }
  });

  it("check_onnx.py's results: every ONNX file passed onnx.checker, and torch matched gradlab's logits to 1e-10", () => {
    const results = JSON.parse(readFileSync(here('check-onnx-results.json'), 'utf8')) as {
      checker: Record<string, string>;
      torch_vs_gradlab: Record<string, number>;
      training: { losses: number[] };
    };
    const onnxFiles = onnxFixtureModels().map(([n]) => n).sort();
    expect(Object.keys(results.checker).sort()).toEqual(onnxFiles);
    for (const status of Object.values(results.checker)) expect(status).toBe('ok');
    expect(Object.keys(results.torch_vs_gradlab).sort()).toEqual(['lm-tied', 'lm-untied', 'mlp']);
    for (const err of Object.values(results.torch_vs_gradlab)) expect(err).toBeLessThan(1e-10);
    const losses = results.training.losses;
    expect(losses.at(-1)).toBeLessThan(losses[0] as number);
  });
});
