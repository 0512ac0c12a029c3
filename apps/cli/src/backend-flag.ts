import type { Command } from 'commander';
import { createJsBackend, setBackend } from '@gradlab/core-tensor';
import { createWasmBackend } from '@gradlab/backend-wasm';
import { UsageError } from './cli-error.ts';

/** The backends a command can run on. */
export const BACKENDS = ['wasm', 'js'] as const;

/** Adds `--backend <name>` (default wasm) to a command that trains or runs a network. */
export function withBackendFlag(cmd: Command): Command {
  return cmd.option('--backend <name>', `where the tensors are computed: ${BACKENDS.join(' (WebAssembly SIMD, default) | ')} (plain JavaScript)`, 'wasm');
}

/**
 * Selects the backend named by `--backend` for the rest of the process.
 * @throws UsageError for an unknown name
 */
export function useBackend(name: string | undefined): void {
  const chosen = name ?? 'wasm';
  if (chosen === 'js') setBackend(createJsBackend());
  else if (chosen === 'wasm') setBackend(createWasmBackend());
  else throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')}, got '${chosen}'`);
}
