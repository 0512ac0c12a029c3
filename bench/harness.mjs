// Timing: a warm-up, then several runs of enough calls each to last ~0.25 s; the median run wins.

/** Seconds per call of `fn`: median over runs after a warm-up. */
export async function measure(fn, { quick = false } = {}) {
  const runTarget = quick ? 0.06 : 0.25;
  // Warm-up: at least two calls (one when a call takes over a second) and ~a third of a run.
  let calls = 0;
  const w0 = performance.now();
  do {
    await fn();
    calls++;
    // A call of over a second is warm after one run; two otherwise.
  } while ((calls < 2 && performance.now() - w0 < 1000) || performance.now() - w0 < runTarget * 333);
  const perCall = (performance.now() - w0) / 1000 / calls;
  const reps = Math.max(1, Math.round(runTarget / perCall));
  // Slow configurations (several seconds per call) get three runs instead of five.
  const runs = perCall * reps > 1.5 ? 3 : 5;
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) await fn();
    times.push((performance.now() - t0) / 1000 / reps);
  }
  times.sort((a, b) => a - b);
  return { seconds: times[Math.floor(times.length / 2)], runs, reps, spread: [times[0], times[times.length - 1]] };
}
