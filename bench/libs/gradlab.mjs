// gradlab through core-tensor's public ops, on the js or the wasm backend.
import * as gl from '@gradlab/core-tensor';
import { createWasmBackend } from '@gradlab/backend-wasm';
import { fit, mlp } from '@gradlab/models-nn';
import { crossEntropy } from '@gradlab/losses';
import { adam } from '@gradlab/optim';

/** The gradlab adapter; `backend` is 'js', 'wasm' or 'wasm-2t' (two threads for large matmuls). */
export async function createAdapter(backend) {
  const threads = backend === 'wasm-2t' ? 2 : 1;
  gl.setBackend(backend === 'js' ? gl.createJsBackend() : createWasmBackend({ threads }));
  // Inputs are created inside tidy and kept, as tfjs's tensors live in its heap: on the wasm
  // backend they are then resident in linear memory, so the timed calls read them in place.
  const T = ({ data, shape }) => gl.tidy(() => gl.keep(gl.tensor(data, { shape })));
  // Every timed call runs inside tidy and disposes its result, exactly like the tfjs adapter.
  const scoped = (f) => () => gl.tidy(f).dispose();
  return {
    describe: () => `@gradlab/core-tensor, ${backend === 'js' ? 'js' : 'wasm'} backend, ${threads} thread${threads > 1 ? 's (matmul)' : ''}`,
    matmul(a, b) {
      const A = T(a);
      const B = T(b);
      return scoped(() => gl.matmul(A, B));
    },
    matmulTransposed(a, b, which) {
      const A = T(a);
      const B = T(b);
      return which === 'a' ? scoped(() => gl.matmul(gl.transpose(A), B)) : scoped(() => gl.matmul(A, gl.transpose(B)));
    },
    checksum: (a, b) => gl.tidy(() => gl.sum(gl.cast(gl.matmul(gl.tensor(a.data, { shape: a.shape }), gl.tensor(b.data, { shape: b.shape })), 'float64')).item()),
    reluAffine(x, w, b) {
      const X = T(x);
      const W = T(w);
      const B = T(b);
      return scoped(() => gl.relu(gl.add(gl.mul(X, W), B)));
    },
    // The same computation without tidy: every op returns a fresh garbage-collected array.
    reluAffineUnscoped(x, w, b) {
      const [X, W, B] = [x, w, b].map(({ data, shape }) => gl.tensor(data, { shape }));
      return () => gl.relu(gl.add(gl.mul(X, W), B));
    },
    chain(x) {
      const X = T(x);
      return scoped(() => gl.sub(gl.mul(gl.sigmoid(gl.add(gl.mul(X, 0.5), 0.1)), X), gl.square(X)));
    },
    mlp(d, lr) {
      const X = T(d.x);
      const Y = T(d.y);
      let params = [T(d.w1), T(d.b1), T(d.w2), T(d.b2)];
      // Softmax cross-entropy, averaged over the batch: −mean(Σ_c y·log softmax(logits)).
      const loss = (w1, b1, w2, b2) => {
        const h = gl.relu(gl.add(gl.matmul(X, w1), b1));
        const logits = gl.add(gl.matmul(h, w2), b2);
        return gl.neg(gl.mean(gl.sum(gl.mul(gl.logSoftmax(logits, -1), Y), -1)));
      };
      const vg = gl.valueAndGrad(loss);
      let last;
      return {
        // One step inside tidy; the new parameters and the loss are returned (they survive), the
        // old parameters are disposed: what tfjs's variable.assign does.
        step() {
          const [value, next] = gl.tidy(() => {
            const [v, grads] = vg(...params);
            return [v, params.map((p, i) => gl.sub(p, gl.mul(grads[i], lr)))];
          });
          gl.dispose(params);
          last?.dispose();
          params = next;
          last = value;
        },
        loss: () => last.item(),
      };
    },
    // @gradlab/models-nn's fit as a user calls it: mlp, loadStateDict, crossEntropy, adam. Each
    // call is one epoch (shuffled, seeded per epoch); the optimizer's state goes on to the next.
    fit(d, p) {
      const x = gl.tensor(d.x.data, { shape: d.x.shape });
      const y = gl.tensor(Float64Array.from(d.y.data), { dtype: 'float64' });
      const model = mlp({ sizes: [p.inputs, p.hidden, p.classes], activation: 'relu', seed: 0 });
      const T = ({ data, shape }) => gl.tensor(data, { shape });
      model.loadStateDict({ '0.weight': T(d.w1), '0.bias': T(d.b1), '2.weight': T(d.w2), '2.bias': T(d.b2) });
      const loss = crossEntropy();
      const optimizer = adam({ lr: p.lr });
      let optimizerState;
      let seed = 0;
      return {
        epoch() {
          const r = fit(model, { x, y }, { loss, optimizer, epochs: 1, batchSize: p.batch, shuffle: true, seed: seed++, ...(optimizerState ? { optimizerState } : {}) });
          optimizerState = r.optimizerState;
          return r.history[0].loss;
        },
      };
    },
  };
}
