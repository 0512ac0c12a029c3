// TensorFlow.js 4.22 in Node: the @tensorflow/tfjs umbrella bundle (core, gradients, cpu backend)
// plus @tensorflow/tfjs-backend-wasm (XNNPACK, SIMD, one thread under Node).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The tfjs adapter; `backend` is 'cpu' or 'wasm'. Every measured call runs inside tf.tidy. */
export async function createAdapter(backend) {
  const tf = require('@tensorflow/tfjs');
  if (backend === 'wasm') require('@tensorflow/tfjs-backend-wasm');
  await tf.setBackend(backend);
  await tf.ready();
  const T = ({ data, shape }) => tf.tensor(data, shape, 'float32');
  const threads = backend === 'wasm' ? ` (${require('@tensorflow/tfjs-backend-wasm').getThreadsCount()} thread)` : '';
  return {
    describe: () => `@tensorflow/tfjs ${tf.version.tfjs}, ${backend} backend${threads}`,
    // Results stay in tfjs's memory (no read-back inside the timed calls): the setting most
    // favourable to tfjs, whose tensors live in its own heap.
    matmul(a, b) {
      const A = T(a);
      const B = T(b);
      return () => tf.tidy(() => tf.keep(tf.matMul(A, B))).dispose();
    },
    matmulTransposed(a, b, which) {
      const A = T(a);
      const B = T(b);
      return () => tf.tidy(() => tf.keep(tf.matMul(A, B, which === 'a', which === 'b'))).dispose();
    },
    checksum(a, b) {
      return tf.tidy(() => tf.sum(tf.matMul(T(a), T(b)).asType('float32')).dataSync()[0]);
    },
    reluAffine(x, w, b) {
      const X = T(x);
      const W = T(w);
      const B = T(b);
      return () => tf.tidy(() => tf.keep(tf.relu(tf.add(tf.mul(X, W), B)))).dispose();
    },
    chain(x) {
      const X = T(x);
      return () => tf.tidy(() => tf.keep(tf.sub(tf.mul(tf.sigmoid(tf.add(tf.mul(X, 0.5), 0.1)), X), tf.square(X)))).dispose();
    },
    mlp(d, lr) {
      const X = T(d.x);
      const Y = T(d.y);
      const vars = [d.w1, d.b1, d.w2, d.b2].map((p) => tf.variable(T(p)));
      const [w1, b1, w2, b2] = vars;
      const loss = () => {
        const h = tf.relu(tf.add(tf.matMul(X, w1), b1));
        const logits = tf.add(tf.matMul(h, w2), b2);
        return tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(logits, -1), Y), -1)));
      };
      let last;
      return {
        step() {
          const value = tf.tidy(() => {
            const { value: v, grads } = tf.variableGrads(loss, vars);
            for (const p of vars) p.assign(tf.sub(p, tf.mul(grads[p.name], lr)));
            return v;
          });
          last?.dispose();
          last = value;
        },
        loss: () => last.dataSync()[0],
      };
    },
    // tfjs-layers as its users train: tf.sequential of dense layers, model.fit with Adam (ε as
    // torch's), sparse categorical cross-entropy on a softmax output, accuracy as a metric (gradlab's
    // fit reports it too), shuffled, one epoch per call, verbose 0.
    async fit(d, p) {
      const x = T(d.x);
      const y = tf.tensor(d.y.data, [p.samples], 'float32');
      const model = tf.sequential({
        layers: [
          tf.layers.dense({ inputShape: [p.inputs], units: p.hidden, activation: 'relu' }),
          tf.layers.dense({ units: p.classes, activation: 'softmax' }),
        ],
      });
      // PyTorch's [out, in] weights to tfjs's [in, out] kernels.
      const kernel = ({ data, shape }) => tf.tidy(() => tf.transpose(tf.tensor(data, shape, 'float32')));
      model.layers[0].setWeights([kernel(d.w1), T(d.b1)]);
      model.layers[1].setWeights([kernel(d.w2), T(d.b2)]);
      model.compile({ optimizer: tf.train.adam(p.lr, 0.9, 0.999, 1e-8), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
      return {
        async epoch() {
          const h = await model.fit(x, y, { batchSize: p.batch, epochs: 1, shuffle: true, verbose: 0 });
          return h.history.loss[0];
        },
      };
    },
  };
}
