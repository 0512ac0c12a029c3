import { erf, tensor, Tensor, ValueError } from '@gradlab/core-tensor';
import { Activation } from './layers/activation.ts';
import { Linear } from './layers/linear.ts';
import { Module } from './module.ts';

/** One layer of a {@link backpropTrace}: the notes' quantities for one sample. */
export interface BackpropLayer {
  /** The layer index l, from 1. */
  l: number;
  /** The activation after this layer (`'sigmoid'` for the classification layer L). */
  activation: string;
  /** Pre-activations a^l = W^l h^(l-1) + b^l. */
  a: number[];
  /** Activations h^l = activation(a^l) (for l = L, p(t=1|x) = σ(a^L)). */
  h: number[];
  /** The backpropagated error δ^l = ∂loss/∂a^l. */
  delta: number[];
  /** ∂loss/∂W^l = δ^l (h^(l-1))ᵀ, `[D_l][D_(l-1)]`. */
  gradWeight: number[][];
  /** ∂loss/∂b^l = δ^l (absent when the layer has no bias). */
  gradBias?: number[];
}

/** The result of {@link backpropTrace}. */
export interface BackpropTrace {
  /** h^0 = x. */
  x: number[];
  /** The target t ∈ {0, 1}. */
  t: number;
  /** p(t=1|x) = σ(a^L). */
  p: number;
  /** The log-loss −log p(t|x) = log(1 + exp(−t± a^L)), t± = 2t − 1. */
  loss: number;
  layers: BackpropLayer[];
}

const derivatives: Record<string, (a: number, opts: Activation['options']) => [number, number]> = {
  sigmoid: (a) => {
    const s = 1 / (1 + Math.exp(-a));
    return [s, s * (1 - s)];
  },
  tanh: (a) => {
    const h = Math.tanh(a);
    return [h, 1 - h * h];
  },
  relu: (a) => [Math.max(0, a), a > 0 ? 1 : 0],
  'leaky-relu': (a, o) => [a > 0 ? a : (o.alpha ?? 0.01) * a, a > 0 ? 1 : (o.alpha ?? 0.01)],
  gelu: (a) => {
    const cdf = 0.5 * (1 + (erf(tensor([a / Math.SQRT2], { dtype: 'float64' })).data[0] as number));
    return [a * cdf, cdf + (a * Math.exp(-0.5 * a * a)) / Math.sqrt(2 * Math.PI)];
  },
  identity: (a) => [a, 1],
};

function rows(t: Tensor): number[][] {
  return t.astype('float64').toArray() as number[][];
}

/**
 * Backpropagation made visible, for one sample through a binary classifier, by the notes' own
 * recursion rather than autodiff: the forward pass a^l = W^l h^(l-1) + b^l, h^l = f(a^l); the
 * classification layer p(t=1|x) = σ(a^L) with log-loss; then
 * δ^L = σ(a^L) − t, δ^l = ((W^(l+1))ᵀ δ^(l+1)) ⊙ f'(a^l), ∂W^l = δ^l (h^(l-1))ᵀ, ∂b^l = δ^l.
 * @param model a `sequential` of `linear` layers, each but the last followed by one activation
 *   (sigmoid, tanh, relu, leaky-relu, gelu); the last linear has one output (the logit a^L)
 * @param x the input, `[D_0]`
 * @param t the label, 0 or 1
 * @returns every layer's a, h, δ and gradients, p and the loss
 * @throws ValueError for a model that is not a Module, another architecture, an x that is not numbers, or a bad label
 * @example
 * // the notes' example: a^2 = −2, t = 0 → p = σ(−2) = 0.119203, loss 0.126928, δ^2 = 0.119203
 */
