import { Command } from 'commander';
import { tensor } from '@gradlab/core-tensor';
import { twoMoons } from '@gradlab/data';
import { binaryCrossEntropyWithLogits, crossEntropy } from '@gradlab/losses';
import { adam } from '@gradlab/optim';
import { backpropTrace, fit, gradientNorms, mlp } from '@gradlab/models-nn';
import { integerFlag } from '../../integer-flag.ts';
import { createProgress } from '../../progress.ts';
import { guard } from '../../report-error.ts';
import { notesNetwork, printTrace } from '../../tour/neural-networks.ts';
import { writeOutput } from '../../write-output.ts';
import { linesSvg } from './nn-plots.ts';

const out = (line = ''): void => {
  process.stdout.write(line + '\n');
};

function backprop(flags: { json?: boolean }): void {
  const { net, x, t } = notesNetwork();
  const tr = backpropTrace(net, x, t);
  if (flags.json === true) {
    out(JSON.stringify(tr, null, 2));
    return;
  }
  out("Backpropagation, the notes' example: x = [1, 2], W¹ = [[1, 0], [0, −1]] with ReLU, W² = [[−2, 1]], t = 0.");
  printTrace(tr, out);
}

function gradients(flags: { depth: string; width: string; seed: string; plot?: string; json?: boolean }): void {
  const depth = integerFlag('--depth', flags.depth, 6, { min: 1, max: 50 });
  const width = integerFlag('--width', flags.width, 32, { min: 1, max: 4096 });
  const seed = integerFlag('--seed', flags.seed, 0, { min: 0, max: 2 ** 31 });
  const data = twoMoons({ n: 128, noise: 0.1, seed });
  const sizes = [2, ...Array<number>(depth).fill(width), 2];
  const table = (['sigmoid', 'tanh', 'relu'] as const).map((activation) => ({ activation, norms: gradientNorms(mlp({ sizes, activation, seed, dtype: 'float64' }), data, crossEntropy()) }));
  if (flags.plot !== undefined) {
    writeOutput(flags.plot, linesSvg(`‖∇W^l‖ at initialisation, ${depth} hidden layers of ${width}`, 'layer l (1 = input layer)', '‖∇W^l‖', table[0]?.norms.map((_, i) => i + 1) ?? [], table.map((r) => ({ label: r.activation, y: r.norms.map((n) => n.norm) }))));
  }
  if (flags.json === true) {
    out(JSON.stringify({ sizes, layers: table }, null, 2));
    return;
  }
  out(`‖∇W^l‖ of the log-loss at initialisation, ${depth} hidden layers of ${width} units, two moons (input layer first):`);
  out(`  ${'layer'.padEnd(9)}${table[0]?.norms.map((_, i) => String(i + 1).padStart(10)).join('') ?? ''}`);
  for (const r of table) out(`  ${r.activation.padEnd(9)}${r.norms.map((n) => n.norm.toExponential(2).padStart(10)).join('')}`);
  out('Sigmoid shrinks the gradient at every layer (σ′ ≤ 1/4): the first layers barely learn. ReLU with He initialisation keeps it.');
  if (flags.plot !== undefined) out(`wrote ${flags.plot}`);
}

function depthFigure(flags: { iterations: string; width: string; seed: string; plot?: string; json?: boolean }): void {
  const iterations = integerFlag('--iterations', flags.iterations, 300, { min: 1, max: 100_000 });
  const width = integerFlag('--width', flags.width, 16, { min: 1, max: 4096 });
  const seed = integerFlag('--seed', flags.seed, 0, { min: 0, max: 2 ** 31 });
  const data = twoMoons({ n: 200, noise: 0.2, seed });
  const xy = { x: tensor(data.x.data, { shape: [...data.x.shape], dtype: 'float64' }), y: tensor(data.t, { dtype: 'float64' }) };
  const progress = createProgress({ quiet: flags.json === true });
  progress.start(4 * iterations, 'nn depth');
  const curves = [1, 2, 3, 4].map((layers) => {
    const losses: number[] = [];
    const model = mlp({ sizes: [2, ...Array<number>(layers - 1).fill(width), 1], activation: 'sigmoid', seed, dtype: 'float64' });
    fit(model, xy, { loss: binaryCrossEntropyWithLogits(), optimizer: adam({ lr: 0.01 }), epochs: iterations, batchSize: 200, onBatch: (b) => {
      losses.push(b.loss);
      progress.update((layers - 1) * iterations + b.totalSteps);
    } });
    return { layers, losses };
  });
  progress.stop();
  if (flags.plot !== undefined) {
    writeOutput(flags.plot, linesSvg(`training loss against iterations, sigmoid networks of width ${width}, two moons`, 'iteration', 'training log-loss', Array.from({ length: iterations }, (_, i) => i + 1), curves.map((c) => ({ label: `${c.layers} layer${c.layers > 1 ? 's' : ''}`, y: c.losses }))));
  }
  if (flags.json === true) {
    out(JSON.stringify({ iterations, width, curves }, null, 2));
    return;
  }
  out(`Training log-loss on two moons (full batch, Adam lr 0.01, sigmoid, width ${width}), by depth:`);
  const marks = [1, Math.ceil(iterations / 10), Math.ceil(iterations / 2), iterations];
  out(`  ${'iteration'.padEnd(10)}${marks.map((m) => String(m).padStart(10)).join('')}`);
  for (const c of curves) out(`  ${`${c.layers} layer${c.layers > 1 ? 's' : ''}`.padEnd(10)}${marks.map((m) => (c.losses[m - 1] ?? NaN).toFixed(4).padStart(10)).join('')}`);
  if (flags.plot !== undefined) out(`wrote ${flags.plot}`);
}

/** `gradlab nn backprop | gradients | depth`: chapter 6 made visible. */
export function nnCommand(): Command {
  const nn = new Command('nn').description("neural networks, chapter 6: the notes' backpropagation example, vanishing gradients, depth");
  nn.addCommand(new Command('backprop').description("the notes' worked example, layer by layer: a, h, δ and ∇W by the backpropagation recursion").option('--json', 'print the trace as JSON').action(guard('nn backprop', backprop)));
  nn.addCommand(
    new Command('gradients')
      .description('‖∇W^l‖ per layer at initialisation for sigmoid, tanh and ReLU networks: vanishing gradients')
      .option('--depth <n>', 'hidden layers', '6')
      .option('--width <n>', 'units per hidden layer', '32')
      .option('--seed <n>', 'seed of the weights and the data', '0')
      .option('--plot <file>', 'write the norms per layer as SVG')
      .option('--json', 'print JSON')
      .action(guard('nn gradients', gradients)),
  );
  nn.addCommand(
    new Command('depth')
      .description("the notes' figure: training loss against iterations for networks of 1 to 4 layers on two moons")
      .option('--iterations <n>', 'full-batch iterations', '300')
      .option('--width <n>', 'units per hidden layer', '16')
      .option('--seed <n>', 'seed of the weights and the data', '0')
      .option('--plot <file>', 'write the four loss curves as one SVG')
      .option('--json', 'print JSON')
      .action(guard('nn depth', depthFigure)),
  );
  return nn;
}
