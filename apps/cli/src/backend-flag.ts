import type { Command } from 'commander';
import { createJsBackend, setBackend } from '@gradlab/core-tensor';
import { createWasmBackend } from '@gradlab/backend-wasm';
import type { PluginRegistry } from '@gradlab/plugin';
import { UsageError } from './cli-error.ts';

/** The built-in backends a command can run on. */
export const BACKENDS = ['wasm', 'js'] as const;

/** Adds `--backend <name>` (default wasm) to a command that trains or runs a network. */
export function withBackendFlag(cmd: Command): Command {
  return cmd.option('--backend <name>', `where the tensors are computed: ${BACKENDS.join(' (WebAssembly SIMD, default) | ')} (plain JavaScript), or a plugin's backend`, 'wasm');
}

/**
 * Selects the backend named by `--backend` for the rest of the process: a built-in, or one that a
 * plugin of `registry` offers (its factory runs once, here).
 * @param name the flag's value (default `wasm`)
 * @param registry the composed plugins, when the command takes `--plugin`
 * @throws UsageError for an unknown name, listing every backend on offer
 */
export function useBackend(name: string | undefined, registry?: PluginRegistry): void {
  const chosen = name ?? 'wasm';
  if (chosen === 'wasm') {
    setBackend(createWasmBackend());
    return;
  }
  const factory = registry !== undefined && Object.hasOwn(registry.backends, chosen) ? registry.backends[chosen] : undefined;
  if (factory !== undefined) setBackend(factory());
  else if (chosen === 'js') setBackend(createJsBackend());
  else {
    const offered = [...new Set(['wasm', 'js', ...Object.keys(registry?.backends ?? {})])];
    throw new UsageError(`--backend must be one of ${offered.join(', ')}, got '${chosen}'`, registry === undefined ? undefined : "a plugin's backends appear with --plugin <module>");
  }
}
