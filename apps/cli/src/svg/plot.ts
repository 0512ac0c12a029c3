/**
 * A small SVG plot writer for the CLI: line plots, scatter plots (optionally coloured by class) and
 * class regions on a grid (decision boundaries). It only draws what it is given; every number it
 * plots comes from the packages' public APIs. Every series and every class gets its own colour and
 * legend entry; a y axis whose positive values span more than 100× is drawn in log scale; class
 * regions are one small PNG image inside the SVG.
 */
import { encodePng } from './png.ts';

/** One data series of a plot. */
export interface PlotSeries {
  /** `line` joins the points in order; `scatter` draws a dot per point. */
  kind: 'line' | 'scatter';
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Legend text. */
  label?: string;
  /** CSS colour (default: the palette in series order). */
  color?: string;
  /** Scatter only: a class index per point, coloured with the class palette. */
  classes?: ArrayLike<number>;
  /** Scatter with classes: the legend names of the classes (default `class 0`, `class 1`, ...). */
  classNames?: readonly string[];
  /** Line only: dashed. */
  dashed?: boolean;
}

/** Class labels on a grid of cells, drawn as a light background: the decision regions. */
export interface PlotRegions {
  /** Cell centres along x `[nx]` (evenly spaced). */
  x: ArrayLike<number>;
  /** Cell centres along y `[ny]` (evenly spaced). */
  y: ArrayLike<number>;
  /** The class of cell (i, j) at `classes[j * nx + i]`. */
  classes: ArrayLike<number>;
  /** The legend names of the classes (default `class 0`, `class 1`, ...). */
  classNames?: readonly string[];
}

/** What {@link svgPlot} draws. */
export interface PlotSpec {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
  series: PlotSeries[];
  regions?: PlotRegions;
  /** Axis ranges (default: the data's, with a margin). */
  xRange?: readonly [number, number];
  yRange?: readonly [number, number];
  /** y axis scale: `auto` (default) is log when every y is positive and they span more than 100×. */
  yScale?: 'linear' | 'log' | 'auto';
}

/** True when the y values call for a log axis: all positive, max/min above 100. */
export function wantsLogScale(values: readonly number[]): boolean {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < 2 || finite.some((v) => v <= 0)) return false;
  return Math.max(...finite) / Math.min(...finite) > 100;
}

const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
const REGION_PALETTE = ['#c6dbef', '#fcbba1', '#c7e9c0', '#fdd0a2', '#dadaeb', '#d9c3b9', '#f6c8e4', '#b8e6ec'];

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fmt(v: number): string {
  return Number(v.toFixed(2)).toString();
}

/** Tick positions at 1, 2 or 5 × 10^k spacing covering [lo, hi]. */
function ticks(lo: number, hi: number, count = 6): number[] {
  const span = hi - lo || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

function extent(values: number[], pad: number): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return [0, 1];
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const m = (hi - lo) * pad;
  return [lo - m, hi + m];
}

function tickLabel(v: number): string {
  return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(1) : String(Number(v.toPrecision(6)));
}

/**
 * Renders a plot as a standalone SVG document.
 * @param spec series, optional class regions, labels and ranges
 * @returns the SVG text
 */
