import { lstsq, rng, tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { compile, parse } from '@gradlab/core-tensor/symbolic';
import {
  DivergenceError,
  checkConvexity,
  checkRobbinsMonro,
  classifyStationaryPoint,
  constantSchedule,
  estimateSmoothness,
  gradientDescent,
  leastSquaresSmoothness,
  minimize,
  robbinsMonro,
  sgd,
  suggestStepSize,
} from '@gradlab/optim';
import type { TourSection } from './section.ts';

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));

/** g(θ) = 0.5(θ − 2)² + 1.5(θ + 1)²: minimum at θ = −0.25, g'' = 4. */
const g = (t: Tensor): Tensor => t.sub(2).square().mul(0.5).add(t.add(1).square().mul(1.5)).sum();

/** A gradient-descent path at step size γ, told in one line. */
function path(lr: number, label: string): string {
  const thetas: number[] = [];
  const head = (): string => `  γ = ${label.padEnd(7)} θ: ${thetas.slice(0, 5).map(fmt).join(', ')}, ...`;
  try {
    const r = gradientDescent(g, tensor([5]), { lr, steps: 300, tolerance: 1e-9, onStep: ({ params }) => void thetas.push(params.item()) });
    const verdict = r.converged ? `converges in ${r.steps} step(s)` : `${r.steps} steps, not yet converged`;
    const decrease = r.violations.length === 0 ? 'decrease guaranteed at every step' : `guaranteed decrease violated at ${r.violations.length} step(s)`;
    return `${head()}  ${verdict}; ${decrease}`;
  } catch (error) {
    if (error instanceof DivergenceError) return `${head()}  diverges (reported at step ${error.step})`;
    throw error;
  }
}

export const optimisation: TourSection = {
  id: 'optimisation',
  title: 'Gradient descent, step sizes and SGD',
  chapter: '4. Optimisation',
  run(print) {
    print('g(θ) = 0.5(θ − 2)² + 1.5(θ + 1)², started at θ = 5.');
    const L = estimateSmoothness(g, tensor([5])).L;
    print(`Smoothness: power iteration on Hessian-vector products gives L = ${fmt(L)}, so γ = 1/L = ${fmt(suggestStepSize(L))}.`);
    const stationary = classifyStationaryPoint(g, tensor([-0.25]));
    print(`At θ = -0.25 the gradient is ${fmt(stationary.gradientNorm)} and the Hessian is ${fmt(stationary.eigenvalues[0] ?? NaN)} > 0: a ${stationary.kind}.`);
    print(`Convex on [-10, 10]: ${checkConvexity((x) => 0.5 * (x - 2) ** 2 + 1.5 * (x + 1) ** 2, { interval: [-10, 10] }).convex ? 'yes' : 'no'} (g'' = 4 everywhere).`);
    print();
    print('Gradient descent θ ← θ − γ g\'(θ) at several step sizes:');
    print(path(0.1, '0.1'));
    print(path(0.25, '1/L'));
    print(path(0.45, '1.8/L'));
    print(path(2.5 / 4, '2.5/L'));
    print('With γ <= 1/L each step lowers g by at least (γ/2)|g\'(θ)|²; beyond 2/L the iterates run away.');
    print();
    const seed = compile(parse('theta1^2 + 2*theta2^2 - theta3^2'));
    const origin = classifyStationaryPoint(seed, tensor([0, 0, 0]));
    print(`θ1² + 2θ2² − θ3² at 0: Hessian eigenvalues ${origin.eigenvalues.map((v) => fmt(Math.round(v * 1e9) / 1e9)).join(', ')}: a ${origin.kind} point.`);
    print();
    print('Mini-batch SGD for least squares on 40 noisy points t = 1 + 2x + noise, batch size 4:');
    const r0 = rng(0);
    const xs = Array.from({ length: 40 }, (_, n) => -1 + n / 20);
    const ts = xs.map((x) => 1 + 2 * x + 0.5 * r0.normal());
    const X = tensor(xs.map((x) => [1, x]));
    const erm = Array.from(lstsq(X, tensor(ts)).solution.data);
    print(`  L = (2/N) λ_max(XᵀX) = ${fmt(leastSquaresSmoothness(X))}; the ERM solution θ_D = [${erm.map(fmt).join(', ')}]`);
    const loss = (theta: Tensor, batch?: Int32Array): Tensor => {
      const idx = Array.from(batch ?? []);
      const u = tensor(idx.map((i) => [1, xs[i] ?? 0]));
      const t = tensor(idx.map((i) => ts[i] ?? 0));
      return u.matmul(theta).sub(t).square().mean();
    };
    for (const schedule of [robbinsMonro({ lr: 0.5, beta: 0.05, alpha: 0.75 }), constantSchedule({ lr: 0.5 })]) {
      const check = checkRobbinsMonro(schedule);
      print(`  ${schedule.id} ${JSON.stringify(schedule.config)}: Robbins–Monro ${check.satisfied ? 'holds' : 'fails'} (${check.reason})`);
      const distance = (theta: Tensor): string => fmt(Math.hypot(...Array.from(theta.data).map((v, i) => v - (erm[i] ?? 0))));
      const errors: string[] = [];
      minimize(loss, tensor([0, 0]), {
        optimizer: sgd(),
        schedule,
        steps: 4000,
        batches: { size: 40, batchSize: 4, rng: rng(1) },
        onStep: ({ step, params }) => {
          if (step === 100 || step === 1000 || step === 4000) errors.push(`${step} steps ${distance(params)}`);
        },
      });
      print(`    |θ − θ_D| after ${errors.join(', ')}`);
    }
    print();
    print('Try: gradlab optimize "0.5*(theta-2)^2 + 1.5*(theta+1)^2" --from 5 --lr 0.25');
    print('     gradlab optimize "x^2 + 10*y^2" --from x=3,y=1 --optimizer adam --lr 0.1 --steps 200');
  },
};
