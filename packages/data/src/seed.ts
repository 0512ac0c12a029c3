import { rng } from '@gradlab/core-tensor';
import type { Rng } from '@gradlab/core-tensor';

/** A seed for the random choices of a function: an integer seed, or a caller-owned `Rng`. */
export type Seed = number | Rng;

/** The generator a {@link Seed} stands for: `rng(seed)` for a number, the generator itself otherwise. */
export function toRng(seed: Seed | undefined): Rng {
  return typeof seed === 'number' || seed === undefined ? rng(seed ?? 0) : seed;
}
