import { bayesLogLoss, optimalHardPredictor, optimalSoftPredictor, populationLogLoss, populationLoss, quadraticLoss, zeroOneLoss } from '@gradlab/inference';
import { bernoulli, jointTable } from '@gradlab/prob';
import type { TourSection } from './section.ts';

const fmt = (v: number): string => String(Number(v.toPrecision(6)));

export const inference: TourSection = {
  id: 'inference',
  title: 'Optimal prediction with a known joint p(x, t)',
  chapter: '2. Inference',
  run(print) {
    print('Detection: observe x, guess t. The joint p(x, t) is known:');
    const p = jointTable({ variables: ['x', 't'], probs: [[0.45, 0.05], [0.1, 0.4]] });
    for (const line of p.format().split('\n')) print(`  ${line}`);
    print();
    const always1 = (): number => 1;
    print(`A hard predictor that always says t̂ = 1: population 0-1 loss L_p = ${fmt(populationLoss(p, always1, zeroOneLoss()))}`);
    const map = optimalHardPredictor(p, zeroOneLoss());
    print(`The optimal one under 0-1 loss is the posterior mode: t̂(0) = ${map({ x: 0 })}, t̂(1) = ${map({ x: 1 })},`);
    print(`  with L_p = ${fmt(populationLoss(p, map, zeroOneLoss()))}: the Bayes risk, the least any predictor can do.`);
    const mean = optimalHardPredictor(p, quadraticLoss());
    print(`Under the quadratic loss the optimum is the posterior mean: t̂(0) = ${fmt(mean({ x: 0 }) as number)}, t̂(1) = ${fmt(mean({ x: 1 }) as number)}, L_p = ${fmt(populationLoss(p, mean, quadraticLoss()))}.`);
    print();
    const q = optimalSoftPredictor(p);
    print(`A soft predictor gives q(t | x). The optimal one is the posterior: q(1 | 0) = ${fmt(q({ x: 0 }).prob(1))}, q(1 | 1) = ${fmt(q({ x: 1 }).prob(1))}.`);
    print(`  population log-loss E[−log q(t | x)] = ${fmt(populationLogLoss(p, q))} nats = H(t | x) = ${fmt(bayesLogLoss(p))}`);
    print(`  a coin flip q = Bern(0.5) scores ${fmt(populationLogLoss(p, () => bernoulli(0.5)))} = log 2.`);
    print('Try: gradlab infer --table \'[[0.45,0.05],[0.1,0.4]]\' --names x,t --predict 0=1,1=1');
  },
};
