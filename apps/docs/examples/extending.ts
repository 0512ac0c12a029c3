// Four complete extensions of gradlab, each written against a public contract only: a loss, an
// optimizer, a layer and a backend. guide/extending.md includes each region, and
// test/extending.test.ts runs each piece's conformance checker and trains with all four together.
import { add, createJsBackend, KERNEL_NAMES, matmul, mul, sigmoid, softplus, split, sub, transpose, zeros } from '@gradlab/core-tensor';
import type { Backend, Tensor } from '@gradlab/core-tensor';
import { defineLoss, type Loss } from '@gradlab/losses';
import { elementwiseOptimizer, type Optimizer } from '@gradlab/optim';
import { definePlugin } from '@gradlab/plugin';
import { Module, xavierUniform, type InitOptions, type LayerConfig, type Parameter } from '@gradlab/models-nn';

// #region loss
/**
 * The log-cosh loss ℓ(t, t̂) = log cosh(t̂ − t): quadratic near 0, linear (robust) far away.
 * Written as softplus(2d) − d − log 2, which never overflows.
 */
export function logCosh(): Loss {
  return defineLoss({
    id: 'log-cosh',
    reduction: 'mean',
    prediction: 'value',
    target: 'real',
    elementwise: (p, t) => {
      const d = sub(p, t);
      return sub(sub(softplus(mul(d, 2)), d), Math.LN2);
    },
  });
}
// #endregion loss

// #region optimizer
/**
 * Adagrad (Duchi, Hazan & Singer, 2011): each coordinate's step is γ / (sqrt(Σ g²) + ε), so
 * coordinates with large past gradients slow down. One slot holds the running Σ g².
 */
export function adagrad(options: { lr?: number; eps?: number } = {}): Optimizer {
  const eps = options.eps ?? 1e-10;
  return elementwiseOptimizer({
    id: 'adagrad',
    config: { eps },
    lr: options.lr ?? 0.01,
    slots: ['sum_sq'],
    update({ param, grad, slots, lr }) {
      const s = slots['sum_sq'] as Float64Array;
      for (let k = 0; k < param.length; k++) {
        const g = grad[k] as number;
        s[k] = (s[k] as number) + g * g;
        param[k] = (param[k] as number) - (lr * g) / (Math.sqrt(s[k] as number) + eps);
      }
    },
  });
}
// #endregion optimizer

// #region layer
/**
 * A gated linear unit (Dauphin et al., 2017): y = (W_a x + b_a) ⊙ σ(W_g x + b_g). The gate decides,
 * per output and per sample, how much of the linear part passes.
 */
export class GatedLinear extends Module {
  readonly kind = 'gated-linear';
  readonly weight: Parameter; // [2 · out, in]: W_a stacked on W_g
  readonly bias: Parameter; // [2 · out]
  constructor(readonly inFeatures: number, readonly outFeatures: number, options: InitOptions = {}) {
    super();
    this.weight = this.addParameter('weight', xavierUniform([2 * outFeatures, inFeatures], options));
    this.bias = this.addParameter('bias', zeros([2 * outFeatures], { dtype: options.dtype ?? 'float32' }));
  }

  forward(x: Tensor): Tensor {
    const both = add(matmul(x, transpose(this.weight.value)), this.bias.value); // [..., 2 · out]
    const [value, gate] = split(both, 2, -1) as [Tensor, Tensor];
    return mul(value, sigmoid(gate));
  }

  config(): LayerConfig {
    return { kind: this.kind, inFeatures: this.inFeatures, outFeatures: this.outFeatures };
  }
}
// #endregion layer

// #region backend
/**
 * A profiling backend: any backend, with every kernel call counted. Kernels are plain functions
 * of plain arrays, so wrapping one is a few lines; `counts` says where a program spends its calls.
 */
export function countingBackend(inner: Backend = createJsBackend()): Backend & { counts: Map<string, number> } {
  const counts = new Map<string, number>();
  const wrapped = Object.create(inner) as Backend & { counts: Map<string, number> };
  for (const name of KERNEL_NAMES) {
    const kernel = (inner as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
    if (kernel === undefined) continue;
    Object.defineProperty(wrapped, name, {
      value: (...args: unknown[]) => {
        counts.set(name, (counts.get(name) ?? 0) + 1);
        return kernel.apply(inner, args);
      },
    });
  }
  Object.defineProperty(wrapped, 'name', { value: `counting(${inner.name})` });
  Object.defineProperty(wrapped, 'counts', { value: counts });
  return wrapped;
}
// #endregion backend


// #region plugin

/** The four pieces as one plugin: `gradlab --plugin`, the docs site and `plugins check` load it. */
export const extendingPlugin = definePlugin({
  name: 'gradlab-plugin-extending-example',
  version: '0.1.0',
  losses: { 'log-cosh': () => logCosh() },
  optimizers: { adagrad: { factory: (config) => adagrad({ lr: Number(config['lr'] ?? 0.01) }), example: { lr: 0.1 } } },
  layers: {
    'gated-linear': {
      factory: (config, { dtype }) => new GatedLinear(Number(config['inFeatures']), Number(config['outFeatures']), { dtype }),
      example: { config: { kind: 'gated-linear', inFeatures: 3, outFeatures: 2 }, inputShape: [4, 3], outputShape: [4, 2] },
    },
  },
  backends: { counting: () => countingBackend() },
});
// #endregion plugin
