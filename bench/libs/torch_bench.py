#!/usr/bin/env python3
"""PyTorch on the same data as the JS libraries: `python3 torch_bench.py <dataDir> [--quick]`.

One thread (torch.set_num_threads(1); run.mjs also sets OMP/OPENBLAS_NUM_THREADS=1). Prints one
JSON line in the format of child.mjs.
"""
import json
import os
import statistics
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
data_dir = sys.argv[1]
quick = '--quick' in sys.argv
# --suite=i runs only suite i of suites.mjs (0 matmul, 1 transposed, 2 relu, 3 allocation floor, 4 chain, 5 MLP).
only = next((int(a.split('=')[1]) for a in sys.argv if a.startswith('--suite=')), None)


def wanted(i):
    return only is None or only == i
meta = json.load(open(os.path.join(data_dir, 'shapes.json')))
plan = meta['plan']


def get(name):
    arr = np.fromfile(os.path.join(data_dir, name + '.f32'), dtype='<f4')
    return torch.from_numpy(arr.reshape(meta['shapes'][name]))


def measure(fn):
    run_target = 0.06 if quick else 0.25
    calls, t0 = 0, time.perf_counter()
    while calls < 2 or time.perf_counter() - t0 < run_target / 3:
        fn()
        calls += 1
    per_call = (time.perf_counter() - t0) / calls
    reps = max(1, round(run_target / per_call))
    runs = 3 if per_call * reps > 1.5 else 5
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        for _ in range(reps):
            fn()
        times.append((time.perf_counter() - t) / reps)
    return statistics.median(times)


rows = []


def row(suite, size, unit, value, seconds, checksum=None):
    rows.append({'suite': suite, 'size': size, 'unit': unit, 'value': value, 'seconds': seconds, 'checksum': checksum})
    sys.stderr.write(f'  torch {suite} {size}: {value:.4g} {unit}\n')


with torch.no_grad():
    for n in (plan['matmulSizes'] if wanted(0) else []):
        a, b = get(f'mm_a_{n}'), get(f'mm_b_{n}')
        s = measure(lambda: torch.matmul(a, b))
        row('matmul', n, 'GFLOP/s', 2 * n ** 3 / s / 1e9, s, float(torch.matmul(a, b).double().sum()) if n == 64 else None)
    if wanted(1):
        n = plan['transposedSize']
        a, b = get(f'mm_a_{n}'), get(f'mm_b_{n}')
        s = measure(lambda: torch.matmul(a.t(), b))
        row('matmul aᵀ·b', n, 'GFLOP/s', 2 * n ** 3 / s / 1e9, s)
        s = measure(lambda: torch.matmul(a, b.t()))
        row('matmul a·bᵀ', n, 'GFLOP/s', 2 * n ** 3 / s / 1e9, s)
    if wanted(2):
        x, w, bb = get('relu_x'), get('relu_w'), get('relu_b')
        s = measure(lambda: torch.relu(x * w + bb))
        row('relu(x·w + b)', x.numel(), 'Melem/s', x.numel() / s / 1e6, s)
    for n in (plan['chainSizes'] if wanted(4) else []):
        x = get(f'chain_{n}')
        s = measure(lambda: torch.sigmoid(x * 0.5 + 0.1) * x - torch.square(x))
        row('elementwise chain', n, 'Melem/s', n * n / s / 1e6, s)

mlp = plan['mlp']
X, Y = get('mlp_x'), get('mlp_y')
params = [get(k).clone().requires_grad_(True) for k in ('mlp_w1', 'mlp_b1', 'mlp_w2', 'mlp_b2')]
last = [float('nan')]


def step():
    w1, b1, w2, b2 = params
    h = torch.relu(X @ w1 + b1)
    logits = h @ w2 + b2
    loss = -(torch.log_softmax(logits, -1) * Y).sum(-1).mean()
    for p in params:
        p.grad = None
    loss.backward()
    with torch.no_grad():
        for p in params:
            p -= mlp['lr'] * p.grad
    last[0] = float(loss)


if wanted(5):
    step()
    first = last[0]
    s = measure(step)
    row('MLP step', f"{mlp['inputs']}-{mlp['hidden']}-{mlp['classes']}, batch {mlp['batch']}", 'steps/s', 1 / s, s, first)

import resource  # noqa: E402

print(json.dumps({
    'lib': 'torch',
    'describe': f'PyTorch {torch.__version__} (Debian python3-torch), 1 thread, {torch.__config__.parallel_info().splitlines()[0]}',
    'rows': rows,
    'peakRssMB': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
