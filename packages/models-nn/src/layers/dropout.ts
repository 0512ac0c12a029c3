import { div, mul, randBernoulli, rng as makeRng } from '@gradlab/core-tensor';
import type { Rng, Tensor } from '@gradlab/core-tensor';
import { Module } from '../module.ts';
import type { LayerConfig } from '../module.ts';
import { checkLayerOptions, checkRate } from './check-options.ts';

/** Options of {@link dropout}. */
export interface DropoutOptions {
  /** The generator of the masks (default: `rng(seed)`). */
  rng?: Rng;
  /** The seed of the masks when no `rng` is given (default 0). */
  seed?: number;
}

/** Inverted dropout: zero each entry with probability p in training, scale the rest by 1/(1-p). */
export class Dropout extends Module {
  readonly kind = 'dropout';
  readonly p: number;
  readonly #seed: number;
  #rng: Rng;

  constructor(p: number, options: DropoutOptions = {}) {
    super();
    checkLayerOptions('dropout', options, ['rng', 'seed']);
    this.p = checkRate('dropout', 'p', p);
    this.#seed = options.seed ?? 0;
    this.#rng = options.rng ?? makeRng(this.#seed);
  }

  /** Identity in eval mode or for p = 0; else x · mask / (1 - p) with a fresh seeded mask. */
  forward(x: Tensor): Tensor {
    if (!this.training || this.p === 0) return x;
    const dtype = x.dtype === 'float32' ? 'float32' : 'float64';
    const keep = randBernoulli(this.#rng, x.shape, 1 - this.p, { dtype });
    return div(mul(x, keep), 1 - this.p);
  }

  /** Restarts the masks from the seed (a seeded run restarts here). */
  reseed(seed: number = this.#seed): void {
    this.#rng = makeRng(seed);
  }

  config(): LayerConfig {
    return { kind: this.kind, p: this.p, seed: this.#seed };
  }
}

/**
 * Dropout with rate `p` (seeded; off in eval mode), scaled so that expectations match eval mode.
 * @param p the probability of zeroing an entry, in [0, 1)
 * @param options `seed` or `rng` of the masks
 * @returns the layer
 * @example
 * const d = dropout(0.5, { seed: 1 });
 * d.eval().forward(ones([2, 2])).toArray(); // [[1, 1], [1, 1]]
 */
export function dropout(p: number, options?: DropoutOptions): Dropout {
  return new Dropout(p, options);
}
