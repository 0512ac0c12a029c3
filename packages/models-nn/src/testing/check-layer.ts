import { cast, concat, mul, randNormal, randUniform, rng as makeRng, slice, sum, Tensor, tensor, ValueError } from '@gradlab/core-tensor';
import type { Rng } from '@gradlab/core-tensor';
import { gradCheck } from '@gradlab/core-tensor/testing';
import type { FloatDType } from '../init.ts';
import { functionalCall, Module } from '../module.ts';

/** How {@link checkLayer} builds the layer: a factory honouring `rng` and `dtype`. */
export type LayerMaker = (options: { rng: Rng; dtype: FloatDType }) => Module;

/** Options of {@link checkLayer}. */
export interface CheckLayerOptions {
  /** The input shape, batch first: `[batch, ...features]` (batch >= 2 for the row check). */
  inputShape: readonly number[];
  /** The output shape expected for `inputShape` (default: only the batch axis is checked). */
  outputShape?: readonly number[];
  /** Token ids below this bound, for layers whose `inputKind` is `indices` (default 8). */
  vocabSize?: number;
  /** Tolerances of the float64 gradient check (default rtol 1e-5, atol 1e-6). */
  rtol?: number;
  atol?: number;
  /** The seed of the inputs and weights (default 0). */
  seed?: number;
}

/** What {@link checkLayer} verified. */
export interface CheckLayerReport {
  /** The layer's kind. */
  kind: string;
  /** The checks that passed, in order. */
  checks: string[];
  /** The largest |autodiff - finite differences| over the input and every parameter. */
  maxGradError: number;
}

function fail(kind: string, check: string, detail: string): never {
  throw new ValueError(`layer '${kind}' fails the check "${check}": ${detail}`, { pkg: 'models-nn', op: 'checkLayer', arg: 'make' });
}

function makeInput(layer: Module, shape: readonly number[], dtype: FloatDType, r: Rng, vocab: number): Tensor {
  if (layer.inputKind === 'indices') {
    const n = shape.reduce((a, b) => a * b, 1);
    return tensor(Array.from({ length: n }, () => r.integer(vocab)), { shape, dtype: 'int32' });
  }
  return randNormal(r, shape, { dtype });
}

const same = (a: Tensor, b: Tensor): boolean => a.dtype === b.dtype && a.shape.join() === b.shape.join() && a.data.every((v, i) => Object.is(v, b.data[i]));

/**
 * The conformance check of the layer contract, like scikit-learn's `check_estimator`: run it in
 * your own layer's tests. It builds the layer with `make` and checks, in eval mode:
 * 1. the contract: a Module with a kind, JSON config and named parameters;
 * 2. the output shape (and `outputShape` when given), and that float32 and float64 layers give
 *    float32 and float64 outputs;
 * 3. seeded initialisation: the same seed builds the same weights, bit for bit;
 * 4. a float64 gradient check (finite differences) of a random projection of the output with
 *    respect to the input (unless it takes indices) and to every parameter;
 * 5. a state-dict round trip into a layer built with another seed gives the same outputs;
 * 6. rows of a batch are independent (each row's output equals the output of that row alone),
 *    unless the layer declares `mixesRows`.
 * @param make builds the layer from `{ rng, dtype }`
 * @param options `inputShape` (required), `outputShape`, `vocabSize`, tolerances, `seed`
 * @returns the checks passed and the largest gradient error
 * @throws ValueError naming the layer, the failed check and the numbers
 * @example
 * ```ts
 * import { checkLayer } from '@gradlab/models-nn/testing';
 * checkLayer((o) => linear(3, 2, o), { inputShape: [4, 3], outputShape: [4, 2] });
 * ```
 */