export function svgPlot(spec: PlotSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 440;
  const left = 64;
  const right = 150;
  const top = spec.title !== undefined ? 40 : 16;
  const bottom = 48;
  const pw = width - left - right;
  const ph = height - top - bottom;
  const xs: number[] = [];
  const rawYs: number[] = [];
  for (const s of spec.series) {
    for (let i = 0; i < s.x.length; i++) xs.push(s.x[i] as number);
    for (let i = 0; i < s.y.length; i++) rawYs.push(s.y[i] as number);
  }
  const logY = spec.regions === undefined && (spec.yScale === 'log' || ((spec.yScale ?? 'auto') === 'auto' && wantsLogScale(rawYs)));
  // On a log axis every y is drawn at log10(y); ticks are labelled with y itself.
  const ty = (v: number): number => (logY ? (v > 0 ? Math.log10(v) : Number.NaN) : v);
  const ys = rawYs.map(ty);
  if (spec.regions !== undefined) {
    xs.push(...Array.from(spec.regions.x));
    ys.push(...Array.from(spec.regions.y));
  }
  const [x0, x1] = spec.xRange ?? extent(xs, spec.regions !== undefined ? 0 : 0.03);
  const [y0, y1] = spec.yRange !== undefined ? [ty(spec.yRange[0]), ty(spec.yRange[1])] : extent(ys, spec.regions !== undefined ? 0 : 0.08);
  const px = (v: number): number => left + ((v - x0) / (x1 - x0)) * pw;
  const pyAxis = (v: number): number => top + ph - ((v - y0) / (y1 - y0)) * ph;
  const py = (v: number): number => pyAxis(ty(v));
  const clampY = (v: number): number => Math.min(Math.max(py(v), top - 2), top + ph + 2);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  out.push(`<defs><clipPath id="plot-area"><rect x="${left}" y="${top}" width="${pw}" height="${ph}"/></clipPath></defs>`);
  if (spec.title !== undefined) out.push(`<text x="${left + pw / 2}" y="24" text-anchor="middle" font-size="15">${escapeXml(spec.title)}</text>`);
  if (spec.regions !== undefined) {
    const r = spec.regions;
    const nx = r.x.length;
    const ny = r.y.length;
    const cw = nx > 1 ? Math.abs(px(r.x[1] as number) - px(r.x[0] as number)) : pw;
    const ch = ny > 1 ? Math.abs(py(r.y[1] as number) - py(r.y[0] as number)) : ph;
    // One pixel per grid cell, top row first (the largest y), scaled up without smoothing.
    const pixels = new Uint8Array(nx * ny);
    for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) pixels[(ny - 1 - j) * nx + i] = (r.classes[j * nx + i] as number) % REGION_PALETTE.length;
    const png = encodePng(nx, ny, pixels, REGION_PALETTE).toString('base64');
    const ix = Math.min(px(r.x[0] as number), px(r.x[nx - 1] as number)) - cw / 2;
    const iy = Math.min(py(r.y[0] as number), py(r.y[ny - 1] as number)) - ch / 2;
    out.push(
      `<image class="regions" x="${fmt(ix)}" y="${fmt(iy)}" width="${fmt(cw * nx)}" height="${fmt(ch * ny)}" preserveAspectRatio="none" style="image-rendering:pixelated" clip-path="url(#plot-area)" href="data:image/png;base64,${png}"/>`,
    );
  }
  // axes and ticks
  out.push(`<rect x="${left}" y="${top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  for (const t of ticks(x0, x1)) {
    out.push(`<line x1="${fmt(px(t))}" y1="${top + ph}" x2="${fmt(px(t))}" y2="${top + ph + 5}" stroke="#333"/>`);
    out.push(`<text x="${fmt(px(t))}" y="${top + ph + 18}" text-anchor="middle">${tickLabel(t)}</text>`);
  }
  const yTicks = logY ? ticks(Math.ceil(y0), Math.floor(y1), Math.min(8, Math.max(1, Math.floor(y1) - Math.ceil(y0)))).filter((t) => Number.isInteger(t)) : ticks(y0, y1);
  for (const t of yTicks) {
    out.push(`<line x1="${left - 5}" y1="${fmt(pyAxis(t))}" x2="${left}" y2="${fmt(pyAxis(t))}" stroke="#333"/>`);
    out.push(`<text x="${left - 8}" y="${fmt(pyAxis(t) + 4)}" text-anchor="end">${logY ? tickLabel(10 ** t) : tickLabel(t)}</text>`);
  }
  if (spec.xLabel !== undefined) out.push(`<text x="${left + pw / 2}" y="${height - 10}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`);
  const yLabel = spec.yLabel === undefined ? (logY ? '(log scale)' : undefined) : `${spec.yLabel}${logY ? ' (log scale)' : ''}`;
  if (yLabel !== undefined) out.push(`<text x="16" y="${top + ph / 2}" text-anchor="middle" transform="rotate(-90 16 ${top + ph / 2})">${escapeXml(yLabel)}</text>`);
  // series
  const legend: { label: string; color: string; kind: 'line' | 'scatter' | 'region' }[] = [];
  if (spec.regions !== undefined) {
    const present = [...new Set(Array.from(spec.regions.classes))].sort((a, b) => a - b);
    for (const c of present) legend.push({ label: `${spec.regions.classNames?.[c] ?? `class ${c}`} region`, color: REGION_PALETTE[c % REGION_PALETTE.length] as string, kind: 'region' });
  }
  // Series without their own colour take the palette's colours that no other series named.
  const taken = new Set(spec.series.map((s) => s.color).filter((c): c is string => c !== undefined));
  const free = PALETTE.filter((c) => !taken.has(c));
  let nextFree = 0;
  out.push('<g clip-path="url(#plot-area)">');
  spec.series.forEach((s) => {
    const color = s.color ?? (s.classes === undefined ? (free[nextFree++ % Math.max(free.length, 1)] ?? '#1f77b4') : '#1f77b4');
    if (s.kind === 'line') {
      const pts: string[] = [];
      for (let i = 0; i < s.x.length; i++) {
        const y = s.y[i] as number;
        if (Number.isFinite(y)) pts.push(`${fmt(px(s.x[i] as number))},${fmt(clampY(y))}`);
      }
      out.push(`<polyline class="series-line" fill="none" stroke="${color}" stroke-width="2"${s.dashed === true ? ' stroke-dasharray="6 4"' : ''} points="${pts.join(' ')}"/>`);
    } else {
      for (let i = 0; i < s.x.length; i++) {
        const c = s.classes !== undefined ? (PALETTE[(s.classes[i] as number) % PALETTE.length] as string) : color;
        out.push(`<circle class="series-point" cx="${fmt(px(s.x[i] as number))}" cy="${fmt(py(s.y[i] as number))}" r="4" fill="${c}" stroke="#222" stroke-width="0.7"/>`);
      }
    }
    if (s.kind === 'scatter' && s.classes !== undefined) {
      const present = [...new Set(Array.from(s.classes))].sort((a, b) => a - b);
      for (const c of present) legend.push({ label: `${s.label === undefined ? '' : `${s.label}: `}${s.classNames?.[c] ?? `class ${c}`}`, color: PALETTE[c % PALETTE.length] as string, kind: 'scatter' });
    } else if (s.label !== undefined) legend.push({ label: s.label, color, kind: s.kind });
  });
  out.push('</g>');
  legend.forEach((l, i) => {
    const y = top + 12 + i * 20;
    const x = left + pw + 14;
    if (l.kind === 'line') out.push(`<line x1="${x}" y1="${y}" x2="${x + 22}" y2="${y}" stroke="${l.color}" stroke-width="2"/>`);
    else if (l.kind === 'region') out.push(`<rect x="${x + 3}" y="${y - 7}" width="16" height="14" fill="${l.color}" stroke="#888"/>`);
    else out.push(`<circle cx="${x + 11}" cy="${y}" r="4" fill="${l.color}" stroke="#222" stroke-width="0.7"/>`);
    out.push(`<text class="legend" x="${x + 28}" y="${y + 4}">${escapeXml(l.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
