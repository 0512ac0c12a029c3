import { describe, expect, it } from 'vitest';
import { lassoRegression, linearRegression, logisticRegression, perceptron, ridgeRegression } from './index.ts';

describe('estimator factories check their options', () => {
  it('refuse an unknown key with a did-you-mean hint, as scikit-learn does', () => {
    expect(() => ridgeRegression({ lamda: 1 } as never)).toThrow(/ridgeRegression: unknown option lamda.*did you mean lambda\?/);
    expect(() => lassoRegression({ max_iter: 5 } as never)).toThrow(/lassoRegression/);
    expect(() => linearRegression({ intercept: false } as never)).toThrow(/linearRegression/);
    expect(() => logisticRegression({ C: 1 } as never)).toThrow(/logisticRegression/);
    expect(() => perceptron({ learningRate: 0.1 } as never)).toThrow(/perceptron/);
    expect(ridgeRegression({ lambda: 2 }).fit([[0], [1], [2]], [0, 1, 2]).predict([[1]])[0]).toBeGreaterThan(0);
  });
});
