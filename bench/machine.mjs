// A description of the machine the numbers were measured on.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

function flags() {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('flags'));
    const have = new Set((line ?? '').split(':')[1]?.trim().split(/\s+/));
    return ['sse4_2', 'avx', 'avx2', 'fma', 'avx512f'].filter((f) => have.has(f));
  } catch {
    return [];
  }
}

/** CPU model, cores, memory, OS, Node and (when importable) torch versions. */
export function describeMachine() {
  const cpus = os.cpus();
  const torch = spawnSync('/usr/bin/python3', ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    simd: flags(),
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    torch: torch.status === 0 ? torch.stdout.trim() : null,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
