// Shared by the RSS scripts: run `step` N times, sample RSS at checkpoints, judge growth after warm-up.

/**
 * Runs `step(i)` `total` times; RSS is sampled every `total / 10` steps. Growth is measured from the
 * checkpoint at `warmup` steps to the lowest of the last three checkpoints (the peak is reported too). Between checkpoints the loop yields to the event loop
 * once (as a training loop that logs progress does); between steps it does not.
 */
export async function rssCheck({ what, total, warmup, toleranceMB, step }) {
  const checkpoints = [];
  const every = Math.max(1, Math.floor(total / 10));
  const sample = (i) => {
    const rssMB = process.memoryUsage.rss() / 2 ** 20;
    checkpoints.push({ step: i, rssMB });
    if (!process.argv.includes('--json')) console.log(`${what}: step ${i}: RSS ${rssMB.toFixed(1)} MB`);
  };
  sample(0);
  const t0 = performance.now();
  for (let i = 1; i <= total; i++) {
    step(i);
    if (i % every === 0 || i === warmup) {
      await new Promise((resolve) => setImmediate(resolve));
      sample(i);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const base = checkpoints.find((c) => c.step >= warmup) ?? checkpoints[0];
  const after = checkpoints.filter((c) => c.step >= base.step);
  // Judged on the floor of the last three checkpoints: a leak raises it for good, while the
  // garbage collector's sawtooth (a heap that grows, then shrinks at a full GC) only makes peaks.
  const peakMB = Math.max(...after.map((c) => c.rssMB)) - base.rssMB;
  const growthMB = Math.min(...after.slice(-3).map((c) => c.rssMB)) - base.rssMB;
  const ok = growthMB <= toleranceMB;
  const result = { what, total, warmup, toleranceMB, growthMB, peakMB, ok, seconds, checkpoints };
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else console.log(`${what}: RSS grew ${growthMB.toFixed(1)} MB after step ${base.step} (peak ${peakMB.toFixed(1)} MB; tolerance ${toleranceMB} MB): ${ok ? 'flat' : 'GROWING'}; ${seconds.toFixed(1)} s`);
  if (!ok) process.exitCode = 1;
  return result;
}
