#!/bin/sh
# Regenerates docs/public/models/char-lm.safetensors, the character-level language model of the
# transformers page's demo (chapter 7). Run from the repository root after `pnpm build`.
#
# The run that made the committed file (2026-12-06, the wasm backend on this project's shared
# 2-core machine): 1,500 steps in 209 s (the step count ends it, not --minutes, so the same seed
# gives the same weights), 144,640 parameters, 568 KiB, validation cross-entropy 1.4666 nats per
# character against 2.3426 for the add-one bigram model on the same 90/10 split of Genesis.
# The file holds the architecture and the tokenizer in its metadata, so `gradlab generate --model`
# and @gradlab/models-nn's readModel(bytes, { layers: transformerLayers }) rebuild it.
set -e
nice -n 5 node apps/cli/dist/index.js train lm \
  --corpus genesis --tokenizer char --layers 2 --d-model 64 --heads 4 --context 64 \
  --batch-size 16 --steps 1500 --minutes 8 --eval-every 250 --seed 0 \
  --save apps/docs/docs/public/models/char-lm.safetensors --json