export function backpropTrace(model: Module, x: readonly number[] | Tensor, t: number): BackpropTrace {
  const op = 'backpropTrace';
  if (!(model instanceof Module)) {
    throw new ValueError('model must be a Module', { pkg: 'models-nn', op, arg: 'model', expected: 'a network such as sequential(linear(2, 2), sigmoid(), linear(2, 1))', received: model === null ? 'null' : typeof model });
  }
  const input: unknown = x;
  if (!(input instanceof Tensor) && !Array.isArray(input)) {
    throw new ValueError('x must be an array of numbers or a tensor', { pkg: 'models-nn', op, arg: 'x', expected: 'number[] | Tensor', received: input === null ? 'null' : typeof input });
  }
  if (t !== 0 && t !== 1) throw new ValueError('the label is 0 or 1', { pkg: 'models-nn', op, arg: 't', expected: '0 or 1', received: t });
  const mods = model.children().length > 0 ? model.children().map(([, m]) => m) : [model];
  const stages: { lin: Linear; act: Activation | undefined }[] = [];
  for (let i = 0; i < mods.length; i++) {
    const m = mods[i];
    if (!(m instanceof Linear)) throw new ValueError(`layer ${i} must be linear`, { pkg: 'models-nn', op, arg: 'model', expected: 'linear, activation, linear, ..., linear', received: m?.kind });
    const next = mods[i + 1];
    if (next instanceof Activation) {
      if (derivatives[next.kind] === undefined) throw new ValueError(`activation ${next.kind} is not elementwise`, { pkg: 'models-nn', op, arg: 'model', expected: Object.keys(derivatives).join(', '), received: next.kind });
      stages.push({ lin: m, act: next });
      i++;
    } else stages.push({ lin: m, act: undefined });
  }
  const last = stages[stages.length - 1] as { lin: Linear; act: Activation | undefined };
  if (last.lin.outFeatures !== 1 || last.act !== undefined) {
    throw new ValueError('the last layer must be linear with one output (the logit a^L)', { pkg: 'models-nn', op, arg: 'model', expected: 'linear(D, 1) last', received: `${last.lin.kind}(${last.lin.inFeatures}, ${last.lin.outFeatures})${last.act !== undefined ? ` + ${last.act.kind}` : ''}` });
  }
  const h0 = x instanceof Tensor ? Array.from(x.astype('float64').data) : [...x];
  if (h0.length !== stages[0]?.lin.inFeatures || h0.some((v) => !Number.isFinite(v))) {
    throw new ValueError('x must be finite numbers, one per input feature', { pkg: 'models-nn', op, arg: 'x', expected: `${stages[0]?.lin.inFeatures} finite numbers`, received: h0.length });
  }
  // Forward: keep a^l, h^l and f'(a^l).
  const hs: number[][] = [h0];
  const as: number[][] = [];
  const ds: number[][] = [];
  for (const { lin, act } of stages) {
    const W = rows(lin.weight.value);
    const b = lin.bias === undefined ? undefined : Array.from(lin.bias.value.astype('float64').data);
    const hPrev = hs[hs.length - 1] as number[];
    const a = W.map((row, j) => row.reduce((s, w, k) => s + w * (hPrev[k] as number), b?.[j] ?? 0));
    as.push(a);
    if (act === undefined) {
      hs.push(a.map((v) => 1 / (1 + Math.exp(-v))));
      ds.push(a.map(() => 1));
    } else {
      const f = derivatives[act.kind] as (a: number, o: Activation['options']) => [number, number];
      const pairs = a.map((v) => f(v, act.options));
      hs.push(pairs.map(([h]) => h));
      ds.push(pairs.map(([, d]) => d));
    }
  }
  const aL = (as[as.length - 1] as number[])[0] as number;
  const p = 1 / (1 + Math.exp(-aL));
  const tpm = 2 * t - 1;
  const z = -tpm * aL;
  const loss = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  // Backward: δ^L = σ(a^L) − t, then δ^l = ((W^(l+1))ᵀ δ^(l+1)) ⊙ f'(a^l).
  const L = stages.length;
  const deltas: number[][] = new Array<number[]>(L);
  deltas[L - 1] = [p - t];
  for (let l = L - 2; l >= 0; l--) {
    const W = rows((stages[l + 1] as { lin: Linear }).lin.weight.value);
    const next = deltas[l + 1] as number[];
    deltas[l] = (ds[l] as number[]).map((d, k) => d * W.reduce((s, row, j) => s + (row[k] as number) * (next[j] as number), 0));
  }
  const layers: BackpropLayer[] = stages.map(({ lin, act }, l) => {
    const delta = deltas[l] as number[];
    const hPrev = hs[l] as number[];
    const layer: BackpropLayer = {
      l: l + 1,
      activation: act?.kind ?? 'sigmoid',
      a: as[l] as number[],
      h: hs[l + 1] as number[],
      delta,
      gradWeight: delta.map((d) => hPrev.map((h) => d * h)),
    };
    if (lin.bias !== undefined) layer.gradBias = [...delta];
    return layer;
  });
  return { x: h0, t, p, loss, layers };
}
