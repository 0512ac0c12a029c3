import { rng, ValueError } from '@gradlab/core-tensor';
import type { Rng } from '@gradlab/core-tensor';

/** A seed for the random choices of a function: an integer seed, or a caller-owned `Rng`. */
export type Seed = number | Rng;

/** The generator a {@link Seed} stands for: `rng(seed)` for a number, the generator itself otherwise. */
export function toRng(seed: Seed | undefined): Rng {
  if (typeof seed === 'number' || seed === undefined) return rng(seed ?? 0);
  if (typeof seed !== 'object' || seed === null || typeof (seed as Partial<Rng>).uniform !== 'function') {
    throw new ValueError('a seed is a non-negative integer or an Rng', { pkg: 'data', op: 'seed', arg: 'options.seed', expected: 'an integer >= 0, or rng(n)', received: seed === null ? 'null' : typeof seed });
  }
  return seed;
}
