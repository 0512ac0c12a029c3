/**
 * The packages whose public barrels are fuzzed. Adding a package is a one-line change here (and a
 * devDependency in package.json): every function it exports is fuzzed from then on.
 */
export const FUZZED_PACKAGES: readonly string[] = ['@gradlab/core-tensor', '@gradlab/prob', '@gradlab/losses', '@gradlab/optim', '@gradlab/data', '@gradlab/inference', '@gradlab/models-linear', '@gradlab/models-nn', '@gradlab/transformer', '@gradlab/plugin', '@gradlab/interop'];
