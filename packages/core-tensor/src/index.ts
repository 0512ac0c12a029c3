// @gradlab/core-tensor: n-d tensors, broadcasting, reverse-mode autodiff, backends, seeded RNG and gradient checks.
export { GradlabError, ShapeError, DTypeError, ValueError, BackendError, DisposedError } from './errors.ts';
export type { GradlabErrorDetails } from './errors.ts';

// boundary checks (for every package and for plugin authors)
export type { ArgRef } from './validate/arg-ref.ts';
export { describeType } from './validate/arg-ref.ts';
export { didYouMean } from './validate/did-you-mean.ts';
export { DEFAULT_MAX_ELEMENTS, MAX_RANK, setMaxElements, getMaxElements, checkElementCount } from './validate/element-cap.ts';
export type { NumberRange } from './validate/require-number.ts';
export { requireFinite, requireNumber, requireInteger, requireBoolean } from './validate/require-number.ts';
export { requireOptions, requireOneOf, requireFunction, requireObject } from './validate/require-options.ts';
export { requireTensor, requireLive } from './validate/require-tensor.ts';
export { requireShape, requireFiniteArray } from './validate/require-shape.ts';
export { rng, rngFromState } from './random.ts';
export type { Rng } from './random.ts';

// dtypes and the tensor class
export type { DType, TypedArray } from './dtype.ts';
export { promoteTypes, isFloat } from './dtype.ts';
export { Tensor } from './tensor.ts';
export type { NestedArray } from './tensor.ts';
export type { TensorLike } from './ops/util.ts';

// creation
export { tensor, scalar, zeros, ones, full, zerosLike, onesLike, eye, arange, linspace, randUniform, randNormal, randBernoulli } from './creation.ts';
export type { TensorData, CreationOptions, TensorOptions } from './creation.ts';

// ops
export { neg, abs, sign, square, sqrt, exp, log, log1p, sin, cos, tanh, sigmoid, erf, relu } from './ops/unary.ts';
export { add, sub, mul, div, pow, maximum, minimum } from './ops/binary.ts';
export { equal, notEqual, less, lessEqual, greater, greaterEqual } from './ops/compare.ts';
export { where } from './ops/where.ts';
export { cast } from './ops/cast.ts';
export { reshape, flatten, transpose, permute, expandDims, squeeze, broadcastTo, slice, pad, contiguous } from './ops/movement.ts';
export { sum, mean, variance, max, min, argmax, argmin, logSumExp } from './ops/reduce.ts';
export type { ReduceOptions, VarianceOptions } from './ops/reduce.ts';
export { matmul, dot, outer } from './ops/matmul.ts';
export { leakyRelu, softplus, gelu, softmax, logSoftmax, clip } from './ops/activation.ts';
export { linear, softmaxCrossEntropy } from './ops/fused-nn.ts';
export type { GeluOptions } from './ops/activation.ts';
export { norm } from './ops/norm.ts';
export type { NormOptions } from './ops/norm.ts';
export { gather, take, oneHot } from './ops/indexing.ts';
export { concat, stack, split } from './ops/join.ts';
export { diag } from './ops/diag.ts';

// linear algebra (float64)
export { cholesky } from './linalg/cholesky.ts';
export { solve } from './linalg/solve.ts';
export { inverse } from './linalg/inverse.ts';
export { det } from './linalg/det.ts';
export { qr } from './linalg/qr.ts';
export type { QrResult } from './linalg/qr.ts';
export { lstsq } from './linalg/lstsq.ts';
export type { LstsqOptions, LstsqResult } from './linalg/lstsq.ts';
export { eigh } from './linalg/eigh.ts';
export type { EighResult } from './linalg/eigh.ts';
export { powerIteration } from './linalg/power-iteration.ts';
export type { PowerIterationOptions, PowerIterationResult } from './linalg/power-iteration.ts';

// autodiff
export { grad, valueAndGrad, jacobian, hessian, hessianVectorProduct } from './autodiff/grad.ts';
export type { GradOptions, GradResult, Differentiable, GradOf } from './autodiff/grad.ts';
export { stopGradient, noGrad } from './autodiff/stop-gradient.ts';
export { detectAnomaly } from './autodiff/detect-anomaly.ts';
export { customGrad } from './autodiff/custom-grad.ts';
export { trace } from './autodiff/trace.ts';
export type { TraceNode, TracedGraph } from './autodiff/trace.ts';
export { numericalGrad } from './autodiff/numerical-grad.ts';
export type { NumericalGradOptions } from './autodiff/numerical-grad.ts';

// memory scopes
export { tidy, keep, dispose, memoryInfo } from './memory/scope.ts';
export type { MemoryInfo } from './memory/scope.ts';

// backends
export type { Backend, StridedArray, UnaryOp, BinaryOp, CompareOp, ReduceOp, ArgReduceOp, FusedStep } from './backend/backend.ts';
export { KERNEL_NAMES, UNARY_OPS, BINARY_OPS, COMPARE_OPS, BACKEND_CONTRACT_VERSION, FUSABLE_UNARY, FUSABLE_BINARY } from './backend/backend.ts';
export { setBackend, getBackend } from './backend/registry.ts';
export { createJsBackend } from './backend/js/index.ts';
export type { JsBackendOptions } from './backend/js/index.ts';
export type { OutputAllocator } from './backend/js/output.ts';
