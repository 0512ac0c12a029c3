/**
 * Recording for reverse-mode autodiff. There is no global tape: each op's output tensor keeps a
 * node (its inputs and a vector-Jacobian-product closure), so a graph lives exactly as long as
 * the tensors that reach it and is garbage-collected with them.
 *
 * Nested differentiation (grad of grad) uses levels, as in JAX: every active `grad` call owns one
 * bit; a tensor's mask says which active calls it depends on. An op records a node only when an
 * input depends on an active call, and the backward pass of level L runs with L switched off, so
 * it records exactly the nodes that outer levels need (create-graph semantics) and nothing when
 * it is the outermost call. Perturbations of different levels never mix.
 */
import type { Tensor } from '../tensor.ts';
import { ValueError } from '../errors.ts';
import { anomalyOn, checkAnomaly } from './anomaly.ts';

/** A vector-Jacobian product: the gradients of the inputs given the output's gradient `g`. */
export type Vjp = (g: Tensor, needs: readonly boolean[]) => readonly (Tensor | null | undefined)[];

/** How an op's output was computed: the op's name, its inputs, and its gradient rule. */
export interface GradNode {
  readonly op: string;
  readonly inputs: readonly Tensor[];
  readonly vjp: Vjp;
}

let activeMask = 0;
let depth = 0;
/** While `trace` runs: the level it owns and every recorded output, in creation order. */
let recorder: { bit: number; list: Tensor[] } | undefined;

const MAX_DEPTH = 30;

/** The bits of the levels that currently record. */
export function currentMask(): number {
  return activeMask;
}

/**
 * Attaches the node `{ op, inputs, vjp }` to `out` when an input depends on an active level.
 * @returns out
 */
export function record(out: Tensor, op: string, inputs: readonly Tensor[], vjp: Vjp): Tensor {
  if (anomalyOn()) checkAnomaly(op, out, inputs);
  if (activeMask === 0) return out;
  let m = 0;
  for (const t of inputs) m |= t._mask;
  m &= activeMask;
  if (m === 0) return out;
  out._mask = m;
  out._node = { op, inputs, vjp };
  if (recorder !== undefined && (m & recorder.bit) !== 0) recorder.list.push(out);
  return out;
}

/** Opens a new level; returns its bit and the mask to restore. */
export function openLevel(): { bit: number; saved: number } {
  if (depth >= MAX_DEPTH) {
    throw new ValueError('too many nested differentiation levels', { op: 'grad', expected: `at most ${MAX_DEPTH}`, received: depth + 1 });
  }
  const bit = 1 << depth;
  depth++;
  const saved = activeMask;
  activeMask = saved | bit;
  return { bit, saved };
}

/** Closes the innermost level, restoring the outer mask. */
export function closeLevel(saved: number): void {
  depth--;
  activeMask = saved;
}

/** Runs `fn` with recording restricted to `mask`. */
export function withMask<T>(mask: number, fn: () => T): T {
  const prev = activeMask;
  activeMask = mask;
  try {
    return fn();
  } finally {
    activeMask = prev;
  }
}

/** Installs a recorder for `trace`; returns the previous one. */
export function setRecorder(r: { bit: number; list: Tensor[] } | undefined): { bit: number; list: Tensor[] } | undefined {
  const prev = recorder;
  recorder = r;
  return prev;
}
