import { noGrad, tensor, tidy } from '@gradlab/core-tensor';
import type { Dataset, StandardScaler } from '@gradlab/data';
import type { EpochLog, Module } from '@gradlab/models-nn';
import { svgPlot } from '../../svg/plot.ts';
import type { PlotSeries } from '../../svg/plot.ts';

/** Training (and validation) loss per epoch. */
export function lossCurvesSvg(title: string, history: readonly EpochLog[]): string {
  const epochs = Float64Array.from(history, (h) => h.epoch);
  const series: PlotSeries[] = [{ kind: 'line', x: epochs, y: Float64Array.from(history, (h) => h.loss), label: 'training loss' }];
  if (history.every((h) => h.valLoss !== undefined)) series.push({ kind: 'line', x: epochs, y: Float64Array.from(history, (h) => h.valLoss as number), label: 'validation loss', dashed: true });
  return svgPlot({ title, xLabel: 'epoch', yLabel: 'loss', series });
}

/** The class the model predicts on an 80 × 80 grid over the data, with the data on top. */
export function regionsSvg(model: Module, data: Dataset, scaler: StandardScaler | undefined, title: string): string {
  const n = 80;
  const range = (j: number): Float64Array => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < data.t.length; i++) {
      lo = Math.min(lo, data.x.data[i * 2 + j] as number);
      hi = Math.max(hi, data.x.data[i * 2 + j] as number);
    }
    const m = 0.1 * (hi - lo || 1);
    return Float64Array.from({ length: n }, (_, i) => lo - m + ((hi - lo + 2 * m) * (i + 0.5)) / n);
  };
  const gx = range(0);
  const gy = range(1);
  const cells = new Float64Array(n * n * 2);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      cells[(j * n + i) * 2] = gx[i] as number;
      cells[(j * n + i) * 2 + 1] = gy[j] as number;
    }
  }
  const grid = scaler === undefined ? { data: cells, shape: [n * n, 2] as [number, number] } : scaler.transform({ data: cells, shape: [n * n, 2] });
  const dtype = model.dtype === 'float64' ? 'float64' : 'float32';
  const classes = tidy(() => noGrad(() => Float64Array.from(model.forward(tensor(grid.data, { shape: [n * n, 2], dtype })).argmax(-1).data)));
  const x0 = Float64Array.from({ length: data.t.length }, (_, i) => data.x.data[i * 2] as number);
  const x1 = Float64Array.from({ length: data.t.length }, (_, i) => data.x.data[i * 2 + 1] as number);
  const step = (a: Float64Array): number => (a[1] as number) - (a[0] as number);
  return svgPlot({
    title,
    xLabel: data.featureNames[0] ?? 'x0',
    yLabel: data.featureNames[1] ?? 'x1',
    regions: { x: gx, y: gy, classes },
    xRange: [(gx[0] as number) - step(gx) / 2, (gx[n - 1] as number) + step(gx) / 2],
    yRange: [(gy[0] as number) - step(gy) / 2, (gy[n - 1] as number) + step(gy) / 2],
    series: [{ kind: 'scatter', x: x0, y: x1, classes: data.t, label: 'data' }],
  });
}

/** Lines of values against a shared x, one series per label. */
export function linesSvg(title: string, xLabel: string, yLabel: string, x: ArrayLike<number>, lines: readonly { label: string; y: ArrayLike<number> }[]): string {
  return svgPlot({ title, xLabel, yLabel, series: lines.map((l) => ({ kind: 'line', x, y: l.y, label: l.label })) });
}
