// @gradlab/models-nn: modules, layers, activations, MLP, training loop, save and load.
export { Module, Parameter, functionalCall } from './module.ts';
export type { LayerConfig, LoadStateDictOptions } from './module.ts';
export { manualSeed, initWeight, xavierUniform, xavierNormal, heUniform, heNormal } from './init.ts';
export type { FloatDType, InitOptions, Initializer } from './init.ts';
export * as F from './functional.ts';

// layers
export { Linear, linear } from './layers/linear.ts';
export type { LinearOptions } from './layers/linear.ts';
export { Activation, activation, sigmoid, tanh, relu, leakyRelu, gelu, softmax, logSoftmax, identity } from './layers/activation.ts';
export type { ActivationName, ActivationOptions } from './layers/activation.ts';
export { Sequential, sequential } from './layers/sequential.ts';
export { Dropout, dropout } from './layers/dropout.ts';
export type { DropoutOptions } from './layers/dropout.ts';
export { LayerNorm, layerNorm } from './layers/layer-norm.ts';
export type { LayerNormOptions } from './layers/layer-norm.ts';
export { Embedding, embedding } from './layers/embedding.ts';
export { mlp } from './layers/mlp.ts';
export type { MlpOptions } from './layers/mlp.ts';
export { builtinLayers, layerFromConfig } from './layer-registry.ts';
export type { LayerBuildContext, LayerFactory, LayerFromConfigOptions } from './layer-registry.ts';

// training
export { fit, fitAsync, evaluate } from './train/fit.ts';
export type { BatchLog, EpochLog, FitOptions, FitResult } from './train/fit.ts';
export type { TensorData, TrainingData } from './train/training-data.ts';
export { NonFiniteLossError } from './train/non-finite-loss-error.ts';
export { drive, driveAsync } from './train/drive.ts';
export { mlpClassifier, mlpRegressor } from './train/mlp-estimator.ts';
export type { MlpEstimator, MlpEstimatorOptions } from './train/mlp-estimator.ts';

// backpropagation made visible
export { backpropTrace } from './backprop-trace.ts';
export type { BackpropLayer, BackpropTrace } from './backprop-trace.ts';
export { gradientNorms } from './gradient-norms.ts';
export type { GradientNorm } from './gradient-norms.ts';

// @gradlab/models-nn: Modules, layers, activations, MLP, training loop, save and load.

// safetensors
export { saveSafetensors } from './safetensors/save-safetensors.ts';
export { loadSafetensors } from './safetensors/load-safetensors.ts';
export { readSafetensors, DEFAULT_MAX_SAFETENSORS_BYTES } from './safetensors/read-safetensors.ts';
export type { SafetensorsLoadOptions, SafetensorsContents } from './safetensors/read-safetensors.ts';
export { SafetensorsError } from './safetensors/safetensors-error.ts';
export type { SafetensorsErrorReason, SafetensorsErrorDetails } from './safetensors/safetensors-error.ts';

// model files
export { saveModel, loadModel, readModel, MODEL_CONFIG_KEY, MODEL_FORMAT_KEY } from './save-model.ts';
export type { LoadModelOptions } from './save-model.ts';
