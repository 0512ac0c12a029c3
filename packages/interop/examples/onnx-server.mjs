// Serves an exported model over HTTP with ONNX Runtime:
//   node onnx-server.mjs model.onnx            (PORT=8080 HOST=127.0.0.1 by default; PORT=0 picks a free port)
//   curl -d '{"rows": [[0.1, 0.2, 0.3, 0.4]]}' http://127.0.0.1:8080/predict   ->   {"outputs": [[...]]}
//   (a language model takes rows of token ids and answers each row's logits, flattened)
// The same model.onnx runs under ONNX Runtime anywhere (Python, C++, C#, the browser, GPUs through
// its CUDA/TensorRT/DirectML providers); only this file's `InferenceSession.create` would change.
import { createServer } from 'node:http';
import * as ort from 'onnxruntime-node';

const session = await ort.InferenceSession.create(process.argv[2] ?? 'model.onnx');
const [inputName] = session.inputNames;
const [outputName] = session.outputNames;
const ids = session.inputMetadata[0]?.type === 'int64'; // a language model reads token ids

const server = createServer(async (req, res) => {
  const reply = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  if (req.method !== 'POST' || req.url !== '/predict') return reply(404, { error: 'POST /predict {"rows": [[...], ...]}' });
  try {
    let text = '';
    for await (const chunk of req) text += chunk;
    const { rows } = JSON.parse(text);
    const dims = [rows.length, rows[0].length];
    const input = ids ? new ort.Tensor('int64', BigInt64Array.from(rows.flat(), BigInt), dims) : new ort.Tensor('float32', Float32Array.from(rows.flat()), dims);
    const out = (await session.run({ [inputName]: input }))[outputName];
    const width = out.dims.slice(1).reduce((a, b) => a * b, 1);
    const outputs = Array.from({ length: rows.length }, (_, i) => Array.from(out.data.subarray(i * width, (i + 1) * width)));
    reply(200, { outputs });
  } catch (e) {
    reply(400, { error: String(e instanceof Error ? e.message : e) });
  }
});
server.listen(Number(process.env.PORT ?? 8080), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address();
  console.log(`listening on http://${address}:${port}`);
});
