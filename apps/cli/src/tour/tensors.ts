import { grad, matmul, randNormal, rng, tensor } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import type { TourSection } from './section.ts';

export const tensors: TourSection = {
  id: 'tensors',
  title: 'Tensors and a first gradient',
  chapter: 'Overview',
  run(print) {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    print('A tensor is an n-d array with a shape and a dtype (float64 for JS numbers):');
    print(`  x = ${x.toString()}`);
    print();
    const b = tensor([10, 20, 30]);
    print('Broadcasting: shapes are aligned from the right and size-1 dims stretch, so a [3] row');
    print('is added to every row of the [2, 3] matrix without copying it:');
    print(`  x + [10, 20, 30] = ${JSON.stringify(x.add(b).toArray())}`);
    print(`  x.sum(0) = ${JSON.stringify(x.sum(0).toArray())}   x.mean(1) = ${JSON.stringify(x.mean(1).toArray())}`);
    print(`  x · xᵀ = ${JSON.stringify(matmul(x, x.transpose()).toArray())}`);
    print();
    print('Random tensors come from a seeded generator: the same seed gives the same bits everywhere.');
    print(`  randNormal(rng(42), [3]) = ${randNormal(rng(42), [3]).toString()}`);
    print();
    const g = (t: Tensor) => t.square().mul(tensor([1, 2, -1])).sum();
    const at = tensor([1, -1, 1]);
    print('Reverse-mode autodiff: grad(g) is a function that returns the gradient of a scalar g.');
    print('For g(θ) = θ1² + 2θ2² − θ3² at θ = [1, −1, 1]:');
    print(`  g(θ) = ${g(at).item()}`);
    print(`  grad(g)(θ) = ${JSON.stringify(grad(g)(at).toArray())}   (by hand: [2θ1, 4θ2, −2θ3] = [2, −4, −2])`);
    const cube = (t: Tensor) => t.pow(3);
    print(`  and gradients of gradients: d²/dx² x³ at x = 2 is ${grad(grad(cube))(tensor(2)).item()}`);
  },
};
