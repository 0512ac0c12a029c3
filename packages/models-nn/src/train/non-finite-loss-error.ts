import { DivergenceError } from '@gradlab/optim';

/**
 * Training met a NaN or infinite loss (or parameters): it names the epoch and the step. The
 * model keeps the weights of the last good step.
 */
export class NonFiniteLossError extends DivergenceError {
  /** The epoch (from 1) in which it happened. */
  readonly epoch: number;

  constructor(op: string, epoch: number, step: number, value: number, lr: number | undefined, what = 'the loss') {
    super(op, step, value, Infinity, lr);
    this.epoch = epoch;
    this.name = 'NonFiniteLossError';
    this.message = `[gradlab/models-nn] ${op}: ${what} became ${value} at epoch ${epoch}, step ${step}; the model keeps the weights of step ${step - 1}. Hint: lower the learning rate${lr === undefined ? '' : ` (${lr})`}, standardize the inputs, or check the data for extreme values`;
  }
}
