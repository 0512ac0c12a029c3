import { Tensor } from '../tensor.ts';
import { ValueError } from '../errors.ts';
import { scalarTensor } from '../ops/util.ts';

/** What a differentiated function may take: a tensor (or number), or arrays/records of them. */
export type Differentiable = Tensor | number | readonly Differentiable[] | { readonly [key: string]: Differentiable };

/** The gradient of a Differentiable: the same structure with a Tensor at every leaf. */
export type GradOf<T> = T extends Tensor | number ? Tensor : T extends readonly unknown[] ? { -readonly [K in keyof T]: GradOf<T[K]> } : { -readonly [K in keyof T]: GradOf<T[K]> };

/** Splits a structure into its tensor leaves and a function that rebuilds it from new leaves. */
export function flattenStructure(op: string, x: unknown, path = 'args'): { leaves: Tensor[]; rebuild: (leaves: readonly Tensor[]) => unknown } {
  const leaves: Tensor[] = [];
  const walk = (v: unknown, p: string): ((ls: readonly Tensor[]) => unknown) => {
    if (v instanceof Tensor || typeof v === 'number') {
      const i = leaves.length;
      leaves.push(v instanceof Tensor ? v : scalarTensor(v, 'float64'));
      return (ls) => ls[i];
    }
    if (Array.isArray(v)) {
      const parts = v.map((c, j) => walk(c, `${p}[${j}]`));
      return (ls) => parts.map((r) => r(ls));
    }
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const keys = Object.keys(v);
      const parts = keys.map((k) => walk((v as Record<string, unknown>)[k], `${p}.${k}`));
      return (ls) => Object.fromEntries(keys.map((k, j) => [k, (parts[j] as (l: readonly Tensor[]) => unknown)(ls)]));
    }
    throw new ValueError('arguments to differentiate must be tensors, numbers, or arrays/records of them', { op, arg: p, received: v === null ? 'null' : typeof v });
  };
  const rebuild = walk(x, path);
  return { leaves, rebuild };
}
