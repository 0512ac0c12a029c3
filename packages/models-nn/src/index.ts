// @gradlab/models-nn: Modules, layers, activations, MLP, training loop, save and load.

// safetensors
export { saveSafetensors } from './safetensors/save-safetensors.ts';
export { loadSafetensors } from './safetensors/load-safetensors.ts';
export { readSafetensors, DEFAULT_MAX_SAFETENSORS_BYTES } from './safetensors/read-safetensors.ts';
export type { SafetensorsLoadOptions, SafetensorsContents } from './safetensors/read-safetensors.ts';
export { SafetensorsError } from './safetensors/safetensors-error.ts';
export type { SafetensorsErrorReason, SafetensorsErrorDetails } from './safetensors/safetensors-error.ts';
