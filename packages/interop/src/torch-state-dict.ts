import { ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import type { Module } from '@gradlab/models-nn';

/**
 * The model families whose PyTorch names are mapped:
 * - `sequential` (and `mlp`, which is one): `nn.Sequential` of `nn.Linear` and activations has
 *   the same names, `0.weight`, `0.bias`, `2.weight`, ... and the same `[out, in]` layout;
 * - `language-model`: the `TinyLM` of `packages/transformer/test/fixtures/make_torch_fixtures.py`
 *   (a GPT-style decoder on `nn.Embedding`, `nn.MultiheadAttention`, `nn.LayerNorm`, `nn.Linear`).
 */
export type TorchModelKind = 'sequential' | 'mlp' | 'language-model';

/**
 * gradlab name → PyTorch name for the language model, per block `N`; every other name is the same
 * on both sides (`wte.weight`, `wpe.weight`, `blocks.N.ln1.weight`, `blocks.N.fc1.bias`, ...).
 * The fused qkv weight `[3D, D]` has `in_proj_weight`'s layout (query, key, value rows), so no
 * tensor is reshaped.
 */
export const torchLanguageModelNames: readonly (readonly [string, string])[] = Object.freeze([
  ['blocks.N.attn.qkv.weight', 'blocks.N.attn.in_proj_weight'],
  ['blocks.N.attn.qkv.bias', 'blocks.N.attn.in_proj_bias'],
  ['blocks.N.attn.out.weight', 'blocks.N.attn.out_proj.weight'],
  ['blocks.N.attn.out.bias', 'blocks.N.attn.out_proj.bias'],
  ['lnF.weight', 'ln_f.weight'],
  ['lnF.bias', 'ln_f.bias'],
  ['head.weight', 'lm_head.weight'],
] as const);

function renamer(pairs: readonly (readonly [string, string])[], from: 0 | 1): (name: string) => string {
  const to = from === 0 ? 1 : 0;
  return (name) => {
    const block = /^blocks\.(\d+)\./.exec(name);
    const generic = block ? name.replace(/^blocks\.\d+\./, 'blocks.N.') : name;
    const hit = pairs.find((p) => p[from] === generic);
    if (hit === undefined) return name;
    return block ? hit[to].replace('blocks.N.', `blocks.${block[1]}.`) : hit[to];
  };
}

/**
 * The name map of a model family: gradlab name → PyTorch name and back.
 * @param kind `sequential`, `mlp` or `language-model`
 * @returns `{ toTorch(name), fromTorch(name) }`
 * @throws ValueError for another kind
 * @example
 * torchNameMap('language-model').toTorch('blocks.0.attn.qkv.weight'); // 'blocks.0.attn.in_proj_weight'
 */
export function torchNameMap(kind: TorchModelKind): { toTorch(name: string): string; fromTorch(name: string): string } {
  if (kind === 'sequential' || kind === 'mlp') return { toTorch: (n) => n, fromTorch: (n) => n };
  if (kind === 'language-model') return { toTorch: renamer(torchLanguageModelNames, 0), fromTorch: renamer(torchLanguageModelNames, 1) };
  throw new ValueError('no PyTorch name map for this kind', { pkg: 'interop', op: 'torchNameMap', arg: 'kind', expected: 'sequential, mlp or language-model', received: kind });
}

/** Options of {@link fromTorchStateDict}. */
export interface FromTorchOptions {
  /**
   * The gradlab model ties its head to `wte` (`tieWeights: true`): drop torch's `lm_head.weight`,
   * after checking that it equals `wte.weight` (default false).
   */
  tied?: boolean;
}

/**
 * Renames a PyTorch `state_dict` (for instance read with `loadSafetensors` from a file written by
 * `safetensors.torch.save_file(model.state_dict(), ...)`) to gradlab's names, ready for
 * `model.loadStateDict`. Layouts already agree (`nn.Linear.weight` is `[out, in]` on both sides).
 * @param kind the model family
 * @param tensors PyTorch's names → tensors
 * @param options `tied`: the gradlab model ties its head
 * @returns gradlab's names → the same tensors
 * @throws ValueError for a tied head whose torch weight differs from `wte.weight`
 * @example
 * const lm = languageModel({ vocabSize: 11, contextLength: 6, dModel: 8, heads: 2, layers: 2, ffn: 16, tieWeights: true, dtype: 'float64' });
 * lm.loadStateDict(fromTorchStateDict('language-model', loadSafetensors(bytes), { tied: true }));
 */
export function fromTorchStateDict(kind: TorchModelKind, tensors: Readonly<Record<string, Tensor>>, options: FromTorchOptions = {}): Record<string, Tensor> {
  const map = torchNameMap(kind);
  const out: Record<string, Tensor> = {};
  for (const [name, t] of Object.entries(tensors)) out[map.fromTorch(name)] = t;
  if (options.tied === true && kind === 'language-model' && out['head.weight'] !== undefined) {
    const head = out['head.weight'];
    const wte = out['wte.weight'];
    const same = wte !== undefined && head.size === wte.size && head.data.every((v, i) => v === wte.data[i]);
    if (!same) {
      throw new ValueError('the head is tied to wte, but lm_head.weight differs from wte.weight', { pkg: 'interop', op: 'fromTorchStateDict', arg: "tensors['lm_head.weight']", expected: 'a copy of wte.weight', received: 'different values', hint: 'build the gradlab model with tieWeights: false' });
    }
    delete out['head.weight'];
  }
  return out;
}

/**
 * A gradlab model's parameters under PyTorch's names, for `safetensors.torch.load_file` +
 * `model.load_state_dict` on the equivalent torch module (`nn.Sequential`, `TinyLM`). A tied
 * language model also gets `lm_head.weight` (a copy of `wte.weight`), which torch expects.
 * @param model a `sequential`/`mlp` or a `languageModel`
 * @returns PyTorch's names → tensors (save them with `saveSafetensors`)
 * @throws ValueError for a model of another kind
 * @example
 * writeFileSync('model.safetensors', saveSafetensors(toTorchStateDict(lm)));
 */
export function toTorchStateDict(model: Module): Record<string, Tensor> {
  if (typeof model !== 'object' || model === null || typeof (model as { kind?: unknown }).kind !== 'string' || typeof (model as { stateDict?: unknown }).stateDict !== 'function') {
    throw new ValueError('model must be a gradlab Module', { pkg: 'interop', op: 'toTorchStateDict', arg: 'model', expected: 'an mlp, sequential or language model', received: model === null ? 'null' : typeof model });
  }
  const kind = model.kind as TorchModelKind;
  const map = torchNameMap(kind);
  const out: Record<string, Tensor> = {};
  for (const [name, t] of model.namedParameters()) out[map.toTorch(name)] = t;
  if (kind === 'language-model' && out['lm_head.weight'] === undefined && out['wte.weight'] !== undefined) out['lm_head.weight'] = out['wte.weight'];
  return out;
}
