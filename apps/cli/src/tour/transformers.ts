import { randNormal, rng, tensor } from '@gradlab/core-tensor';
import { loadTextCorpus } from '@gradlab/data';
import { adamw } from '@gradlab/optim';
import { bigramCrossEntropy, charTokenizer, languageModel, scaledDotProductAttention, trainLanguageModel, unigramCrossEntropy } from '@gradlab/transformer';
import type { TourSection } from './section.ts';

const r4 = (v: number): string => v.toFixed(4);

export const transformers: TourSection = {
  id: 'transformers',
  title: 'Transformers: tokens, self-attention, multi-head attention, a small language model',
  chapter: '7. Transformers',
  run(print) {
    print('Self-attention of N tokens X [N, D]: weights A = softmax(Q Kᵀ / √D) (each row sums to 1), output A V.');
    const x = randNormal(rng(7), [4, 3], { dtype: 'float64' });
    const { weights } = scaledDotProductAttention(x, x.mul(tensor([1, -1, 2], { dtype: 'float64' })), x);
    const w = weights.toArray() as number[][];
    print(`  with Q = X, K = X·diag(1, −1, 2), V = X on 4 tokens: row sums ${w.map((row) => r4(row.reduce((s, v) => s + v, 0))).join(', ')}`);
    print(`  A[0][1] = ${r4(w[0]?.[1] ?? 0)} but A[1][0] = ${r4(w[1]?.[0] ?? 0)}: attention is not symmetric (the notes' point).`);
    print();
    const text = loadTextCorpus().text.slice(0, 40_000);
    const cut = 36_000;
    const tok = charTokenizer(text.slice(0, cut));
    const train = tok.encode(text.slice(0, cut));
    const valid = tok.encode(text.slice(cut));
    const lm = languageModel({ vocabSize: tok.vocabSize, contextLength: 32, dModel: 32, heads: 4, layers: 1, rng: rng(0) });
    print(`A 1-block character language model (d_model 32, 4 heads, context 32, ${lm.numParameters()} parameters) on the first 40,000 characters of Genesis:`);
    const r = trainLanguageModel(lm, train, { optimizer: adamw({ lr: 1e-2 }), steps: 150, batchSize: 16, validIds: valid, evalEvery: 150, seed: 0 });
    const unigram = unigramCrossEntropy(train, valid, tok.vocabSize);
    const bigram = bigramCrossEntropy(train, valid, tok.vocabSize);
    print(`  150 AdamW steps in ${r.history.at(-1)?.seconds.toFixed(1)} s: validation cross-entropy ${r4(r.valLoss ?? NaN)} nats/char (unigram ${r4(unigram)}, bigram ${r4(bigram)})`);
    const sample = tok.decode(lm.generate(tok.encode('And God said'), { tokens: 60, temperature: 0.8, topK: 10, seed: 1 }));
    print(`  generate (KV cache, seed 1): "And God said${sample.replace(/\n/g, ' ')}"`);
    print('Try: gradlab train lm --corpus genesis --steps 2000 --save lm.safetensors, then gradlab generate --model lm.safetensors');
  },
};
