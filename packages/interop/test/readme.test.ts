import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { mlp } from '@gradlab/models-nn';
import { toOnnx } from '../src/index.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const check = readFileSync(new URL('./fixtures/check_onnx.py', import.meta.url), 'utf8');

describe('README examples', () => {
  it('the opening example: an MLP exported with a dynamic batch runs [batch, 4] -> [batch, 3]', async () => {
    expect(readme).toContain("writeFileSync('model.onnx', toOnnx(model, { dynamicBatch: true }));");
    const model = mlp({ sizes: [4, 16, 3], seed: 0 });
    const session = await ort.InferenceSession.create(toOnnx(model, { dynamicBatch: true }));
    const out = await session.run({ input: new ort.Tensor('float32', new Float32Array(8), [2, 4]) });
    expect(out.output?.dims).toEqual([2, 3]);
  });

  it("the training loop of 'Training bigger' is the one check_onnx.py runs", () => {
    const snippet = /```python\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const loop = ['ddp = DDP(model)', 'opt = torch.optim.AdamW(ddp.parameters(), lr=1e-2)', 'opt.zero_grad()', 'loss = lm_loss(ddp(ids), ids)', 'loss.backward()', 'opt.step()'];
    for (const line of loop) {
      expect(snippet).toContain(line);
      expect(check.replace(/tf\./g, '')).toContain(line);
    }
  });
});