export function checkLayer(make: LayerMaker, options: CheckLayerOptions): CheckLayerReport {
  if (typeof make !== 'function') {
    throw new ValueError('make must be a function ({ rng, dtype }) => Module', { pkg: 'models-nn', op: 'checkLayer', arg: 'make', expected: 'a function', received: typeof make });
  }
  if (typeof options !== 'object' || options === null || !Array.isArray(options.inputShape) || options.inputShape.length < 1) {
    throw new ValueError('options.inputShape is required', { pkg: 'models-nn', op: 'checkLayer', arg: 'options.inputShape', expected: '[batch, ...features]', received: options === null ? 'null' : typeof options });
  }
  const seed = options.seed ?? 0;
  const vocab = options.vocabSize ?? 8;
  const checks: string[] = [];
  const build = (s: number, dtype: FloatDType): Module => {
    const m = make({ rng: makeRng(s), dtype });
    if (!(m instanceof Module)) fail('?', 'contract', `make returned ${typeof m}, not a Module`);
    return m.eval();
  };
  const layer = build(seed, 'float64');
  const kind = layer.kind;
  if (typeof kind !== 'string' || kind === '') fail(String(kind), 'contract', 'kind must be a non-empty string');
  const config = JSON.stringify(layer.config());
  if (config === undefined || JSON.stringify(JSON.parse(config)) !== config || (JSON.parse(config) as { kind?: unknown }).kind !== kind) {
    fail(kind, 'contract', 'config() must be JSON with the layer kind');
  }
  const names = layer.namedParameters().map(([n]) => n);
  if (new Set(names).size !== names.length) fail(kind, 'contract', `repeated parameter names: ${names.join(', ')}`);
  checks.push('contract');

  const r = makeRng(seed + 1);
  const x64 = makeInput(layer, options.inputShape, 'float64', r, vocab);
  const y64 = layer.forward(x64);
  if (!(y64 instanceof Tensor)) fail(kind, 'output shape', `forward returned ${typeof y64}`);
  if (y64.shape[0] !== options.inputShape[0]) fail(kind, 'output shape', `batch of ${options.inputShape[0]} gave output [${y64.shape.join(', ')}]`);
  if (options.outputShape !== undefined && y64.shape.join() !== options.outputShape.join()) {
    fail(kind, 'output shape', `expected [${options.outputShape.join(', ')}], got [${y64.shape.join(', ')}]`);
  }
  if (y64.data.some((v) => !Number.isFinite(v))) fail(kind, 'output shape', 'the output has non-finite values on a normal input');
  checks.push('output shape');

  for (const dtype of ['float32', 'float64'] as const) {
    const l = build(seed, dtype);
    const bad = l.namedParameters().find(([, t]) => t.dtype !== dtype);
    if (bad !== undefined) fail(kind, 'dtype preserved', `built with dtype ${dtype}, parameter ${bad[0]} is ${bad[1].dtype}`);
    const x = layer.inputKind === 'indices' ? x64 : cast(x64, dtype);
    const y = l.forward(x);
    if (y.dtype !== dtype) fail(kind, 'dtype preserved', `a ${dtype} layer on a ${x.dtype} input returned ${y.dtype}`);
  }
  checks.push('dtype preserved');

  const a = build(seed, 'float64').namedParameters();
  const b = build(seed, 'float64').namedParameters();
  a.forEach(([n, t], i) => {
    const u = b[i]?.[1];
    if (u === undefined || !same(t, u)) fail(kind, 'seeded initialisation', `parameter ${n} differs between two builds with seed ${seed}`);
  });
  checks.push('seeded initialisation');

  // A fixed random projection turns the output into a scalar for the gradient check.
  const proj = randUniform(makeRng(seed + 2), y64.shape, { low: -1, high: 1, dtype: 'float64' });
  const params = layer.stateDict();
  const pNames = Object.keys(params);
  const f = (...ts: Tensor[]): Tensor => {
    const input = layer.inputKind === 'indices' ? x64 : (ts[0] as Tensor);
    const offset = layer.inputKind === 'indices' ? 0 : 1;
    const record: Record<string, Tensor> = {};
    pNames.forEach((n, i) => (record[n] = ts[i + offset] as Tensor));
    return sum(mul(functionalCall(layer, record, () => layer.forward(input)), proj));
  };
  const inputs = [...(layer.inputKind === 'indices' ? [] : [x64]), ...pNames.map((n) => params[n] as Tensor)];
  let maxGradError = 0;
  if (inputs.length > 0) {
    const rep = gradCheck(f, inputs, { rtol: options.rtol ?? 1e-5, atol: options.atol ?? 1e-6 });
    maxGradError = rep.maxAbsError;
    if (!rep.passed) {
      const worst = rep.inputs.find((i) => !i.passed);
      const offset = layer.inputKind === 'indices' ? 0 : 1;
      const which = worst === undefined ? '?' : worst.index < offset ? 'the input' : `parameter ${pNames[worst.index - offset]}`;
      fail(kind, 'gradient check', `${which}: autodiff ${worst?.worst?.analytic} vs finite differences ${worst?.worst?.numeric} at element ${worst?.worst?.index}`);
    }
  }
  checks.push('gradient check');

  const other = build(seed + 7, 'float64');
  other.loadStateDict(layer.stateDict());
  if (!same(other.forward(x64), y64)) fail(kind, 'state-dict round trip', 'a layer loaded with the state dict gives other outputs');
  const saved = layer.stateDict();
  for (const [n, t] of Object.entries(saved)) {
    if (!same(t, other.stateDict()[n] as Tensor)) fail(kind, 'state-dict round trip', `parameter ${n} changed in the round trip`);
  }
  checks.push('state-dict round trip');

  if (!layer.mixesRows && (options.inputShape[0] ?? 0) >= 2) {
    const rows = options.inputShape[0] as number;
    const parts: Tensor[] = [];
    for (let i = 0; i < rows; i++) parts.push(layer.forward(slice(x64, [i], [1])));
    const together = concat(parts, 0);
    if (together.shape.join() !== y64.shape.join() || together.data.some((v, i) => Math.abs(v - (y64.data[i] as number)) > 1e-12 * (1 + Math.abs(v)))) {
      fail(kind, 'rows independent', 'row i of a batch differs from the output of row i alone; declare `mixesRows` if the layer mixes them');
    }
    checks.push('rows independent');
  }
  return { kind, checks, maxGradError };
}
