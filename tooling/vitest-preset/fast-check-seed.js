// @ts-check
// Setup file of every gradlab test run: property tests draw from a fixed fast-check seed, so a CI
// run is reproducible bit for bit and a failure can be replayed. Set FC_SEED to explore other
// samples locally (FC_SEED=random for a fresh seed each run, printed on failure by fast-check).
import fc from 'fast-check';

const env = process.env['FC_SEED'];
if (env !== 'random') {
  const seed = env === undefined ? 20261129 : Number(env);
  if (!Number.isSafeInteger(seed)) throw new Error(`[gradlab/vitest-preset] FC_SEED must be an integer or "random", received ${env}`);
  fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
}
