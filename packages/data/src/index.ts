// @gradlab/data: Datasets, CSV loading, splits, batching, K-fold and model selection.
export { toMatrix, toVector, matrixRow, takeRows } from './matrix.ts';
export type { Matrix, MatrixInput, VectorInput, ReadWhere } from './matrix.ts';
export { dataset, subset } from './dataset.ts';
export type { Dataset, DatasetOptions } from './dataset.ts';
export { toTensors } from './to-tensors.ts';
export type { Seed } from './seed.ts';
export { describeDataset } from './describe-dataset.ts';
export type { DatasetDescription, ColumnSummary, ClassCount } from './describe-dataset.ts';

export { sinusoid } from './synthetic/sinusoid.ts';
export type { SinusoidOptions } from './synthetic/sinusoid.ts';
export { gaussianBlobs } from './synthetic/gaussian-blobs.ts';
export type { GaussianBlobsOptions } from './synthetic/gaussian-blobs.ts';
export { twoMoons } from './synthetic/two-moons.ts';
export type { TwoMoonsOptions } from './synthetic/two-moons.ts';
export { xor } from './synthetic/xor.ts';
export type { XorOptions } from './synthetic/xor.ts';
export { linearClasses } from './synthetic/linear-classes.ts';
export type { LinearClassesOptions } from './synthetic/linear-classes.ts';
export { sampleJointTable } from './synthetic/sample-joint-table.ts';
export type { JointTableLike, SampleJointTableOptions } from './synthetic/sample-joint-table.ts';
export { sampleJointGaussian } from './synthetic/sample-joint-gaussian.ts';
export type { JointGaussianLike, SampleJointGaussianOptions } from './synthetic/sample-joint-gaussian.ts';

export { loadIris } from './builtin/load-iris.ts';
export { loadDigits } from './builtin/load-digits.ts';
export { loadBreastCancer } from './builtin/load-breast-cancer.ts';
export { loadTextCorpus } from './builtin/load-text-corpus.ts';
export type { TextCorpus } from './builtin/load-text-corpus.ts';
export { builtinDatasets } from './builtin/builtin-datasets.ts';

export { parseCsv } from './csv/parse-csv.ts';
export { CsvError } from './csv/csv-error.ts';
export type { CsvOptions, CsvColumn, ColumnRef } from './csv/csv-options.ts';
export type { CsvResult } from './csv/csv-table-builder.ts';

export { holdoutSplit } from './split/holdout-split.ts';
export type { HoldoutSplitOptions, HoldoutIndices, SplitFractions } from './split/holdout-split.ts';
export { trainTestSplit } from './split/train-test-split.ts';
export type { TrainTestSplitOptions, SplitDatasets } from './split/train-test-split.ts';
export { miniBatches, miniBatchIndices } from './split/mini-batches.ts';
export type { MiniBatchOptions } from './split/mini-batches.ts';
export { kFold } from './split/k-fold.ts';
export type { KFoldOptions } from './split/k-fold.ts';
export { stratifiedKFold } from './split/stratified-k-fold.ts';
export { leaveOneOut } from './split/leave-one-out.ts';
export type { Fold } from './split/check-folds.ts';

export type { Estimator, EstimatorFactory } from './selection/estimator.ts';
export { defineMetric, builtinMetrics, resolveMetric } from './selection/metric.ts';
export type { Metric, BuiltinMetricName } from './selection/metric.ts';
export { crossValidate } from './selection/cross-validate.ts';
export type { CrossValidateOptions, CrossValidation } from './selection/cross-validate.ts';
export type { FoldOptions } from './selection/evaluate-fold.ts';
export { validationCurve } from './selection/validation-curve.ts';
export type { ValidationCurveOptions } from './selection/validation-curve.ts';
export { learningCurve } from './selection/learning-curve.ts';
export type { LearningCurveOptions } from './selection/learning-curve.ts';
export type { CurvePoint } from './selection/curve-point.ts';

export { standardScaler, standardScalerFromJSON } from './preprocess/standard-scaler.ts';
export type { StandardScaler, StandardScalerJSON } from './preprocess/standard-scaler.ts';
export { withStandardization } from './preprocess/with-standardization.ts';
export type { StandardizedEstimator } from './preprocess/with-standardization.ts';

export { meanSquaredError } from './metrics/mean-squared-error.ts';
export { meanAbsoluteError } from './metrics/mean-absolute-error.ts';
export { r2Score } from './metrics/r2-score.ts';
export { accuracy } from './metrics/accuracy.ts';
export { zeroOneError } from './metrics/zero-one-error.ts';
export { precision } from './metrics/precision.ts';
export { recall } from './metrics/recall.ts';
export { f1Score } from './metrics/f1-score.ts';
export type { Average, ClassScoreOptions } from './metrics/class-counts.ts';
export { confusionMatrix } from './metrics/confusion-matrix.ts';
export type { ConfusionMatrix } from './metrics/confusion-matrix.ts';
export { logLoss } from './metrics/log-loss.ts';
export { rocAuc } from './metrics/roc-auc.ts';
