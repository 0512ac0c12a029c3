/**
 * The pool of bad and edge inputs the fuzz cases draw their arguments from: wrong JS types,
 * null/undefined, NaN/Infinity, empty and huge shapes, negative and fractional sizes, tensors of
 * every dtype (and a disposed one), callbacks, and well-formed plugin objects of the fuzzed
 * packages (so that a check deeper than the first argument is reached too). Each entry is a thunk:
 * a case gets fresh values, so one case cannot dispose or mutate another's inputs.
 */
type Mod = Record<string, unknown>;
type AnyFn = (...args: unknown[]) => unknown;

/** Calls `mod[name](...args)` when that export exists; undefined otherwise (the pool skips it). */
function make(mod: Mod | undefined, name: string, ...args: unknown[]): unknown {
  const f = mod?.[name];
  return typeof f === 'function' ? (f as AnyFn)(...args) : undefined;
}

/** Primitive edge values (also the values of option objects). */
export const PRIMITIVES: Readonly<Record<string, () => unknown>> = {
  null: () => null,
  undefined: () => undefined,
  NaN: () => Number.NaN,
  Infinity: () => Infinity,
  '-Infinity': () => -Infinity,
  '-1': () => -1,
  '0': () => 0,
  '-0': () => -0,
  '0.5': () => 0.5,
  '1': () => 1,
  '2': () => 2,
  '3': () => 3,
  '10': () => 10,
  '1e9': () => 1e9,
  '1e160': () => 1e160,
  '1e-300': () => 1e-300,
  '2**31': () => 2 ** 31,
  "'abc'": () => 'abc',
  "''": () => '',
  "'1,2\\n3,4'": () => '1,2\n3,4',
  true: () => true,
  false: () => false,
  '{}': () => ({}),
  '[]': () => [],
};

/** Option names the packages use, plus near-miss typos, for option objects. */
export const OPTION_KEYS: readonly string[] = [
  'lr', 'momentum', 'steps', 'maxSteps', 'reduction', 'digits', 'panels', 'tol', 'tolerance', 'std', 'variance', 'mean', 'flip', 'seed', 'n', 'k', 'dtype', 'keepDims',
  'correction', 'axis', 'maxIter', 'rng', 'shape', 'normalize', 'weightDecay', 'betas', 'eps', 'schedule', 'batchSize', 'shuffle', 'epochs', 'alpha', 'degree',
  'delimiter', 'header', 'classes', 'noise', 'testSize', 'folds', 'labels', 'lambda', 'learningRate', 'reductoin', 'lR', 'stepz',
];

/**
 * Builds the pool from the fuzzed modules (by package name).
 * @param mods the imported barrels
 * @returns named thunks
 */
export function edgeValues(mods: Readonly<Record<string, Mod>>): Record<string, () => unknown> {
  const T = mods['@gradlab/core-tensor'];
  const P = mods['@gradlab/prob'];
  const L = mods['@gradlab/losses'];
  const O = mods['@gradlab/optim'];
  const pool: Record<string, () => unknown> = { ...PRIMITIVES };
  const add = (name: string, f: () => unknown): void => {
    pool[name] = f;
  };
  add('[1, 2, 3]', () => [1, 2, 3]);
  add('[0, 1, 1, 0]', () => [0, 1, 1, 0]);
  add('[[1, 2], [3, 4]]', () => [[1, 2], [3, 4]]);
  add('[[1], [2, 3]]', () => [[1], [2, 3]]);
  add('[NaN, 1]', () => [Number.NaN, 1]);
  add('[Infinity]', () => [Infinity]);
  add('[-1]', () => [-1]);
  add('[0.5, 2]', () => [0.5, 2]);
  add('[1e9, 1e9]', () => [1e9, 1e9]);
  add('[1e9]', () => [1e9]);
  add("['a', 'b']", () => ['a', 'b']);
  add('[null]', () => [null]);
  add('Float64Array [1, 2]', () => new Float64Array([1, 2]));
  add('{ foo: 1 }', () => ({ foo: 1 }));
  add('{ lr: NaN }', () => ({ lr: Number.NaN }));
  add('{ reduction: null }', () => ({ reduction: null }));
  add('{ steps: -1 }', () => ({ steps: -1 }));
  add('x => x', () => (x: unknown) => x);
  add('() => NaN', () => () => Number.NaN);
  add('() => 0', () => () => 0);
  add('x => x * x', () => (x: unknown) => (typeof x === 'number' ? x * x : 0));
  if (T !== undefined) {
    add('tensor([1, 2, 3])', () => make(T, 'tensor', [1, 2, 3]));
    add('tensor([[1, 2], [3, 4]])', () => make(T, 'tensor', [[1, 2], [3, 4]]));
    add('tensor([0, 1, 1, 0])', () => make(T, 'tensor', [0, 1, 1, 0]));
    add('scalar(2)', () => make(T, 'scalar', 2));
    add('zeros([0])', () => make(T, 'zeros', [0]));
    add('zeros([0, 3])', () => make(T, 'zeros', [0, 3]));
    add("tensor([1, 2], int32)", () => make(T, 'tensor', [1, 2], { dtype: 'int32' }));
    add("tensor([true, false])", () => make(T, 'tensor', [true, false]));
    add("tensor([1, 2], float32)", () => make(T, 'tensor', [1, 2], { dtype: 'float32' }));
    add('tensor([NaN, Infinity])', () => make(T, 'tensor', [Number.NaN, Infinity], { allowNonFinite: true }));
    add('disposed tensor', () => {
      const t = make(T, 'tensor', [1, 2]) as { dispose(): void };
      t.dispose();
      return t;
    });
    add('eye(3)', () => make(T, 'eye', 3));
    add('rng(1)', () => make(T, 'rng', 1));
    add('t => sum(t * t)', () => (x: unknown) => {
      const mul = T['mul'] as AnyFn;
      const sum = T['sum'] as AnyFn;
      return x instanceof (T['Tensor'] as new () => object) ? sum(mul(x, x)) : 0;
    });
  }
  if (P !== undefined) {
    add('bernoulli(0.5)', () => make(P, 'bernoulli', 0.5));
    add('gaussian(0, 1)', () => make(P, 'gaussian', 0, 1));
    add('categorical([0.2, 0.8])', () => make(P, 'categorical', [0.2, 0.8]));
  }
  if (L !== undefined) add('quadratic()', () => make(L, 'quadratic'));
  if (O !== undefined) add('sgd({ lr: 0.1 })', () => make(O, 'sgd', { lr: 0.1 }));
  return pool;
}
