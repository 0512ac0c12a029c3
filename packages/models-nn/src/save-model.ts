import { requireObject, ValueError } from '@gradlab/core-tensor';
import { layerFromConfig } from './layer-registry.ts';
import type { LayerFactory } from './layer-registry.ts';
import { Module } from './module.ts';
import type { LayerConfig } from './module.ts';
import { readSafetensors } from './safetensors/read-safetensors.ts';
import type { SafetensorsLoadOptions } from './safetensors/read-safetensors.ts';
import { saveSafetensors } from './safetensors/save-safetensors.ts';

/** The `__metadata__` key that holds the architecture. */
export const MODEL_CONFIG_KEY = 'gradlab.config';
/** The `__metadata__` key that holds the format version. */
export const MODEL_FORMAT_KEY = 'gradlab.format';
const FORMAT = '1';

/**
 * Saves a model as safetensors: its parameters under their state-dict names (`0.weight`, ...)
 * and its architecture (`model.config()`) as JSON in `__metadata__`, so {@link loadModel} rebuilds
 * it without code from the user and PyTorch's `safetensors.torch.load_file` reads the weights.
 * @param model the model
 * @param metadata extra strings to store (class names, a scaler, a tokenizer, as JSON)
 * @returns the file's bytes
 * @throws ValueError for a key that collides with gradlab's own
 * @example
 * writeFileSync('model.safetensors', saveModel(mlp({ sizes: [4, 8, 3] })));
 */
export function saveModel(model: Module, metadata: Readonly<Record<string, string>> = {}): Uint8Array {
  if (!(model instanceof Module)) throw new ValueError('model must be a Module', { pkg: 'models-nn', op: 'saveModel', arg: 'model', expected: 'a Module', received: model === null ? 'null' : typeof model });
  for (const key of [MODEL_CONFIG_KEY, MODEL_FORMAT_KEY]) {
    if (Object.prototype.hasOwnProperty.call(metadata, key)) throw new ValueError(`metadata key '${key}' is gradlab's own`, { pkg: 'models-nn', op: 'saveModel', arg: `metadata['${key}']`, expected: 'another key', received: key });
  }
  return saveSafetensors(model.stateDict(), { ...metadata, [MODEL_FORMAT_KEY]: FORMAT, [MODEL_CONFIG_KEY]: JSON.stringify(model.config()) });
}

/** Options of {@link loadModel}. */
export interface LoadModelOptions extends SafetensorsLoadOptions {
  /** Factories of layer kinds beyond the built-ins (the transformer's, a plugin's). */
  layers?: Readonly<Record<string, LayerFactory>>;
}

/**
 * Rebuilds a model saved by {@link saveModel} and returns it with the file's metadata. Loading
 * never runs code from the file: the config only names built-in (or passed-in) layer kinds, and
 * every allocation is bounded by the safetensors reader.
 * @param bytes the file's bytes
 * @param options extra layer factories, safetensors limits
 * @returns `{ model, metadata }` (the model in eval mode)
 * @throws SafetensorsError for a corrupt file; ValueError for a file without a gradlab config or a
 *   config whose parameters do not match the tensors (naming the key)
 */
export function readModel(bytes: Uint8Array, options: LoadModelOptions = {}): { model: Module; metadata: Record<string, string> } {
  const op = 'loadModel';
  requireObject(options, { pkg: 'models-nn', op: 'loadModel', arg: 'options' });
  const { layers, ...readOptions } = options;
  const { tensors, metadata } = readSafetensors(bytes, readOptions);
  const text = metadata[MODEL_CONFIG_KEY];
  if (text === undefined) {
    throw new ValueError('the file has no gradlab architecture in its metadata', { pkg: 'models-nn', op, arg: 'bytes', expected: `__metadata__['${MODEL_CONFIG_KEY}']`, received: `keys ${Object.keys(metadata).join(', ') || 'none'}`, hint: 'a plain state dict loads with loadSafetensors and model.loadStateDict' });
  }
  let config: LayerConfig;
  try {
    config = JSON.parse(text) as LayerConfig;
  } catch {
    throw new ValueError('the architecture in the metadata is not valid JSON', { pkg: 'models-nn', op, arg: `__metadata__['${MODEL_CONFIG_KEY}']`, expected: 'JSON', received: text.slice(0, 60) });
  }
  const first = Object.values(tensors).find((t) => t.dtype === 'float32' || t.dtype === 'float64');
  const dtype = first?.dtype === 'float64' ? 'float64' : 'float32';
  const model = layerFromConfig(config, { dtype, ...(layers !== undefined ? { layers } : {}) });
  model.loadStateDict(tensors);
  return { model: model.eval(), metadata };
}

/**
 * Rebuilds a model saved by {@link saveModel} (see {@link readModel} for the metadata too).
 * @param bytes the file's bytes
 * @param options extra layer factories, safetensors limits
 * @returns the model, in eval mode
 * @example
 * const model = loadModel(readFileSync('model.safetensors'));
 */
export function loadModel(bytes: Uint8Array, options?: LoadModelOptions): Module {
  return readModel(bytes, options).model;
}
