import { sinusoid } from '@gradlab/data';
import {
  biasEstimationSweep,
  doubleDescent,
  gaussianLinearRegression,
  linearRegression,
  logisticRegression,
  perceptron,
  polynomialFeatureMap,
  polynomialFitCurves,
  polynomialRegression,
  populationLoss,
  sinusoidPopulation,
  sklearnAlpha,
} from '@gradlab/models-linear';
import type { TrainingStep } from '@gradlab/models-linear';
import { sgd } from '@gradlab/optim';
import type { TourSection } from './section.ts';

const fmt = (v: number): string => (Math.abs(v) >= 1e5 ? v.toExponential(3) : String(Number(v.toPrecision(6))));
const col = (v: number, w = 11): string => fmt(v).padStart(w);
const quiet = { onWarning: () => undefined };

export const supervisedLearning: TourSection = {
  id: 'supervised-learning',
  title: 'Supervised learning: ERM, under- and over-fitting, bias versus estimation error',
  chapter: '3. Supervised learning',
  run(print) {
    print('ERM with a linear-in-θ model t̂(x) = θᵀu(x) and quadratic loss: θ = (XᵀX)⁻¹Xᵀt, solved through the SVD.');
    const notes = linearRegression().fit([2, 3], [2, 2]);
    print(`  the notes' example, trained on x ∈ {2, 3} only: θ = (${fmt(notes.theta[0] as number)}, ${fmt(notes.theta[1] as number)}),`);
    print(`  its quadratic loss on all of D = {(0,0), (1,1), (2,2), (3,2)} is ${fmt(notes.loss([0, 1, 2, 3], [0, 1, 2, 2]))}   (the notes: 5/4)`);
    const singular = linearRegression(quiet).fit([[0, 0], [1, 1], [2, 2]], [1, 3, 5]);
    print(`  a repeated column makes XᵀX singular: rank ${singular.rank}, minimum-norm θ = [${Array.from(singular.theta, fmt).join(', ')}] and a warning`);
    print();
    print('Polynomial features u(x) = [1, x, ..., x^M] on N = 10 samples of sin(2πx) + N(0, 0.3²) (the notes\' figure):');
    const population = sinusoidPopulation({ noiseStd: 0.3 });
    const d = sinusoid({ n: 10, noiseStd: 0.3, seed: 0 });
    print(`  ${'M'.padStart(3)} ${'L_D(θ)'.padStart(11)} ${'L_p(θ)'.padStart(11)}`);
    const verdict: Record<number, string> = { 1: 'under-fits: both losses high', 3: 'a good fit', 9: 'over-fits: training loss ≈ 0, population loss large' };
    for (const c of polynomialFitCurves(d.x, d.t, { population })) print(`  ${String(c.degree).padStart(3)} ${col(c.trainLoss)} ${col(c.populationLoss as number)}   ${verdict[c.degree] ?? ''}`);
    print(`  (the minimum population loss, of the optimal predictor sin(2πx), is σ² = ${fmt(population.noiseVariance)}; draw it with`);
    print('   gradlab fit poly --data sinusoid --degree 1,3,9 --validation 0 --plot fit.svg)');
    print();
    print('Probabilistic view: p(t|x, θ) = N(t | θᵀu(x), σ²), learned by maximum likelihood (= least squares for θ):');
    const ml = gaussianLinearRegression({ features: polynomialFeatureMap(3, { bias: false }) }).fit(d.x, d.t);
    const pred = ml.predictiveDistribution([0.25]);
    print(`  M = 3: σ²_ML = ${fmt(ml.noiseVariance)}; predictive distribution at x = 0.25: N(${fmt(pred.mean[0] as number)}, ${fmt(pred.variance[0] as number)})`);
    print();
    print('Regularisation L_D(θ) + (λ/N)R(θ) tames M = 9 on the same 10 points:');
    for (const [name, make] of [
      ['ridge λ = 1e-3', () => polynomialRegression({ degree: 9, penalty: 'ridge', lambda: 1e-3 })],
      ['LASSO λ = 1e-3', () => polynomialRegression({ degree: 9, penalty: 'lasso', lambda: 1e-3, ...quiet })],
    ] as const) {
      const m = make().fit(d.x, d.t);
      print(`  ${name}: L_D = ${fmt(m.loss(d.x, d.t))}, L_p = ${fmt(populationLoss((x) => m.predict(x), population))}`);
    }
    print(`  scikit-learn's names: Ridge(alpha = λ = ${sklearnAlpha('ridge', 1e-3, 10)}), Lasso(alpha = λ/(2N) = ${sklearnAlpha('lasso', 1e-3, 10)}), LogisticRegression(C = 1/(2λ))`);
    print();
    print('L_p(θ_D) = L_p(t̂*) + bias + estimation error, averaged over 20 data sets per (M, N):');
    const rows = biasEstimationSweep({ population, model: (m) => polynomialRegression({ degree: m, ...quiet }), degrees: [1, 3, 5, 7], sizes: [15, 100], seeds: 20 });
    print(`  ${'N'.padStart(4)} ${'M'.padStart(3)} ${'L_p(θ*)'.padStart(11)} ${'bias'.padStart(11)} ${'est. error'.padStart(11)} ${'L_p(θ_D)'.padStart(11)}`);
    for (const r of rows) print(`  ${String(r.n).padStart(4)} ${String(r.degree).padStart(3)} ${col(r.bestInClassLoss)} ${col(r.bias)} ${col(r.estimationError)} ${col(r.ermLoss)}`);
    print('  bias falls with M; estimation error grows with M (from M = 3 on; M = 1 is so wrong that its fit varies too) and shrinks with N.');
    print();
    print('Double descent: minimum-norm least squares on F random ReLU features, N = 15 (20 data sets):');
    const dd = doubleDescent({ population: sinusoidPopulation({ noiseStd: 0.1 }), n: 15, featureCounts: [3, 8, 15, 30, 100, 400], seeds: 20 });
    print(`  ${'F'.padStart(5)} ${'L_p'.padStart(11)}`);
    for (const r of dd) print(`  ${String(r.features).padStart(5)} ${col(r.populationLoss)}${r.features === 15 ? '   ← F = N: the interpolation threshold' : ''}`);
    print();
    print('Chapter 5 with the model classes (u(x) = x, θ = −1, γ = 0.1, samples (2.1, 1) then (−1.5, 0) in order):');
    const steps = (s: TrainingStep[]): string => s.map((v) => fmt(Number((v.theta[0] as number).toFixed(6)))).join(', then ');
    const p: TrainingStep[] = [];
    perceptron({ lr: 0.1, epochs: 1, fitIntercept: false, init: [-1], onStep: (s) => p.push(s) }).fit([2.1, -1.5], [1, 0]);
    print(`  perceptron():          θ = ${steps(p)}   (the notes: -0.79, then -0.64)`);
    const l: TrainingStep[] = [];
    logisticRegression({ solver: 'gradient', fitIntercept: false, training: { optimizer: sgd({ lr: 0.1 }), epochs: 1, batchSize: 1, shuffle: false, init: [-1], onStep: (s) => l.push(s) } }).fit([2.1, -1.5], [1, 0]);
    print(`  logisticRegression():  θ = ${steps(l)}   (the notes: -0.812910, then -0.697118)`);
  },
};
