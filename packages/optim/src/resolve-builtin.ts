import { ValueError } from '@gradlab/core-tensor';

/**
 * Looks a plugin factory up by id in a map of factories, the one lookup behind
 * `optimizerFromSpec` and `scheduleFromSpec`.
 * @param kind what the map holds, for the message (`optimizer`, `schedule`)
 * @param op the public function that asked, for the message
 * @param id the saved id
 * @param factories the map to resolve it in
 * @returns the factory
 * @throws ValueError when the id is unknown, naming the known ones
 */
export function resolveFactory<F>(kind: string, op: string, id: string, factories: Readonly<Record<string, F>>): F {
  if (factories === null || typeof factories !== 'object') throw new ValueError(`expected a map of ${kind} factories`, { pkg: 'optim', op, arg: `${kind}s`, expected: 'Record<string, factory>', received: factories === null ? 'null' : typeof factories });
  if (typeof id !== 'string') throw new ValueError(`the ${kind} id must be a string`, { pkg: 'optim', op, arg: 'spec.id', expected: `one of ${Object.keys(factories).join(', ')}`, received: typeof id });
  const factory = Object.hasOwn(factories, id) ? factories[id] : undefined;
  if (factory === undefined) {
    throw new ValueError(`unknown ${kind} '${id}'`, {
      pkg: 'optim',
      op,
      arg: 'spec.id',
      expected: `one of ${Object.keys(factories).join(', ')}`,
      received: id,
    });
  }
  return factory;
}
