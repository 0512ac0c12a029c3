import * as gl from '@gradlab/core-tensor';
const be = gl.createJsBackend();
gl.setBackend(be);
const r = gl.rng(1);
for (const n of [64, 128]) {
const A = gl.randNormal(r, [n, n], { dtype: 'float32' });
const v = { data: A.data, dtype: 'float32', shape: [n, n], strides: [n, 1], offset: 0 };
const time = (f, N) => { for (let i = 0; i < 200; i++) f(); let best = Infinity; for (let k = 0; k < 5; k++) { const t0 = performance.now(); for (let i = 0; i < N; i++) f(); best = Math.min(best, (performance.now() - t0) / N); } return best * 1000; };
const flop = 2 * n ** 3;
const tk = time(() => be.matmul(v, v, 'float32'), 2000), tf = time(() => gl.tidy(() => gl.matmul(A, A)).dispose(), 2000), tp = time(() => gl.matmul(A, A), 2000);
console.log(n, 'kernel', tk.toFixed(1), 'us', (flop / tk / 1e3).toFixed(2), 'GFLOP/s; tidy op', tf.toFixed(1), (flop / tf / 1e3).toFixed(2), '; plain op', tp.toFixed(1), (flop/tp/1e3).toFixed(2));
}
