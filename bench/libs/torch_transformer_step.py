#!/usr/bin/env python3
"""The tiny transformer step of bench/transformer-step.mjs in PyTorch, on the same weights and tokens.

`python3 torch_transformer_step.py <dumpDir> [steps]`: reads the float32 parameters, tokens and
targets that `transformer-step.mjs --dump <dir>` wrote, runs the same forward (token and position
embeddings, one pre-LN block with fused qkv, causal softmax attention, ReLU feed-forward, final
LayerNorm, linear head, mean cross-entropy) and the same Adam update by hand, one thread, and prints
one JSON line in the format of transformer-step.mjs's child processes.
"""
import json
import os
import statistics
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
d = sys.argv[1]
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
meta = json.load(open(os.path.join(d, 'meta.json')))
V, D, H, T, B, F, EPS = (meta[k] for k in ('V', 'D', 'H', 'T', 'B', 'F', 'EPS'))
DH = D // H
N = B * T
A = meta['ADAM']
params = [torch.from_numpy(np.fromfile(os.path.join(d, p['name'] + '.f32'), dtype='<f4').reshape(p['shape'])).clone().requires_grad_(True) for p in meta['params']]
tokens = torch.from_numpy(np.fromfile(os.path.join(d, 'tokens.i32'), dtype='<i4').astype(np.int64))
targets = torch.from_numpy(np.fromfile(os.path.join(d, 'targets.i32'), dtype='<i4').astype(np.int64))
causal = torch.tril(torch.ones(T, T, dtype=torch.bool))


def layer_norm(x, g, b):
    mu = x.mean(-1, keepdim=True)
    var = ((x - mu) ** 2).mean(-1, keepdim=True)
    return (x - mu) / torch.sqrt(var + EPS) * g + b


def forward(tokEmb, posEmb, ln1g, ln1b, wqkv, bqkv, wo, bo, ln2g, ln2b, w1, b1, w2, b2, lnfg, lnfb, wh, bh):
    x0 = (tokEmb[tokens].reshape(B, T, D) + posEmb).reshape(N, D)
    qkv = (layer_norm(x0, ln1g, ln1b) @ wqkv + bqkv).reshape(B, T, 3, H, DH).permute(2, 0, 3, 1, 4)
    q, k, v = qkv[0], qkv[1], qkv[2]
    scores = (q @ k.transpose(-1, -2)) / (DH ** 0.5)
    att = torch.softmax(torch.where(causal, scores, torch.tensor(-1e9)), -1)
    o = (att @ v).permute(0, 2, 1, 3).reshape(N, D)
    x1 = x0 + o @ wo + bo
    x2 = x1 + torch.relu(layer_norm(x1, ln2g, ln2b) @ w1 + b1) @ w2 + b2
    logits = layer_norm(x2, lnfg, lnfb) @ wh + bh
    return torch.nn.functional.cross_entropy(logits, targets)


m = [torch.zeros_like(p) for p in params]
v = [torch.zeros_like(p) for p in params]
t = 0


def step():
    global t
    t += 1
    c1 = 1 / (1 - A['beta1'] ** t)
    c2 = 1 / (1 - A['beta2'] ** t)
    loss = forward(*params)
    grads = torch.autograd.grad(loss, params)
    with torch.no_grad():
        for p, g, mi, vi in zip(params, grads, m, v):
            mi.mul_(A['beta1']).add_(g, alpha=1 - A['beta1'])
            vi.mul_(A['beta2']).addcmul_(g, g, value=1 - A['beta2'])
            p.sub_(mi * (A['lr'] * c1) / (torch.sqrt(vi * c2) + A['eps']))
    return loss.item()


with torch.no_grad():
    first = forward(*params).item()
fwd = []
for _ in range(steps):
    t0 = time.perf_counter()
    with torch.no_grad():
        forward(*params)
    fwd.append((time.perf_counter() - t0) * 1000)
losses = [step(), step()]
wall, cpu = [], []
for _ in range(steps):
    c0 = time.process_time()
    t0 = time.perf_counter()
    losses.append(step())
    wall.append((time.perf_counter() - t0) * 1000)
    cpu.append((time.process_time() - c0) * 1000)
print(json.dumps({'impl': 'torch', 'firstLoss': first, 'lossAfter': losses[-1], 'stepMs': statistics.median(wall), 'stepCpuMs': statistics.median(cpu), 'stepCpuMinMs': min(cpu), 'stepMinMs': min(wall), 'forwardMs': statistics.median(fwd), 'breakdown': []}))
