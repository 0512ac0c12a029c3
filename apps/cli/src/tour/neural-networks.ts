import { tensor } from '@gradlab/core-tensor';
import { twoMoons } from '@gradlab/data';
import { binaryCrossEntropyWithLogits, crossEntropy } from '@gradlab/losses';
import { adam } from '@gradlab/optim';
import { backpropTrace, fit, gradientNorms, linear, mlp, relu, sequential } from '@gradlab/models-nn';
import type { BackpropTrace } from '@gradlab/models-nn';
import type { TourSection } from './section.ts';

/**
 * The notes' worked example of chapter 6: x = [1, 2], a ReLU hidden layer with W¹ = [[1, 0], [0, −1]]
 * and the classification layer W² = [[−2, 1]], so the final pre-activation is a² = −2; label t = 0.
 */
export function notesNetwork() {
  const net = sequential(linear(2, 2, { bias: false, dtype: 'float64' }), relu(), linear(2, 1, { bias: false, dtype: 'float64' }));
  net.loadStateDict({ '0.weight': tensor([[1, 0], [0, -1]]), '2.weight': tensor([[-2, 1]]) });
  return { net, x: [1, 2], t: 0 };
}

const v = (xs: readonly number[]): string => `[${xs.map((x) => Number(x.toFixed(6))).join(', ')}]`;

/** Prints a {@link BackpropTrace} layer by layer, in the notes' notation. */
export function printTrace(tr: BackpropTrace, print: (line?: string) => void): void {
  print(`  h⁰ = x = ${v(tr.x)}, t = ${tr.t}`);
  for (const l of tr.layers) {
    const sup = l.l === 1 ? '¹' : l.l === 2 ? '²' : l.l === 3 ? '³' : `^${l.l}`;
    const prev = l.l - 1 === 0 ? '⁰' : l.l - 1 === 1 ? '¹' : l.l - 1 === 2 ? '²' : `^${l.l - 1}`;
    print(`  layer ${l.l}: a${sup} = W${sup}h${prev} = ${v(l.a)}, h${sup} = ${l.activation}(a${sup}) = ${v(l.h)}`);
  }
  const last = tr.layers[tr.layers.length - 1];
  print(`  p(t=1|x) = σ(a^L) = ${tr.p.toFixed(6)}, log-loss = log(1 + exp(−t± a^L)) = ${tr.loss.toFixed(6)}`);
  print('  backward: δ^L = σ(a^L) − t, then δ^l = (W^(l+1))ᵀ δ^(l+1) ⊙ f′(a^l), ∇W^l = δ^l (h^(l−1))ᵀ');
  for (const l of [...tr.layers].reverse()) {
    print(`  layer ${l.l}: δ = ${v(l.delta)}, ∇W = ${l.gradWeight.map((r) => v(r)).join(' ')}`);
  }
  if (last !== undefined) print(`  (the notes: δ = σ(−2) − 0 = ${(last.delta[0] ?? 0).toFixed(6)})`);
}

export const neuralNetworks: TourSection = {
  id: 'neural-networks',
  title: 'Neural networks: layers, backpropagation, vanishing gradients, training',
  chapter: '6. Neural networks',
  run(print) {
    print('a^l = W^l h^(l−1), h^l = f(a^l); W^l has shape [D_l, D_(l−1)]; the last layer gives p(t=1|x) = σ(a^L).');
    print("The notes' example, by backpropTrace (the recursion, not autodiff):");
    const { net, x, t } = notesNetwork();
    printTrace(backpropTrace(net, x, t), print);
    print();
    print('Vanishing gradients: ‖∇W^l‖ at initialisation, 6 hidden layers of 32 units, two moons:');
    const data = twoMoons({ n: 128, noise: 0.1, seed: 0 });
    const sizes = [2, 32, 32, 32, 32, 32, 32, 2];
    for (const activation of ['sigmoid', 'tanh', 'relu'] as const) {
      const rows = gradientNorms(mlp({ sizes, activation, seed: 0, dtype: 'float64' }), data, crossEntropy());
      print(`  ${activation.padEnd(8)}${rows.map((r) => r.norm.toExponential(1).padStart(9)).join('')}   (input layer first)`);
    }
    print('  Sigmoid gradients shrink ~4x per layer (σ′ ≤ 1/4); ReLU with He initialisation keeps them of one order.');
    print();
    const model = mlp({ sizes: [2, 16, 16, 1], activation: 'relu', seed: 0, dtype: 'float64' });
    const moons = { x: tensor(data.x.data, { shape: [...data.x.shape], dtype: 'float64' }), y: tensor(data.t, { dtype: 'float64' }) };
    const r = fit(model, moons, { loss: binaryCrossEntropyWithLogits(), optimizer: adam({ lr: 0.02 }), epochs: 60, batchSize: 32, seed: 0 });
    const first = r.history[0];
    const last = r.history[r.history.length - 1];
    print(`A 2-16-16-1 ReLU network on two moons, Adam, 60 epochs: loss ${first?.loss.toFixed(3)} → ${last?.loss.toFixed(3)}, training accuracy ${((last?.accuracy ?? 0) * 100).toFixed(1)}%.`);
    print('Try: gradlab train mlp --data digits --hidden 64 --epochs 30   (and gradlab nn backprop)');
  },
};
