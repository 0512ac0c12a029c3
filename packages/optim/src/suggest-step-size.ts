import { ValueError } from '@gradlab/core-tensor';

/**
 * The step size γ = 1/L for an L-smooth objective: with it, every gradient-descent step decreases
 * g by at least (γ/2)‖∇g‖² = ‖∇g‖²/(2L), and the iterates converge to a stationary point. (For a
 * convex quadratic any γ < 2/L converges, but only γ <= 1/L carries the guarantee.)
 *
 * @param L the smoothness constant, > 0 (from `leastSquaresSmoothness`, `logisticSmoothness` or
 *   `estimateSmoothness(...).L`)
 * @returns 1/L
 * @throws ValueError when L is not a positive finite number
 * @example
 * ```ts
 * suggestStepSize(4); // 0.25
 * ```
 */
export function suggestStepSize(L: number): number {
  if (typeof L !== 'number' || !Number.isFinite(L) || L <= 0) {
    throw new ValueError(`Invalid smoothness constant: ${String(L)}`, {
      pkg: 'optim',
      op: 'suggestStepSize',
      arg: 'L',
      expected: 'a finite L > 0',
      received: L,
      hint: 'L = 0 means g is linear (no finite step is safe to suggest) or constant',
    });
  }
  return 1 / L;
}
