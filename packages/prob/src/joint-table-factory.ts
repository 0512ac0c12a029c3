import { requireObject, ValueError } from '@gradlab/core-tensor';
import { checkProbabilityOptions } from './argument-checks.ts';
import type { ProbabilityOptions } from './argument-checks.ts';
import { JointTable } from './joint-table.ts';
import { parseJointSpec } from './joint-table-spec.ts';
import type { JointTableSpec } from './joint-table-types.ts';

/**
 * A joint pmf table over named discrete variables.
 * @param spec variables (names, with values defaulting to 0, 1, …) and probs: nested arrays
 *   `[v₁][v₂]…` or flat row-major [Π kᵢ]
 * @param options normalize (divide by the sum), tolerance on the sum (default 1e-9)
 * @returns a {@link JointTable}
 * @throws ValueError for a negative probability, a sum other than 1, repeated names or values
 * @throws ShapeError when the probabilities do not match the variables
 * @example
 * const p = jointTable({ variables: ['x1', 'x2'], probs: [[0.45, 0.05], [0.1, 0.4]] });
 * p.marginal('x1').toDistribution().toString();       // 'Bern(0.5)'
 * p.conditional({ x2: 0 }).prob({ x1: 1 });           // 0.1 / 0.55 = 0.1818…
 */
export function jointTable(spec: JointTableSpec, options: ProbabilityOptions = {}): JointTable {
  options = checkProbabilityOptions(options, 'jointTable');
  const s = requireObject<{ variables?: unknown }>(spec, { pkg: 'prob', op: 'jointTable', arg: 'spec' });
  if (!Array.isArray(s.variables)) throw new ValueError('spec.variables must be a list', { pkg: 'prob', op: 'jointTable', arg: 'spec.variables', expected: 'an array of names or { name, values }', received: typeof s.variables });
  const { variables, probs } = parseJointSpec(spec, options);
  return JointTable.fromValidated(variables, probs);
}
