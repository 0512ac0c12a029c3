import { ValueError } from '../errors.ts';
import type { ArgRef } from './arg-ref.ts';
import { checkRef, describeType } from './arg-ref.ts';
import { didYouMean } from './did-you-mean.ts';

/**
 * Checks an options object (scikit-learn-style parameter validation): `undefined` becomes `{}`;
 * anything but a plain object is refused; a key outside `allowedKeys` is refused with a
 * "did you mean" hint. Values whose key is allowed but set to `undefined` count as absent.
 * Each option's value is then checked by the caller (requireFinite, requireOneOf, ...).
 * @param value the options argument as received
 * @param at the package and function (arg defaults to `options`)
 * @param allowedKeys the option names the function reads
 * @returns the options object (typed as the caller's options type)
 * @throws ValueError for a non-object or an unknown key
 * @example
 * requireOptions({ lr: 0.1 }, { pkg: 'optim', op: 'sgd' }, ['lr', 'momentum']); // { lr: 0.1 }
 * requireOptions({ lrr: 0.1 }, { pkg: 'optim', op: 'sgd' }, ['lr']); // throws: unknown option lrr. Hint: did you mean lr?
 */
export function requireOptions<T extends object>(value: T | undefined | null, at: Omit<ArgRef, 'arg'> & { arg?: string }, allowedKeys: readonly string[]): Partial<T> {
  const ref = checkRef(at === null || typeof at !== 'object' ? at : { arg: 'options', ...at }, 'requireOptions');
  at = ref;
  const arg = ref.arg;
  if (!Array.isArray(allowedKeys)) throw new ValueError('allowedKeys must be an array of names', { op: 'requireOptions', arg: 'allowedKeys', expected: 'string[]', received: describeType(allowedKeys) });
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date || value instanceof RegExp) {
    throw new ValueError('options must be a plain object', { pkg: at.pkg, op: at.op, arg, expected: allowedKeys.length > 0 ? `an object with keys among ${allowedKeys.join(', ')}` : 'an object', received: describeType(value) });
  }
  for (const key of Object.keys(value)) {
    if (allowedKeys.includes(key)) continue;
    const guess = didYouMean(key, allowedKeys);
    throw new ValueError(`unknown option ${key}`, {
      pkg: at.pkg,
      op: at.op,
      arg: `${arg}.${key}`,
      expected: allowedKeys.length > 0 ? `one of ${allowedKeys.join(', ')}` : 'no options',
      received: key,
      hint: guess !== undefined ? `did you mean ${guess}?` : undefined,
    });
  }
  return value;
}

/**
 * Checks that `value` is one of a fixed set of choices (a string enum such as a reduction).
 * @param value the argument as received
 * @param at the package, function and argument name
 * @param choices the accepted values
 * @returns the value, typed as one of the choices
 * @throws ValueError naming the choices, with a "did you mean" hint for a near-miss string
 * @example
 * requireOneOf('sum', { pkg: 'losses', op: 'quadratic', arg: 'options.reduction' }, ['mean', 'sum', 'none'] as const); // 'sum'
 */
export function requireOneOf<const C extends readonly unknown[]>(value: unknown, at: ArgRef, choices: C): C[number] {
  at = checkRef(at, 'requireOneOf');
  if (!Array.isArray(choices)) throw new ValueError('choices must be an array', { op: 'requireOneOf', arg: 'choices', expected: 'an array', received: describeType(choices) });
  if (choices.includes(value)) return value;
  const names = choices.map((c) => (typeof c === 'string' ? `'${c}'` : String(c)));
  const guess = typeof value === 'string' ? didYouMean(value, choices.filter((c): c is string => typeof c === 'string')) : undefined;
  throw new ValueError('not one of the accepted values', { pkg: at.pkg, op: at.op, arg: at.arg, expected: `one of ${names.join(', ')}`, received: describeType(value), hint: guess !== undefined ? `did you mean '${guess}'?` : undefined });
}

/**
 * Checks that `value` is a function (a callback such as an objective or a schedule).
 * @param value the argument as received
 * @param at the package, function and argument name
 * @returns the function
 * @throws ValueError for anything else
 * @example
 * requireFunction((x: number) => x * x, { pkg: 'optim', op: 'gradientDescent', arg: 'f' });
 */
export function requireFunction<F extends (...args: never[]) => unknown>(value: unknown, at: ArgRef): F {
  at = checkRef(at, 'requireFunction');
  if (typeof value !== 'function') {
    throw new ValueError('must be a function', { pkg: at.pkg, op: at.op, arg: at.arg, expected: 'a function', received: describeType(value) });
  }
  return value as F;
}

/**
 * Checks that `value` is a non-null object (a plugin such as a loss, a distribution or a predictor),
 * optionally with the named methods.
 * @param value the argument as received
 * @param at the package, function and argument name
 * @param methods method names the object must have
 * @returns the object
 * @throws ValueError for a non-object or a missing method
 * @example
 * requireObject(dist, { pkg: 'prob', op: 'klDivergence', arg: 'q' }, ['logProb']);
 */
export function requireObject<T extends object>(value: unknown, at: ArgRef, methods: readonly string[] = []): T {
  at = checkRef(at, 'requireObject');
  const methodList: unknown = methods;
  if (!Array.isArray(methodList)) throw new ValueError('methods must be an array of names', { op: 'requireObject', arg: 'methods', expected: 'string[]', received: describeType(methodList) });
  if (value === null || typeof value !== 'object') {
    throw new ValueError('must be an object', { pkg: at.pkg, op: at.op, arg: at.arg, expected: methods.length > 0 ? `an object with ${methods.join(', ')}` : 'an object', received: describeType(value) });
  }
  for (const m of methods) {
    if (typeof (value as Record<string, unknown>)[m] !== 'function') {
      throw new ValueError(`missing method ${m}`, { pkg: at.pkg, op: at.op, arg: at.arg, expected: `an object with ${methods.join(', ')}`, received: describeType(value) });
    }
  }
  return value as T;
}
