import type { Tensor } from '../tensor.ts';
import { GradlabError, ValueError } from '../errors.ts';
import { grad } from '../autodiff/grad.ts';
import { numericalGrad } from '../autodiff/numerical-grad.ts';
import { cast } from '../ops/cast.ts';

/** Options of {@link gradCheck}: |analytic − numeric| ≤ atol + rtol·|numeric| elementwise. */
export interface GradCheckOptions {
  /** Relative tolerance (default 1e-5). */
  rtol?: number;
  /** Absolute tolerance (default 1e-6). */
  atol?: number;
  /** Relative finite-difference step (default cbrt(ε), see numericalGrad). */
  eps?: number;
  /** Throw on mismatch (default true); otherwise only report. */
  throwOnFailure?: boolean;
}

/** The comparison for one input. */
export interface GradCheckInputReport {
  index: number;
  maxAbsError: number;
  /** The worst element (flat index) with both values, when the input has elements. */
  worst?: { index: number; analytic: number; numeric: number };
  passed: boolean;
}

/** The result of {@link gradCheck}. */
export interface GradCheckReport {
  passed: boolean;
  maxAbsError: number;
  inputs: GradCheckInputReport[];
}

/** Thrown by {@link gradCheck} when autodiff and finite differences disagree. */
export class GradCheckError extends GradlabError {
  readonly report: GradCheckReport;
  constructor(summary: string, report: GradCheckReport) {
    super(summary, { op: 'gradCheck' });
    this.report = report;
  }
}

/**
 * Checks reverse-mode gradients of a scalar function against central finite differences, both
 * in float64 (inputs are cast), like PyTorch's gradcheck.
 * @param f a function of the inputs returning a tensor with one element
 * @param inputs the point: one tensor per argument of f
 * @returns the report (max error per input, worst element)
 * @throws GradCheckError on mismatch, naming the input, the flat index, analytic and numeric values
 * @example
 * gradCheck((a, b) => a.mul(b).sum(), [tensor([1, 2]), tensor([3, 4])]).passed; // true
 */
export function gradCheck(f: (...inputs: Tensor[]) => Tensor, inputs: readonly Tensor[], options?: GradCheckOptions): GradCheckReport {
  if (inputs.length === 0) throw new ValueError('needs at least one input', { op: 'gradCheck', arg: 'inputs', received: 'an empty list' });
  const rtol = options?.rtol ?? 1e-5;
  const atol = options?.atol ?? 1e-6;
  const xs = inputs.map((x) => cast(x, 'float64'));
  const analytic = grad((...args: Tensor[]) => f(...args), { argnums: xs.map((_, i) => i) })(...xs);
  const reports: GradCheckInputReport[] = xs.map((x, i) => {
    const g = (y: Tensor): Tensor => f(...xs.map((z, j) => (j === i ? y : z)));
    const numeric = numericalGrad(g, x, options?.eps === undefined ? { method: 'central' } : { method: 'central', eps: options.eps }).data;
    const an = (analytic[i] as Tensor).data;
    let maxAbs = 0;
    let passed = true;
    let worst: GradCheckInputReport['worst'];
    let worstExcess = -Infinity;
    for (let k = 0; k < numeric.length; k++) {
      const a = an[k] as number;
      const n = numeric[k] as number;
      const diff = Math.abs(a - n);
      const excess = Number.isNaN(diff) ? Infinity : diff - (atol + rtol * Math.abs(n));
      if (!(diff <= maxAbs)) maxAbs = diff;
      if (excess > 0) passed = false;
      if (excess > worstExcess) {
        worstExcess = excess;
        worst = { index: k, analytic: a, numeric: n };
      }
    }
    const r: GradCheckInputReport = { index: i, maxAbsError: maxAbs, passed };
    if (worst !== undefined) r.worst = worst;
    return r;
  });
  const report: GradCheckReport = { passed: reports.every((r) => r.passed), maxAbsError: Math.max(...reports.map((r) => r.maxAbsError)), inputs: reports };
  if (!report.passed && options?.throwOnFailure !== false) {
    const r = reports.find((q) => !q.passed) as GradCheckInputReport;
    const w = r.worst as { index: number; analytic: number; numeric: number };
    throw new GradCheckError(
      `gradient mismatch for input ${r.index} (shape [${(xs[r.index] as Tensor).shape.join(', ')}]) at flat index ${w.index}: analytic ${w.analytic}, numeric ${w.numeric} (|diff| ${Math.abs(w.analytic - w.numeric)} > atol ${atol} + rtol ${rtol}·|numeric|)`,
      report,
    );
  }
  return report;
}
