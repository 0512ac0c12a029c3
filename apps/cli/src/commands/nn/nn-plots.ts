import { noGrad, tensor, tidy } from '@gradlab/core-tensor';
import type { Dataset, StandardScaler } from '@gradlab/data';
import type { EpochLog, Module } from '@gradlab/models-nn';
import { svgPlot } from '../../svg/plot.ts';
import type { PlotSeries } from '../../svg/plot.ts';
import { columns, regionGrid } from '../../svg/region-grid.ts';

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
  const { gx, gy, cells, xRange, yRange } = regionGrid(data, n);
  const grid = scaler === undefined ? { data: cells, shape: [n * n, 2] as [number, number] } : scaler.transform({ data: cells, shape: [n * n, 2] });
  const dtype = model.dtype === 'float64' ? 'float64' : 'float32';
  const classes = tidy(() => noGrad(() => Float64Array.from(model.forward(tensor(grid.data, { shape: [n * n, 2], dtype })).argmax(-1).data)));
  const [x0, x1] = columns(data);
  return svgPlot({
    title,
    xLabel: data.featureNames[0] ?? 'x0',
    yLabel: data.featureNames[1] ?? 'x1',
    regions: { x: gx, y: gy, classes, ...(data.classNames === undefined ? {} : { classNames: data.classNames }) },
    xRange,
    yRange,
    series: [{ kind: 'scatter', x: x0, y: x1, classes: data.t, label: 'data', ...(data.classNames === undefined ? {} : { classNames: data.classNames }) }],
  });
}

/** Lines of values against a shared x, one series per label. */
export function linesSvg(title: string, xLabel: string, yLabel: string, x: ArrayLike<number>, lines: readonly { label: string; y: ArrayLike<number> }[]): string {
  return svgPlot({ title, xLabel, yLabel, series: lines.map((l) => ({ kind: 'line', x, y: l.y, label: l.label })) });
}
