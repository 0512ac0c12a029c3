import type { Tensor } from '../tensor.ts';
import { anomalyOn, checkAnomaly, inGradientRule } from './anomaly.ts';
import { add } from '../ops/binary.ts';
import { ShapeError } from '../errors.ts';
import { sameShape, fmtShape } from '../shape.ts';

/**
 * Reverse-mode sweep of level `bit`: propagates `seed` (the gradient of `y`) back through every
 * recorded node that depends on that level and reaches one of `targets`, in reverse topological
 * order. Runs gradient rules with tensor ops, so their results are themselves differentiable by
 * outer levels. With `all`, also returns the gradient of every visited tensor.
 * @returns the gradient of each target (undefined when y does not depend on it), and the map of all
 */
export function backward(y: Tensor, targets: readonly Tensor[], bit: number, seed: Tensor, all = false): { grads: (Tensor | undefined)[]; map: Map<Tensor, Tensor>; order: Tensor[] } {
  const targetSet = new Set(targets);
  const reach = new Map<Tensor, boolean>();
  const order: Tensor[] = [];
  // Iterative post-order DFS: graphs of long loops would overflow the call stack.
  const stack: { t: Tensor; i: number }[] = [];
  const visit = (t: Tensor): void => {
    if (reach.has(t)) return;
    if (targetSet.has(t)) {
      reach.set(t, true);
      return;
    }
    if ((t._mask & bit) === 0 || t._node === undefined) {
      reach.set(t, false);
      return;
    }
    reach.set(t, false);
    stack.push({ t, i: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { t: Tensor; i: number };
      const inputs = (top.t._node as { inputs: readonly Tensor[] }).inputs;
      if (top.i < inputs.length) {
        const c = inputs[top.i++] as Tensor;
        if (reach.has(c)) continue;
        if (targetSet.has(c)) reach.set(c, true);
        else if ((c._mask & bit) === 0 || c._node === undefined) reach.set(c, false);
        else {
          reach.set(c, false);
          stack.push({ t: c, i: 0 });
        }
      } else {
        stack.pop();
        let r = false;
        for (const c of inputs) if (reach.get(c) === true) r = true;
        reach.set(top.t, r);
        if (r || all) order.push(top.t);
      }
    }
  };
  visit(y);
  const grads = new Map<Tensor, Tensor>();
  grads.set(y, seed);
  for (let q = order.length - 1; q >= 0; q--) {
    const t = order[q] as Tensor;
    const g = grads.get(t);
    const node = t._node;
    if (g === undefined || node === undefined) continue;
    const needs = node.inputs.map((c) => reach.get(c) === true || (all && (c._mask & bit) !== 0));
    if (!needs.some(Boolean)) continue;
    const watch = anomalyOn();
    const res = watch ? inGradientRule(() => node.vjp(g, needs)) : node.vjp(g, needs);
    if (watch) for (const gi of res) if (gi !== null && gi !== undefined) checkAnomaly(`${node.op} (backward)`, gi, [g, ...node.inputs]);
    for (let i = 0; i < node.inputs.length; i++) {
      const gi = res[i];
      if (!needs[i] || gi === undefined || gi === null) continue;
      const c = node.inputs[i] as Tensor;
      if (!sameShape(gi.shape, c.shape)) {
        throw new ShapeError(`gradient rule of ${node.op} returned a gradient of the wrong shape`, {
          op: node.op,
          arg: `input ${i}`,
          expected: fmtShape(c.shape),
          received: fmtShape(gi.shape),
        });
      }
      const prev = grads.get(c);
      grads.set(c, prev === undefined ? gi : add(prev, gi));
    }
  }
  return { grads: targets.map((t) => grads.get(t)), map: grads, order };
}
