import { mul, requireTensor, tensor, ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import type { ReductionOptions } from './quadratic.ts';

/** How binary targets are written: t in {0, 1} (the notes' default) or t± in {−1, +1}. */
export type LabelEncoding = 'zero-one' | 'signed';

/** Options of the margin losses. */
export interface MarginLossOptions extends ReductionOptions {
  /** `zero-one` (default): targets t in {0, 1}, t± = 2t − 1; `signed`: targets already ±1. */
  labels?: LabelEncoding;
}

/** Checks the label encoding option. */
export function requireLabels(op: string, labels: unknown): LabelEncoding {
  if (labels !== 'zero-one' && labels !== 'signed') {
    throw new ValueError(`${String(labels)} is not a label encoding`, { pkg: 'losses', op, arg: 'labels', expected: "'zero-one' or 'signed'", received: labels });
  }
  return labels;
}

/**
 * The classification margin y = t± · s of a score s = θᵀu(x): positive when the sign of the score
 * agrees with the label, and larger the more confidently it does. The targets are constants.
 *
 * @param score `[...batch]` scores
 * @param target `[...batch]` labels in the given encoding
 * @param labels the encoding
 * @returns y, `[...batch]`
 * @throws ValueError when a target is not a label of the encoding (e.g. −1 under `zero-one`, which
 *   would otherwise be read as t± = −3)
 */
export function margin(score: Tensor, target: Tensor, labels: LabelEncoding): Tensor {
  requireTensor(score, { pkg: 'losses', op: 'margin', arg: 'score' });
  requireTensor(target, { pkg: 'losses', op: 'margin', arg: 'target' });
  requireLabels('margin', labels);
  const t = target.data;
  const signed = new Float64Array(t.length);
  for (let k = 0; k < t.length; k++) {
    const v = t[k] as number;
    const ok = labels === 'signed' ? v === 1 || v === -1 : v === 0 || v === 1;
    if (!ok) {
      const other = labels === 'signed' ? v === 0 : v === -1;
      throw new ValueError(`targets must be ${labels === 'signed' ? '−1 or +1' : '0 or 1'} under the ${labels} encoding`, {
        pkg: 'losses',
        op: 'margin',
        arg: `target[${k}]`,
        expected: labels === 'signed' ? '-1 or 1' : '0 or 1',
        received: v,
        ...(other ? { hint: `pass { labels: '${labels === 'signed' ? 'zero-one' : 'signed'}' } for ${labels === 'signed' ? '{0, 1}' : '{−1, +1}'} targets` } : {}),
      });
    }
    signed[k] = labels === 'signed' ? v : 2 * v - 1;
  }
  return mul(tensor(signed, { shape: target.shape, dtype: score.dtype === 'float32' ? 'float32' : 'float64' }), score);
}
