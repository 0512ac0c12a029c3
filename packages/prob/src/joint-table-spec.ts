import { ShapeError, ValueError } from '@gradlab/core-tensor';
import { checkProbabilities } from './argument-checks.ts';
import type { ProbabilityOptions } from './argument-checks.ts';
import type { JointTableSpec, Variable, VariableSpec } from './joint-table-types.ts';

const OP = 'jointTable';

function flatten(probs: JointTableSpec['probs'], op: string): { flat: number[]; shape: number[] | undefined } {
  const first = (probs as ArrayLike<unknown>)[0];
  if (!Array.isArray(first)) return { flat: Array.from(probs as ArrayLike<number>), shape: undefined };
  const shape: number[] = [];
  for (let level: unknown = probs; Array.isArray(level); level = (level as unknown[])[0]) shape.push(level.length);
  const flat: number[] = [];
  const walk = (node: unknown, depth: number, path: string): void => {
    if (depth === shape.length) {
      flat.push(node as number);
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      throw new ShapeError('the nested probabilities are not rectangular', { pkg: 'prob', op, arg: `probs${path}`, expected: `length ${shape[depth]}`, received: Array.isArray(node) ? `length ${node.length}` : node });
    }
    node.forEach((child, i) => walk(child, depth + 1, `${path}[${i}]`));
  };
  walk(probs, 0, '');
  return { flat, shape };
}

/**
 * Validates the input of `jointTable`: the nesting or flat length against the variables, distinct
 * names and values (defaulting to 0, 1, …), and the probabilities (non-negative, summing to 1).
 */
export function parseJointSpec(spec: JointTableSpec, options: ProbabilityOptions = {}): { variables: Variable[]; probs: Float64Array } {
  if (spec.variables.length === 0) throw new ValueError('needs at least one variable', { pkg: 'prob', op: OP, arg: 'spec.variables', expected: 'a non-empty list', received: '[]' });
  const { flat, shape } = flatten(spec.probs, OP);
  if (shape !== undefined && shape.length !== spec.variables.length) {
    throw new ShapeError('the nesting depth must equal the number of variables', { pkg: 'prob', op: OP, arg: 'spec.probs', expected: `${spec.variables.length} levels`, received: `${shape.length} levels [${shape.join(', ')}]` });
  }
  const specs: VariableSpec[] = spec.variables.map((v) => (typeof v === 'string' ? { name: v } : v));
  // With flat probabilities, one variable without values takes whatever count is left over.
  const missing = specs.filter((s) => s.values === undefined);
  let inferred: number | undefined;
  if (shape === undefined && missing.length === 1) {
    const known = specs.reduce((n, s) => n * (s.values?.length ?? 1), 1);
    if (known > 0 && Number.isInteger(flat.length / known)) inferred = flat.length / known;
  }
  const variables: Variable[] = specs.map((s, k) => {
    if (typeof s.name !== 'string' || s.name.length === 0) throw new ValueError('every variable needs a non-empty name', { pkg: 'prob', op: OP, arg: `spec.variables[${k}].name`, received: s.name });
    const count = shape?.[k] ?? (s.values === undefined ? inferred : undefined);
    const values = s.values ?? (count === undefined ? undefined : Array.from({ length: count }, (_x, i) => i));
    if (values === undefined) {
      throw new ValueError('with flat probabilities the values of all but one variable must be listed', { pkg: 'prob', op: OP, arg: `spec.variables[${k}].values`, hint: 'list the values, or pass nested probabilities' });
    }
    if (values.length === 0) throw new ValueError('a variable needs at least one value', { pkg: 'prob', op: OP, arg: `spec.variables[${k}].values`, received: '[]' });
    if (new Set(values.map(String)).size !== values.length) throw new ValueError('values must be distinct', { pkg: 'prob', op: OP, arg: `spec.variables[${k}].values`, received: [...values] });
    if (shape !== undefined && values.length !== shape[k]) {
      throw new ShapeError('the number of values must match the probabilities', { pkg: 'prob', op: OP, arg: `spec.variables[${k}].values`, expected: `${shape[k]} values`, received: `${values.length} values` });
    }
    return { name: s.name, values };
  });
  if (new Set(variables.map((v) => v.name)).size !== variables.length) {
    throw new ValueError('variable names must be distinct', { pkg: 'prob', op: OP, arg: 'spec.variables', received: variables.map((v) => v.name) });
  }
  const size = variables.reduce((s, v) => s * v.values.length, 1);
  if (flat.length !== size) {
    throw new ShapeError('the number of probabilities must be the product of the numbers of values', { pkg: 'prob', op: OP, arg: 'spec.probs', expected: `${size} entries`, received: `${flat.length} entries` });
  }
  return { variables, probs: checkProbabilities(flat, OP, 'spec.probs', options) };
}
