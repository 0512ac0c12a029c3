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
# --suite-id=ID runs only the suite of suites.mjs with that id (matmul, transposed, relu, chain, mlp,
# fit); run.mjs passes it with --suite=i. Ids, not indices: a suite added to suites.mjs moves no other.
only = next((a.split('=')[1] for a in sys.argv if a.startswith('--suite-id=')), None)


def wanted(suite_id):
    return only is None or only == suite_id
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
    for n in (plan['matmulSizes'] if wanted('matmul') else []):
        a, b = get(f'mm_a_{n}'), get(f'mm_b_{n}')
        s = measure(lambda: torch.matmul(a, b))
        row('matmul', n, 'GFLOP/s', 2 * n ** 3 / s / 1e9, s, float(torch.matmul(a, b).double().sum()) if n == 64 else None)
    if wanted('transposed'):
        n = plan['transposedSize']
        a, b = get(f'mm_a_{n}'), get(f'mm_b_{n}')
        s = measure(lambda: torch.matmul(a.t(), b))
        row('matmul aᵀ·b', n, 'GFLOP/s', 2 * n ** 3 / s / 1e9, s)
        s = measure(lambda: torch.matmul(a, b.t()))
        row('matmul a·bᵀ', n, 'GFLOP/s', 2 * n ** 3 / s / 1e9, s)
    if wanted('relu'):
        x, w, bb = get('relu_x'), get('relu_w'), get('relu_b')
        s = measure(lambda: torch.relu(x * w + bb))
        row('relu(x·w + b)', x.numel(), 'Melem/s', x.numel() / s / 1e6, s)
    for n in (plan['chainSizes'] if wanted('chain') else []):
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


if wanted('mlp'):
    step()
    first = last[0]
    s = measure(step)
    row('MLP step', f"{mlp['inputs']}-{mlp['hidden']}-{mlp['classes']}, batch {mlp['batch']}", 'steps/s', 1 / s, s, first)

if wanted('fit'):
    # A plain PyTorch loop: nn.Sequential + Adam over shuffled mini-batches, loss and accuracy per
    # batch (as gradlab's fit and tfjs's model.fit with metrics report), one epoch per call.
    fp = plan['fit']
    FX, FY = get('fit_x'), get('fit_y').long()
    net = torch.nn.Sequential(torch.nn.Linear(fp['inputs'], fp['hidden']), torch.nn.ReLU(), torch.nn.Linear(fp['hidden'], fp['classes']))
    with torch.no_grad():
        for p, k in zip(net.parameters(), ('fit_w1', 'fit_b1', 'fit_w2', 'fit_b2')):
            p.copy_(get(k))
    opt = torch.optim.Adam(net.parameters(), lr=fp['lr'])
    loss_fn = torch.nn.CrossEntropyLoss()
    gen = torch.Generator().manual_seed(0)
    n, bs = FX.shape[0], fp['batch']

    def epoch():
        perm = torch.randperm(n, generator=gen)
        total, correct = 0.0, 0
        for i in range(0, n, bs):
            idx = perm[i:i + bs]
            xb, yb = FX[idx], FY[idx]
            out = net(xb)
            loss = loss_fn(out, yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += float(loss) * len(idx)
            correct += int((out.argmax(-1) == yb).sum())
        return total / n

    first = epoch()
    for _ in range(1 if quick else 4):  # the same extra warm-up epochs as suites.mjs gives the JS libraries
        epoch()
    s = measure(epoch)
    row('MLP fit, one epoch', f"{fp['inputs']}-{fp['hidden']}-{fp['classes']}, batch {fp['batch']}, Adam, digits", 'samples/s', n / s, s, first)

import resource  # noqa: E402

print(json.dumps({
    'lib': 'torch',
    'describe': f'PyTorch {torch.__version__} (Debian python3-torch), 1 thread, {torch.__config__.parallel_info().splitlines()[0]}',
    'rows': rows,
    'peakRssMB': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
