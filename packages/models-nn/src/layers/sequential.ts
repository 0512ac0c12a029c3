import { ValueError } from '@gradlab/core-tensor';
import type { Tensor } from '@gradlab/core-tensor';
import { Module } from '../module.ts';
import type { LayerConfig } from '../module.ts';

/** Modules applied one after the other; children are named `0`, `1`, ... as in PyTorch. */
export class Sequential extends Module {
  readonly kind = 'sequential';
  readonly layers: readonly Module[];

  constructor(layers: readonly Module[]) {
    super();
    if (!Array.isArray(layers)) {
      throw new ValueError('expected modules', { pkg: 'models-nn', op: 'sequential', arg: 'layers', expected: 'Module, Module, ...', received: typeof layers });
    }
    layers.forEach((m, i) => {
      if (!(m instanceof Module)) {
        throw new ValueError(`layer ${i} is not a Module`, { pkg: 'models-nn', op: 'sequential', arg: `layers[${i}]`, expected: 'a Module (linear(...), relu(), ...)', received: m === null ? 'null' : typeof m, hint: 'call the factory: relu(), not relu' });
      }
      this.addModule(String(i), m);
    });
    this.layers = layers.slice();
  }

  /** Runs every layer in order. */
  forward(x: Tensor): Tensor {
    let h = x;
    for (const m of this.layers) h = m.forward(h);
    return h;
  }

  /** Whether a layer that mixes rows (attention) is inside. */
  override get mixesRows(): boolean {
    return this.layers.some((m) => m.mixesRows);
  }

  override get inputKind(): 'features' | 'indices' {
    return this.layers[0]?.inputKind ?? 'features';
  }

  config(): LayerConfig {
    return { kind: this.kind, layers: this.layers.map((m) => m.config()) };
  }
}

/**
 * Chains modules: `sequential(linear(2, 8), relu(), linear(8, 1))`.
 * @param layers the modules, applied first to last
 * @returns the container
 * @throws ValueError when an argument is not a Module
 * @example
 * const net = sequential(linear(2, 4), tanh(), linear(4, 1));
 * net.namedParameters().map(([n]) => n); // ['0.weight', '0.bias', '2.weight', '2.bias']
 */
export function sequential(...layers: Module[]): Sequential {
  return new Sequential(layers);
}
