import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lassoRegression, linearRegression, logisticRegression, perceptron, ridgeRegression } from '../src/index.ts';

interface Case {
  name: string;
  kind: 'linear' | 'ridge' | 'lasso' | 'logistic' | 'perceptron';
  x: number[][];
  t: number[];
  params: { lambda?: number; fitIntercept?: boolean; lr?: number; epochs?: number };
  coef: number[] | number[][];
  intercept: number[];
  proba?: number[][];
  predictions?: number[];
  reference?: string;
}

const fixtures = JSON.parse(readFileSync(new URL('./fixtures/sklearn-linear.json', import.meta.url), 'utf8')) as { sklearn: string; cases: Case[] };
const quiet = { onWarning: () => undefined };

function expectClose(actual: ArrayLike<number>, expected: readonly number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs((actual[i] as number) - (expected[i] as number))).toBeLessThan(tol);
}

describe(`scikit-learn ${fixtures.sklearn} linear_model fixtures (float64, 1e-8)`, () => {
  for (const c of fixtures.cases) {
    it(c.name, () => {
      const coef = (c.coef as (number | number[])[]).flat();
      const fitIntercept = c.params.fitIntercept ?? true;
      switch (c.kind) {
        case 'linear': {
          const m = linearRegression({ fitIntercept, ...quiet }).fit(c.x, c.t);
          expectClose(m.coef, coef, 1e-8);
          expectClose([m.intercept], c.intercept, 1e-8);
          // a rank-deficient design gives the minimum-norm solution (numpy's lstsq) and a warning
          expect(m.warnings).toHaveLength(c.reference === undefined ? 0 : 1);
          if (c.predictions !== undefined) expectClose(m.predict(c.x.slice(0, 5)), c.predictions, c.reference === undefined ? 1e-8 : 1e-6);
          return;
        }
        case 'ridge': {
          const m = ridgeRegression({ lambda: c.params.lambda ?? 0 }).fit(c.x, c.t);
          expectClose(m.coef, coef, 1e-8);
          expectClose([m.intercept], c.intercept, 1e-8);
          return;
        }
        case 'lasso': {
          const m = lassoRegression({ lambda: c.params.lambda ?? 0 }).fit(c.x, c.t);
          expectClose(m.coef, coef, 1e-8);
          expectClose([m.intercept], c.intercept, 1e-8);
          expect(m.coef.filter((v) => v === 0).length).toBe(coef.filter((v) => v === 0).length);
          return;
        }
        case 'logistic': {
          const m = logisticRegression({ lambda: c.params.lambda ?? 0 }).fit(c.x, c.t);
          expectClose(m.coef, coef, 1e-8);
          expectClose(m.intercept, c.intercept, 1e-8);
          expectClose(m.predictProba(c.x.slice(0, 5)).data, (c.proba ?? []).flat(), 1e-8);
          return;
        }
        case 'perceptron': {
          const m = perceptron({ lr: c.params.lr ?? 1, epochs: c.params.epochs ?? 1 }).fit(c.x, c.t);
          expectClose(m.coef, coef, 1e-8);
          expectClose(m.intercept, c.intercept, 1e-8);
          return;
        }
      }
    });
  }
});
