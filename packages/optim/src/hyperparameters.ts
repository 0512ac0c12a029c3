import { ValueError } from '@gradlab/core-tensor';

/**
 * Validation of hyper-parameters with PyTorch's wording (`torch.optim` raises
 * `ValueError("Invalid learning rate: -0.1")`), wrapped in gradlab's typed error so the package,
 * function and argument are named too.
 */
export function requireFinite(op: string, arg: string, value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`Invalid ${what}: ${String(value)}`, {
      pkg: 'optim',
      op,
      arg,
      expected: 'a finite number',
      received: value,
    });
  }
  return value;
}

/** A number `>= 0`, e.g. `lr`, `weightDecay`, `eps`; `what` is PyTorch's name for it. */
export function requireNonNegative(op: string, arg: string, value: unknown, what: string): number {
  const v = requireFinite(op, arg, value, what);
  if (!(v >= 0)) {
    throw new ValueError(`Invalid ${what}: ${v}`, { pkg: 'optim', op, arg, expected: `${arg} >= 0`, received: v });
  }
  return v;
}

/** A number `> 0`. */
export function requirePositive(op: string, arg: string, value: unknown, what: string): number {
  const v = requireFinite(op, arg, value, what);
  if (!(v > 0)) {
    throw new ValueError(`Invalid ${what}: ${v}`, { pkg: 'optim', op, arg, expected: `${arg} > 0`, received: v });
  }
  return v;
}

/** A number in `[0, 1)`, e.g. Adam's betas (`Invalid beta parameter at index 0: 1.5`). */
export function requireUnitInterval(op: string, arg: string, value: unknown, what: string): number {
  const v = requireFinite(op, arg, value, what);
  if (!(v >= 0 && v < 1)) {
    throw new ValueError(`Invalid ${what}: ${v}`, { pkg: 'optim', op, arg, expected: `0 <= ${arg} < 1`, received: v });
  }
  return v;
}

/** A positive integer, e.g. a step size in iterations or a batch size. */
export function requirePositiveInteger(op: string, arg: string, value: unknown, what: string): number {
  const v = requireFinite(op, arg, value, what);
  if (!Number.isInteger(v) || v < 1) {
    throw new ValueError(`Invalid ${what}: ${v}`, {
      pkg: 'optim',
      op,
      arg,
      expected: 'an integer >= 1',
      received: v,
    });
  }
  return v;
}

/** An iteration index `i = 1, 2, ...` as the notes number them (γ^(1) drives the first update). */
export function requireIteration(op: string, i: unknown): number {
  if (typeof i !== 'number' || !Number.isInteger(i) || i < 1) {
    throw new ValueError('iterations are numbered from 1', {
      pkg: 'optim',
      op,
      arg: 'i',
      expected: 'an integer >= 1',
      received: i,
      hint: 'the first update uses at(1), as in the notes (sum over i = 1, 2, ...)',
    });
  }
  return i;
}

/** A learning rate: a number `>= 0` (`Invalid learning rate: -0.1`) or a schedule object. */
export function requireLearningRate<S extends { at(i: number): number }>(op: string, lr: number | S | undefined): number | S {
  if (typeof lr === 'object' && lr !== null && typeof lr.at === 'function') return lr;
  return requireNonNegative(op, 'lr', lr, 'learning rate');
}
