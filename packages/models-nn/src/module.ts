import { DTypeError, ShapeError, Tensor, ValueError } from '@gradlab/core-tensor';
import type { DType } from '@gradlab/core-tensor';
import type { JsonValue } from '@gradlab/losses';

/**
 * A trainable tensor held by a {@link Module}: a mutable box, so the training loop can swap in new
 * values (or the traced copies that autodiff differentiates) without rebuilding the module.
 */
export class Parameter {
  /** The current value. */
  value: Tensor;
  constructor(value: Tensor) {
    this.value = value;
  }
}

/** A module's architecture as JSON: its `kind` and what its factory needs to rebuild it. */
export interface LayerConfig {
  readonly kind: string;
  readonly [key: string]: JsonValue;
}

/** Options of {@link Module.loadStateDict}. */
export interface LoadStateDictOptions {
  /** Refuse missing and unexpected names (default `true`, as PyTorch). */
  strict?: boolean;
}

const NAME = /^[A-Za-z0-9_]+$/;

/** Bumped whenever any module gains a parameter or a sub-module (invalidates cached name lists). */
let structureVersion = 0;

/**
 * The layer contract, after PyTorch's `nn.Module`: named parameters and sub-modules as a tree,
 * `forward(x)`, train/eval modes and a state dict keyed by dotted names (`0.weight`, `1.bias`).
 * Built-in layers extend it with nothing else than this public API, so a user's layer is one class
 * of the same shape:
 *
 * ```ts
 * class Scale extends Module {
 *   readonly kind = 'scale';
 *   readonly s = this.addParameter('s', ones([1]));
 *   forward(x: Tensor) { return mul(x, this.s.value); }
 *   config() { return { kind: this.kind }; }
 * }
 * ```
 *
 * Autodiff in gradlab is functional, so training never mutates a tensor: {@link functionalCall}
 * runs the module with other parameter values (the traced leaves of `valueAndGrad`), and the
 * optimizer's new values are written back with {@link Module.loadStateDict}.
 */
export abstract class Module {
  /** The layer's name in configs and saved files, e.g. `linear`. */
  abstract readonly kind: string;
  /** `true` in training mode (dropout active), `false` after {@link Module.eval}. */
  training = true;
  /** What the first input holds: real `features` (default) or integer `indices` (embeddings). */
  get inputKind(): 'features' | 'indices' {
    return 'features';
  }
  /** Whether rows of a batch may influence each other's outputs (attention over a sequence). */
  get mixesRows(): boolean {
    return false;
  }
  readonly #params = new Map<string, Parameter>();
  readonly #modules = new Map<string, Module>();
  /** namedParameterBoxes() as of a structure version (a training step asks for it several times). */
  #boxes: { version: number; list: readonly (readonly [string, Parameter])[] } | undefined;

  /**
   * The computation. `x: [batch, ...features]`.
   * @param x the input
   * @returns the output
   */
  abstract forward(x: Tensor): Tensor;

  /** The JSON that {@link layerFromConfig} (or the user's own factory) rebuilds this module from. */
  abstract config(): LayerConfig;

  /**
   * Registers a parameter under `name` (letters, digits, `_`); call it in the constructor.
   * @returns the parameter's box; `box.value` is the tensor
   * @throws ValueError for a bad or repeated name, or a value that is not a float tensor
   */
  protected addParameter(name: string, value: Tensor): Parameter {
    this.#checkName('addParameter', name);
    if (!(value instanceof Tensor)) {
      throw new ValueError('a parameter must be a Tensor', { pkg: 'models-nn', op: `${this.kind}.addParameter`, arg: name, expected: 'a float Tensor', received: typeof value });
    }
    if (value.dtype !== 'float32' && value.dtype !== 'float64') {
      throw new DTypeError('a parameter must be a float tensor', { pkg: 'models-nn', op: `${this.kind}.addParameter`, arg: name, expected: 'float32 or float64', received: value.dtype });
    }
    const p = new Parameter(value);
    this.#params.set(name, p);
    structureVersion++;
    return p;
  }

