import { grad, tensor, type Tensor } from '@gradlab/core-tensor';
import { exponentialLoss, hinge, hingeAtZero, logisticLoss, zeroOne, type Loss } from '@gradlab/losses';
import { sgd } from '@gradlab/optim';

// The surrogate losses of the margin y = t± θᵀu(x); with t = 1 the margin is the score itself.
const margins = [-2, -1, 0, 1, 2];
const ofMargin = (loss: Loss): number[] => Array.from(loss.forward(tensor(margins), tensor(margins.map(() => 1))).data);
export const lossTable = {
  'zero-one': ofMargin(zeroOne({ from: 'score', reduction: 'none' })),
  exponential: ofMargin(exponentialLoss({ reduction: 'none' })),
  hinge: ofMargin(hinge({ reduction: 'none' })),
  'hinge-at-zero': ofMargin(hingeAtZero({ reduction: 'none' })),
  logistic: ofMargin(logisticLoss({ reduction: 'none' })),
};

// SGD with batch size 1 on θ·x: autodiff differentiates the loss of the score, SGD updates θ.
function sgdSteps(loss: Loss, samples = [{ x: 2.1, t: 1 }, { x: -1.5, t: 0 }]): number[] {
  const optimizer = sgd({ lr: 0.1 });
  let theta = tensor([-1]);
  let state = optimizer.init(theta);
  const thetas: number[] = [];
  for (const { x, t } of samples) {
    const g = grad((th: Tensor) => loss.forward(th.mul(x), tensor([t])))(theta);
    ({ params: theta, state } = optimizer.step(theta, g, state));
    thetas.push(theta.item());
  }
  return thetas;
}

export const perceptronThetas = sgdSteps(hingeAtZero()); // the perceptron: hinge-at-zero + SGD
export const logisticThetas = sgdSteps(logisticLoss()); // logistic regression: log-loss + SGD
