import { rng } from '@gradlab/core-tensor';
import { bernoulli, categorical, gaussian, jointTable, multivariateGaussian } from '@gradlab/prob';
import type { TourSection } from './section.ts';

const fmt = (v: number): string => String(Number(v.toPrecision(6)));

export const probability: TourSection = {
  id: 'probability',
  title: 'Random variables, expectations and joint tables',
  chapter: '1. Probability',
  run(print) {
    print('A discrete random variable x takes values in a set X with pmf p(x) = Pr[x = x].');
    const coin = bernoulli(0.5);
    print(`  a fair coin: ${coin.toString()}, p(1) = ${fmt(coin.prob(1))}, entropy ${fmt(coin.entropy())} nats`);
    const x = categorical([0.1, 0.2, 0.7]);
    print(`  x ~ ${x.toString()} on {0, 1, 2}: one-hot code of 2 is [${x.oneHot(2).join(', ')}]`);
    print(`  E[x] = Σ p(x)·x = ${fmt(x.mean())},  E[x²] = Σ p(x)·x² = ${fmt(x.expectation((v) => v * v))}   (the notes: 3)`);
    print();
    print('A continuous variable has a density; expectations are integrals (quadrature here).');
    const g = gaussian(1, 2);
    print(`  x ~ ${g.toString()}: E[x] = ${fmt(g.expectation((v) => v))} = μ,  E[x²] = ${fmt(g.expectation((v) => v * v))} = μ² + σ²`);
    const draws = g.sample(rng(0), 100_000);
    const m = draws.reduce((s, v) => s + v, 0) / draws.length;
    print(`  the mean of 100 000 seeded samples is ${fmt(m)} (standard error ${fmt(2 / Math.sqrt(1e5))})`);
    print();
    print('A random vector has a joint pmf. The notes\' jointly Bernoulli table:');
    const p = jointTable({ variables: ['x1', 'x2'], probs: [[0.45, 0.05], [0.1, 0.4]] });
    for (const line of p.format().split('\n')) print(`  ${line}`);
    print(`  marginals: x1 ~ ${p.marginal('x1').toDistribution().toString()}, x2 ~ ${p.marginal('x2').toDistribution().toString()}`);
    const c = p.conditional({ x2: 0 });
    print(`  conditional: x1 | x2 = 0 ~ ${c.toDistribution().toString()}   (0.1 / 0.55 = ${fmt(c.prob({ x1: 1 }))})`);
    const chain = p.chainRule(['x1', 'x2']);
    print(`  chain rule: p(x1, x2) = p(x1) p(x2 | x1), largest error ${chain.maxError.toExponential(1)}`);
    print(`  independent? ${p.isIndependent('x1', 'x2') ? 'yes' : 'no'}: p(0, 0) = 0.45 but p(x1=0) p(x2=0) = ${fmt(p.prob({ x1: 0 }) * p.prob({ x2: 0 }))}`);
    const b = p.bayes('x2', { x1: 1 });
    print(`  Bayes: p(x2=1 | x1=1) = p(x2=1) p(x1=1 | x2=1) / p(x1=1) = ${fmt(b.prior[1] as number)}·${fmt(b.likelihood[1] as number)}/${fmt(b.evidence)} = ${fmt(b.posterior[1] as number)}`);
    print();
    const xy = multivariateGaussian([0, 1], [[1, 0.8], [0.8, 1]]);
    const cond = xy.conditional([0], [2]);
    print(`Jointly Gaussian: ${xy.toString()}; given x1 = 2, x2 ~ N(${fmt(cond.mu[0] as number)}, ${fmt(cond.cov[0]?.[0] as number)}).`);
    print('Try: gradlab prob joint --table \'[[0.45,0.05],[0.1,0.4]]\' --names x1,x2');
  },
};