  /**
   * Registers a sub-module under `name`; its parameters are named `name.<its names>`.
   * @returns the sub-module
   */
  protected addModule<M extends Module>(name: string, module: M): M {
    this.#checkName('addModule', name);
    if (!(module instanceof Module)) {
      throw new ValueError('a sub-module must be a Module', { pkg: 'models-nn', op: `${this.kind}.addModule`, arg: name, expected: 'a Module', received: typeof module });
    }
    this.#modules.set(name, module);
    structureVersion++;
    return module;
  }

  #checkName(op: string, name: string): void {
    if (typeof name !== 'string' || !NAME.test(name) || this.#params.has(name) || this.#modules.has(name)) {
      throw new ValueError('names are unique and made of letters, digits and _', { pkg: 'models-nn', op: `${this.kind}.${op}`, arg: 'name', expected: 'a new name such as weight or 0', received: name });
    }
  }

  /** The direct sub-modules as `[name, module]`, in the order they were added. */
  children(): [string, Module][] {
    return [...this.#modules.entries()];
  }

  /** Every module of the tree (this one first, named `''`), depth first. */
  namedModules(prefix = ''): [string, Module][] {
    const out: [string, Module][] = [[prefix, this]];
    for (const [name, m] of this.#modules) out.push(...m.namedModules(prefix === '' ? name : `${prefix}.${name}`));
    return out;
  }

  /** The parameter boxes with their dotted names, in definition order. */
  namedParameterBoxes(prefix = ''): [string, Parameter][] {
    if (prefix === '') {
      // Cached until any module anywhere adds a parameter or a sub-module (a sub-module may be
      // shared or added later); the pairs are frozen, so a caller cannot change the cached names.
      if (this.#boxes?.version !== structureVersion) {
        this.#boxes = { version: structureVersion, list: this.#collectBoxes('').map((pair) => Object.freeze(pair)) };
      }
      return this.#boxes.list.slice() as [string, Parameter][];
    }
    return this.#collectBoxes(prefix);
  }

  #collectBoxes(prefix: string): [string, Parameter][] {
    const out: [string, Parameter][] = [];
    const at = (n: string) => (prefix === '' ? n : `${prefix}.${n}`);
    for (const [name, p] of this.#params) out.push([at(name), p]);
    for (const [name, m] of this.#modules) out.push(...m.namedParameterBoxes(at(name)));
    return out;
  }

  /** `[name, tensor]` pairs in definition order; the names are the keys of saved files. */
  namedParameters(): [string, Tensor][] {
    return this.namedParameterBoxes().map(([n, p]) => [n, p.value]);
  }

  /** The parameter tensors in definition order. */
  parameters(): Tensor[] {
    return this.namedParameterBoxes().map(([, p]) => p.value);
  }

  /** The number of trainable scalars. */
  numParameters(): number {
    return this.parameters().reduce((s, t) => s + t.size, 0);
  }

  /** Training mode (dropout active) for this module and every sub-module. */
  train(mode = true): this {
    for (const [, m] of this.namedModules()) m.training = mode;
    return this;
  }

  /** Evaluation mode: `train(false)`. */
  eval(): this {
    return this.train(false);
  }

  /** The parameters as a record `{ '0.weight': tensor, ... }` (the tensors themselves, not copies). */
  stateDict(): Record<string, Tensor> {
    const out: Record<string, Tensor> = {};
    for (const [n, p] of this.namedParameterBoxes()) out[n] = p.value;
    return out;
  }

  /**
   * Replaces the parameters by the record's tensors, after checking every name, shape and dtype.
   * @param state a record like the one {@link Module.stateDict} returns
   * @throws ValueError naming a missing or unexpected key; ShapeError / DTypeError naming the key
   */
  loadStateDict(state: Readonly<Record<string, Tensor>>, options: LoadStateDictOptions = {}): this {
    const op = `${this.kind}.loadStateDict`;
    if (typeof state !== 'object' || state === null) {
      throw new ValueError('expected a record of tensors', { pkg: 'models-nn', op, arg: 'state', expected: '{ name: Tensor }', received: state === null ? 'null' : typeof state });
    }
    const strict = options.strict ?? true;
    const boxes = this.namedParameterBoxes();
    const known = new Set(boxes.map(([n]) => n));
    if (strict) {
      const unexpected = Object.keys(state).filter((k) => !known.has(k));
      if (unexpected.length > 0) {
        throw new ValueError(`unexpected key '${unexpected[0]}' in the state dict`, { pkg: 'models-nn', op, arg: `state['${unexpected[0]}']`, expected: `one of ${[...known].join(', ')}`, received: unexpected.join(', ') });
      }
    }
    const updates: [Parameter, Tensor][] = [];
    for (const [name, box] of boxes) {
      const t = Object.prototype.hasOwnProperty.call(state, name) ? state[name] : undefined;
      if (t === undefined) {
        if (!strict) continue;
        throw new ValueError(`missing key '${name}' in the state dict`, { pkg: 'models-nn', op, arg: `state['${name}']`, expected: `a tensor of shape [${box.value.shape.join(', ')}]`, received: 'missing' });
      }
      if (!(t instanceof Tensor)) {
        throw new ValueError(`'${name}' is not a Tensor`, { pkg: 'models-nn', op, arg: `state['${name}']`, expected: 'a Tensor', received: typeof t });
      }
      if (t.shape.length !== box.value.shape.length || t.shape.some((d, i) => d !== box.value.shape[i])) {
        throw new ShapeError(`shape mismatch for '${name}'`, { pkg: 'models-nn', op, arg: `state['${name}']`, expected: [...box.value.shape], received: [...t.shape] });
      }
      if (t.dtype !== box.value.dtype) {
        throw new DTypeError(`dtype mismatch for '${name}'`, { pkg: 'models-nn', op, arg: `state['${name}']`, expected: box.value.dtype, received: t.dtype, hint: `cast it: t.astype('${box.value.dtype}')` });
      }
      updates.push([box, t]);
    }
    for (const [box, t] of updates) box.value = t;
    return this;
  }

  /** The dtype of the first parameter, or `undefined` for a module without parameters. */
  get dtype(): DType | undefined {
    return this.namedParameterBoxes()[0]?.[1].value.dtype;
  }

  /** A PyTorch-like outline: `sequential(\n  (0): linear(in=2, out=3)\n ...)`. */
  toString(): string {
    const kids = this.children();
    const c = this.config();
    const own = Object.entries(c)
      .filter(([k, v]) => k !== 'kind' && (typeof v !== 'object' || v === null))
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(', ');
    if (kids.length === 0) return `${this.kind}(${own})`;
    const inner = kids.map(([n, m]) => `  (${n}): ${m.toString().replace(/\n/g, '\n  ')}`).join('\n');
    return `${this.kind}(\n${inner}\n)`;
  }
}

/**
 * Runs `fn` with the module's parameters replaced by `params` (same names), then restores them,
 * like `torch.func.functional_call`. The training loop differentiates through it:
 * `valueAndGrad((p) => functionalCall(model, p, () => loss(model.forward(x), t)))(model.stateDict())`.
 * @param module the module
 * @param params tensors by parameter name (missing names keep their value)
 * @param fn the computation
 * @returns what `fn` returns
 */
export function functionalCall<T>(module: Module, params: Readonly<Record<string, Tensor>>, fn: () => T): T {
  const op = 'functionalCall';
  if (!(module instanceof Module)) throw new ValueError('module must be a Module', { pkg: 'models-nn', op, arg: 'module', expected: 'a Module', received: module === null ? 'null' : typeof module });
  if (typeof params !== 'object' || params === null) throw new ValueError('params must be a record of tensors', { pkg: 'models-nn', op, arg: 'params', expected: '{ name: Tensor }', received: params === null ? 'null' : typeof params });
  if (typeof fn !== 'function') throw new ValueError('fn must be a function', { pkg: 'models-nn', op, arg: 'fn', expected: '() => T', received: typeof fn });
  const boxes = module.namedParameterBoxes();
  const saved = boxes.map(([, b]) => b.value);
  try {
    for (const [name, box] of boxes) {
      const t = params[name];
      if (t !== undefined) box.value = t;
    }
    return fn();
  } finally {
    boxes.forEach(([, b], i) => {
      b.value = saved[i] as Tensor;
    });
  }
}
