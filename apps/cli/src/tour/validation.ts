import {
  crossValidate,
  dataset,
  describeDataset,
  kFold,
  learningCurve,
  loadIris,
  meanSquaredError,
  sinusoid,
  subset,
  trainTestSplit,
  validationCurve,
} from '@gradlab/data';
import { linearRegression, polynomialRegression } from '@gradlab/models-linear';
import type { TourSection } from './section.ts';

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(4));
const quiet = { onWarning: (): void => undefined };

export const validation: TourSection = {
  id: 'validation',
  title: 'Validation and K-fold cross-validation',
  chapter: '3. Supervised learning',
  run(print) {
    print("The notes' example: D = {(0,0), (1,1), (2,2), (3,2)}, a line t̂ = θ0 + θ1·x fitted on x ∈ {2, 3}.");
    const d = dataset([0, 1, 2, 3], [0, 1, 2, 2]);
    const fold = kFold(4, 2, { shuffle: false })[0] ?? { train: [], validation: [] };
    const train = subset(d, fold.train);
    const line = linearRegression().fit(train.x, train.t);
    print(`   unshuffled 2-fold, fold 1: train on samples [${fold.train.join(', ')}], validate on [${fold.validation.join(', ')}]`);
    print(`   θ = (${Array.from(line.theta, (v) => fmt(Math.abs(v) < 1e-12 ? 0 : v)).join(', ')})`);
    print(`   quadratic loss over all of D: ${fmt(meanSquaredError(d.t, line.predict(d.x)))} (= 5/4)`);
    print();

    print('K-fold on the regression example t = sin(2πx) + noise, N = 10 (seed 0), K = 5:');
    const folds = kFold(10, 5, { seed: 0 });
    for (const [k, f] of folds.entries()) print(`   fold ${k + 1} validates on samples [${f.validation.join(', ')}]`);
    print('   every sample is in exactly one validation fold; the same seed gives the same folds.');
    print();

    print('Cross-validation of the model order M on N = 30 samples (the average of K = 5 validation losses):');
    const data30 = sinusoid({ n: 30, seed: 0 });
    const curve = validationCurve((m: number) => polynomialRegression({ degree: m, ...quiet }), data30, { values: [0, 1, 3, 9], k: 5, seed: 0 });
    print('   M   training loss   validation loss (mean ± std over folds)');
    for (const p of curve) print(`   ${String(p.value).padEnd(3)} ${fmt(p.trainMean).padStart(13)}   ${fmt(p.validationMean).padStart(15)} ± ${fmt(p.validationStd)}`);
    const best = curve.reduce((a, b) => (b.validationMean < a.validationMean ? b : a));
    print(`   training loss keeps falling with M; validation loss picks M = ${best.value}.`);
    const cv3 = crossValidate(() => polynomialRegression({ degree: 3, ...quiet }), data30, { k: 5, seed: 0 });
    print(`   crossValidate(M = 3): fold losses [${cv3.validationLosses.map(fmt).join(', ')}], mean ${fmt(cv3.meanValidationLoss)}`);
    print();

    print('Learning curve for M = 3 on N = 100 samples (K = 5): more data, less estimation error.');
    const lc = learningCurve(() => polynomialRegression({ degree: 3, ...quiet }), sinusoid({ n: 100, seed: 1 }), { sizes: [5, 10, 20, 40, 80], k: 5, seed: 0 });
    print('   N    training loss   validation loss');
    for (const p of lc) print(`   ${String(p.value).padEnd(4)} ${fmt(p.trainMean).padStart(13)}   ${fmt(p.validationMean).padStart(15)}`);
    print('   both approach the noise variance 0.09 plus the bias of the cubic.');
    print();

    const iris = loadIris();
    const split = trainTestSplit(iris, { train: 0.6, validation: 0.2, test: 0.2, stratify: true, seed: 0 });
    const counts = (part: typeof iris): string => (describeDataset(part).classes ?? []).map((c) => c.count).join('/');
    print('A stratified train / validation / test split of iris (60/20/20, seed 0) keeps the classes balanced:');
    print(`   train ${split.train.t.length} (${counts(split.train)}), validation ${split.validation.t.length} (${counts(split.validation)}), test ${split.test.t.length} (${counts(split.test)})`);
    print('   choose M or λ on the validation set (or by K-fold); report the test loss once, at the end.');
  },
};
