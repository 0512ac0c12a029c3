/**
 * A small SVG plot writer for the CLI: line plots, scatter plots (optionally coloured by class) and
 * class regions on a grid (decision boundaries). It only draws what it is given; every number it
 * plots comes from the packages' public APIs.
 */

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
  const ys: number[] = [];
  for (const s of spec.series) {
    for (let i = 0; i < s.x.length; i++) xs.push(s.x[i] as number);
    for (let i = 0; i < s.y.length; i++) ys.push(s.y[i] as number);
  }
  if (spec.regions !== undefined) {
    xs.push(...Array.from(spec.regions.x));
    ys.push(...Array.from(spec.regions.y));
  }
  const [x0, x1] = spec.xRange ?? extent(xs, spec.regions !== undefined ? 0 : 0.03);
  const [y0, y1] = spec.yRange ?? extent(ys, spec.regions !== undefined ? 0 : 0.08);
  const px = (v: number): number => left + ((v - x0) / (x1 - x0)) * pw;
  const py = (v: number): number => top + ph - ((v - y0) / (y1 - y0)) * ph;
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
    out.push('<g clip-path="url(#plot-area)" shape-rendering="crispEdges">');
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const c = r.classes[j * nx + i] as number;
        out.push(`<rect class="region" data-class="${c}" x="${fmt(px(r.x[i] as number) - cw / 2)}" y="${fmt(py(r.y[j] as number) - ch / 2)}" width="${fmt(cw + 0.5)}" height="${fmt(ch + 0.5)}" fill="${REGION_PALETTE[c % REGION_PALETTE.length] as string}"/>`);
      }
    }
    out.push('</g>');
  }
  // axes and ticks
  out.push(`<rect x="${left}" y="${top}" width="${pw}" height="${ph}" fill="none" stroke="#333"/>`);
  for (const t of ticks(x0, x1)) {
    out.push(`<line x1="${fmt(px(t))}" y1="${top + ph}" x2="${fmt(px(t))}" y2="${top + ph + 5}" stroke="#333"/>`);
    out.push(`<text x="${fmt(px(t))}" y="${top + ph + 18}" text-anchor="middle">${tickLabel(t)}</text>`);
  }
  for (const t of ticks(y0, y1)) {
    out.push(`<line x1="${left - 5}" y1="${fmt(py(t))}" x2="${left}" y2="${fmt(py(t))}" stroke="#333"/>`);
    out.push(`<text x="${left - 8}" y="${fmt(py(t) + 4)}" text-anchor="end">${tickLabel(t)}</text>`);
  }
  if (spec.xLabel !== undefined) out.push(`<text x="${left + pw / 2}" y="${height - 10}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`);
  if (spec.yLabel !== undefined) out.push(`<text x="16" y="${top + ph / 2}" text-anchor="middle" transform="rotate(-90 16 ${top + ph / 2})">${escapeXml(spec.yLabel)}</text>`);
  // series
  const legend: { label: string; color: string; kind: 'line' | 'scatter' }[] = [];
  out.push('<g clip-path="url(#plot-area)">');
  spec.series.forEach((s, k) => {
    const color = s.color ?? PALETTE[k % PALETTE.length] ?? '#1f77b4';
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
    if (s.label !== undefined) legend.push({ label: s.label, color, kind: s.kind });
  });
  out.push('</g>');
  legend.forEach((l, i) => {
    const y = top + 12 + i * 20;
    const x = left + pw + 14;
    out.push(l.kind === 'line' ? `<line x1="${x}" y1="${y}" x2="${x + 22}" y2="${y}" stroke="${l.color}" stroke-width="2"/>` : `<circle cx="${x + 11}" cy="${y}" r="4" fill="${l.color}" stroke="#222" stroke-width="0.7"/>`);
    out.push(`<text x="${x + 28}" y="${y + 4}">${escapeXml(l.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
