import { ValueError } from '@gradlab/core-tensor';

/**
 * scikit-learn's regularisation parameter equivalent to the notes' λ in L_D(θ) + (λ/N)R(θ):
 * - `ridge`: `Ridge(alpha)` minimises ‖t − Xw‖² + alpha‖w‖², N times the notes' objective, so alpha = λ.
 * - `lasso`: `Lasso(alpha)` minimises (1/2N)‖t − Xw‖² + alpha‖w‖₁, half the notes' objective, so alpha = λ/(2N).
 * - `logistic`: `LogisticRegression(C)` minimises C Σ log-loss + ½‖w‖²; divided by C and by N it is
 *   (1/N)Σ log-loss + (1/(2CN))‖w‖², the notes' objective with λ = 1/(2C), so C = 1/(2λ).
 * @param penalty which model
 * @param lambda the notes' λ ≥ 0
 * @param n N, the number of training samples (used by `lasso`)
 * @returns alpha for ridge and lasso, C for logistic (Infinity when λ = 0)
 * @throws ValueError when λ is negative or N is not a positive integer
 * @example
 * sklearnAlpha('lasso', 1, 10); // 0.05
 */
export function sklearnAlpha(penalty: 'ridge' | 'lasso' | 'logistic', lambda: number, n: number): number {
  if (!(lambda >= 0)) throw new ValueError('λ must be >= 0', { pkg: 'models-linear', op: 'sklearnAlpha', arg: 'lambda', expected: '>= 0', received: lambda });
  if (!Number.isInteger(n) || n < 1) throw new ValueError('N must be a positive integer', { pkg: 'models-linear', op: 'sklearnAlpha', arg: 'n', expected: 'an integer >= 1', received: n });
  if (penalty === 'ridge') return lambda;
  if (penalty === 'lasso') return lambda / (2 * n);
  return lambda === 0 ? Infinity : 1 / (2 * lambda);
}

/**
 * The inverse of {@link sklearnAlpha}: the notes' λ for scikit-learn's alpha (ridge, lasso) or C (logistic).
 * @param penalty which model
 * @param alpha scikit-learn's alpha, or C for `logistic`
 * @param n N, the number of training samples (used by `lasso`)
 * @returns λ
 * @throws ValueError when alpha is negative or N is not a positive integer
 * @example
 * lambdaFromSklearn('logistic', 1, 100); // 0.5
 */
export function lambdaFromSklearn(penalty: 'ridge' | 'lasso' | 'logistic', alpha: number, n: number): number {
  if (!(alpha >= 0)) throw new ValueError('alpha must be >= 0', { pkg: 'models-linear', op: 'lambdaFromSklearn', arg: 'alpha', expected: '>= 0', received: alpha });
  if (!Number.isInteger(n) || n < 1) throw new ValueError('N must be a positive integer', { pkg: 'models-linear', op: 'lambdaFromSklearn', arg: 'n', expected: 'an integer >= 1', received: n });
  if (penalty === 'ridge') return alpha;
  if (penalty === 'lasso') return alpha * 2 * n;
  return alpha === Infinity ? 0 : 1 / (2 * alpha);
}
