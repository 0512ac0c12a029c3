// The benchmark suites, run in this order by child.mjs in every library's process. Each suite
// gets the library's adapter (libs/*.mjs), the shared data and a `row` callback for its results.
import { measure } from './harness.mjs';

/** @type {{ id: string, name: string, onlyFor?: string[], run: (adapter: any, data: any, row: Function, quick: boolean) => Promise<void> }[]} */
export const suites = [
  {
    id: 'matmul',
    name: 'matmul f32, n × n (GFLOP/s = 2n³ / time)',
    async run(adapter, data, row, quick) {
      for (const n of data.plan.matmulSizes) {
        const a = data.get(`mm_a_${n}`);
        const b = data.get(`mm_b_${n}`);
        const t = await measure(adapter.matmul(a, b), { quick });
        row('matmul', n, 'GFLOP/s', (2 * n ** 3) / t.seconds / 1e9, { seconds: t.seconds, checksum: n === 64 ? adapter.checksum(a, b) : undefined });
      }
    },
  },
  {
    id: 'transposed',
    name: 'transposed matmul at n = 512: aᵀ·b and a·bᵀ (the products of a dense layer backward pass)',
    async run(adapter, data, row, quick) {
      const n = data.plan.transposedSize;
      const a = data.get(`mm_a_${n}`);
      const b = data.get(`mm_b_${n}`);
      for (const which of ['a', 'b']) {
        const t = await measure(adapter.matmulTransposed(a, b, which), { quick });
        row(which === 'a' ? 'matmul aᵀ·b' : 'matmul a·bᵀ', n, 'GFLOP/s', (2 * n ** 3) / t.seconds / 1e9, { seconds: t.seconds });
      }
    },
  },
  {
    id: 'relu',
    name: 'relu(x·w + b), x [1000, 1000], w and b [1000] broadcast over rows (elements/s)',
    async run(adapter, data, row, quick) {
      const x = data.get('relu_x');
      const t = await measure(adapter.reluAffine(x, data.get('relu_w'), data.get('relu_b')), { quick });
      row('relu(x·w + b)', x.data.length, 'Melem/s', x.data.length / t.seconds / 1e6, { seconds: t.seconds });
    },
  },
  {
    id: 'relu-no-tidy',
    name: 'relu(x·w + b) without tidy: each op returns a fresh garbage-collected array (gradlab only)',
    onlyFor: ['gradlab-wasm', 'gradlab-js'],
    async run(adapter, data, row, quick) {
      const x = data.get('relu_x');
      const t = await measure(adapter.reluAffineUnscoped(x, data.get('relu_w'), data.get('relu_b')), { quick });
      row('relu(x·w + b), no tidy', x.data.length, 'Melem/s', x.data.length / t.seconds / 1e6, { seconds: t.seconds });
    },
  },
  {
    id: 'floor',
    name: 'the floor under relu(x·w + b) for a backend that returns fresh JS arrays: three fresh 4 MB Float32Array copies',
    onlyFor: ['gradlab-wasm'],
    async run(_adapter, data, row, quick) {
      const x = data.get('relu_x').data;
      // What core-tensor's contract costs before any arithmetic: each of the three ops returns a
      // fresh typed array (allocated, its pages touched, filled).
      const t = await measure(() => [x.slice(), x.slice(), x.slice()], { quick });
      row('3 fresh 1e6-element arrays (floor)', x.length, 'Melem/s', x.length / t.seconds / 1e6, { seconds: t.seconds });
    },
  },
  {
    id: 'chain',
    name: 'elementwise chain sigmoid(0.5·x + 0.1)·x − x², x [n, n] (elements/s)',
    async run(adapter, data, row, quick) {
      for (const n of data.plan.chainSizes) {
        const x = data.get(`chain_${n}`);
        const t = await measure(adapter.chain(x), { quick });
        row('elementwise chain', n, 'Melem/s', (n * n) / t.seconds / 1e6, { seconds: t.seconds });
      }
    },
  },
  {
    id: 'mlp',
    name: 'MLP 784-256-10 training step, batch 128: ReLU, softmax cross-entropy, SGD (steps/s)',
    async run(adapter, data, row, quick) {
      const { mlp: p } = data.plan;
      const d = Object.fromEntries(['x', 'y', 'w1', 'b1', 'w2', 'b2'].map((k) => [k, data.get(`mlp_${k}`)]));
      const mlp = adapter.mlp(d, p.lr);
      mlp.step();
      const firstLoss = mlp.loss();
      const t = await measure(() => mlp.step(), { quick });
      row('MLP step', `${p.inputs}-${p.hidden}-${p.classes}, batch ${p.batch}`, 'steps/s', 1 / t.seconds, { seconds: t.seconds, checksum: firstLoss });
    },
  },
  {
    id: 'fit',
    name: 'MLP fit on the digits, 64-64-10, batch 32, Adam, one epoch: each library\'s own training loop (samples/s)',
    async run(adapter, data, row, quick) {
      const { fit: p } = data.plan;
      const d = Object.fromEntries(['x', 'y', 'w1', 'b1', 'w2', 'b2'].map((k) => [k, data.get(`fit_${k}`)]));
      const trainer = await adapter.fit(d, p);
      // The first epoch from the shared initial weights gives the check value; the timed epochs
      // go on training the same model (as a longer run would).
      const firstLoss = await trainer.epoch();
      // Training runs many epochs: four more before timing, so V8's optimising compiler has seen
      // the JS side of every library (an epoch is ~57 calls of each function; the harness's own
      // warm-up is only two epochs at this size).
      for (let i = 0; i < (quick ? 1 : 4); i++) await trainer.epoch();
      const t = await measure(() => trainer.epoch(), { quick });
      row('MLP fit, one epoch', `${p.inputs}-${p.hidden}-${p.classes}, batch ${p.batch}, Adam, digits`, 'samples/s', p.samples / t.seconds, { seconds: t.seconds, checksum: firstLoss });
    },
  },
];
