import { GradlabError } from '@gradlab/core-tensor';

/**
 * Thrown when an optimisation diverges: the objective became NaN or ±Infinity, or grew past the
 * divergence threshold. Carries the step at which it was seen and the value there.
 *
 * @example
 * ```ts
 * try { minimize(f, theta0, { optimizer: gd({ lr: 10 }) }); }
 * catch (e) { if (e instanceof DivergenceError) console.log(e.step, e.value); }
 * ```
 */
export class DivergenceError extends GradlabError {
  /** The number of updates applied when divergence was seen. */
  readonly step: number;
  /** The objective's value there. */
  readonly value: number;

  /**
   * @param op the function that detected it (`minimize`, `gradientDescent`)
   * @param step the number of updates applied
   * @param value the objective's value
   * @param limit the threshold it passed
   * @param lr the learning rate in use, if known
   * @param gradNorm ‖∇g‖ there, when it is the gradient that stopped being finite
   */
  constructor(op: string, step: number, value: number, limit: number, lr?: number, gradNorm?: number) {
    const what = Number.isNaN(value)
      ? 'the loss is NaN'
      : !Number.isFinite(value)
        ? `the loss is ${value}`
        : value > limit
          ? `the loss ${value} exceeds ${limit}`
          : `the gradient norm is ${String(gradNorm)}`;
    super(`diverged at step ${step}: ${what}`, {
      pkg: 'optim',
      op,
      expected: `a finite loss below ${limit} with a finite gradient`,
      received: value,
      hint:
        lr === undefined
          ? 'lower the learning rate; for an L-smooth loss lr <= 1/L guarantees descent (estimateSmoothness, suggestStepSize)'
          : `lower the learning rate (${lr}); for an L-smooth loss lr <= 1/L guarantees descent (estimateSmoothness, suggestStepSize)`,
    });
    this.step = step;
    this.value = value;
  }
}
