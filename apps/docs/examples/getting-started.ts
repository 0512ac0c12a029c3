import { accuracy, loadBreastCancer, trainTestSplit, withStandardization } from '@gradlab/data';
import { logisticRegression } from '@gradlab/models-linear';

const data = loadBreastCancer(); // load: x [569, 30], t [569] (malignant 0, benign 1)
const { train, test } = trainTestSplit(data, { train: 0.8, test: 0.2, stratify: true, seed: 0 }); // split
const model = withStandardization(() => logisticRegression({ lambda: 1 }))(); // standardise, then ridge-penalised logistic regression
model.fit(train.x, train.t); // fit: ERM with the log-loss on the training set only
const predicted = model.predict(test.x); // hard predictions on the 113 held-out tumours
const score = accuracy(test.t, predicted); // score: the fraction predicted right
console.log(`test accuracy ${score.toFixed(3)} on ${test.t.length} samples`);

export { score };
