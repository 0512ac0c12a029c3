import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { svgPlot, wantsLogScale } from '../src/svg/plot.ts';
import { encodePng } from '../src/svg/png.ts';

const strokes = (svg: string): string[] => [...svg.matchAll(/class="series-line" fill="none" stroke="([^"]+)"/g)].map((m) => m[1] as string);

describe('svgPlot', () => {
  it('gives every series its own colour, even next to one with an explicit colour', () => {
    // The fit plot's series: the data, sin(2πx) in green, then the fits M = 1, 3, 9.
    const x = [0, 0.5, 1];
    const svg = svgPlot({
      series: [
        { kind: 'scatter', x, y: [0, 1, 0], label: 'training data' },
        { kind: 'line', x, y: [0, 1, 0], label: 'sin(2πx)', color: '#2ca02c', dashed: true },
        { kind: 'line', x, y: [0.3, 0.3, 0.3], label: 'M = 1' },
        { kind: 'line', x, y: [0, 0.8, 0], label: 'M = 3' },
        { kind: 'line', x, y: [0, 1.1, 0], label: 'M = 9' },
      ],
    });
    const colours = strokes(svg);
    expect(colours).toHaveLength(4);
    expect(new Set(colours).size).toBe(4);
    for (const label of ['training data', 'sin(2πx)', 'M = 1', 'M = 3', 'M = 9']) expect(svg).toContain(`>${label}</text>`);
  });

  it('switches the y axis to log scale when the values span more than 100x', () => {
    expect(wantsLogScale([1, 50])).toBe(false);
    expect(wantsLogScale([0.01, 4e5])).toBe(true);
    expect(wantsLogScale([-1, 4e5])).toBe(false);
    const svg = svgPlot({ yLabel: 'mse', series: [{ kind: 'line', x: [0, 1, 2, 3, 4, 5], y: [0.5, 0.2, 0.1, 0.09, 0.3, 4e5], label: 'validation' }] });
    expect(svg).toContain('mse (log scale)');
    // The small values are spread over the plot instead of lying flat at the bottom.
    const pts = (/points="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map((p) => Number(p.split(',')[1]));
    expect(Math.abs((pts[0] as number) - (pts[3] as number))).toBeGreaterThan(20);
    expect(svgPlot({ yLabel: 'mse', series: [{ kind: 'line', x: [0, 1], y: [1, 2] }] })).not.toContain('log scale');
  });

  it('draws class regions as one small PNG with a legend entry per class', () => {
    const n = 120;
    const grid = Float64Array.from({ length: n }, (_, i) => i);
    const classes = Float64Array.from({ length: n * n }, (_, k) => ((k % n) + Math.floor(k / n) > n ? 1 : 0));
    const svg = svgPlot({ regions: { x: grid, y: grid, classes, classNames: ['benign', 'malignant'] }, series: [{ kind: 'scatter', x: [1, 100], y: [1, 100], classes: [0, 1], classNames: ['benign', 'malignant'], label: 'data' }] });
    expect(svg.match(/<image /g)).toHaveLength(1);
    expect(Buffer.byteLength(svg)).toBeLessThan(20_000);
    expect(svg).toContain('>benign region</text>');
    expect(svg).toContain('>malignant region</text>');
    expect(svg).toContain('>data: malignant</text>');
  });
});

describe('encodePng', () => {
  it('writes a valid indexed PNG whose pixels read back', () => {
    const png = encodePng(3, 2, [0, 1, 1, 1, 0, 0], ['#ff0000', '#0000ff']);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(3);
    expect(png.readUInt32BE(20)).toBe(2);
    // IHDR (13 bytes) then PLTE (6 bytes) then IDAT: inflate it and compare the rows.
    const idatAt = 8 + (12 + 13) + (12 + 6);
    expect(png.toString('ascii', idatAt + 4, idatAt + 8)).toBe('IDAT');
    const raw = inflateSync(png.subarray(idatAt + 8, idatAt + 8 + png.readUInt32BE(idatAt)));
    expect([...raw]).toEqual([0, 0, 1, 1, 0, 1, 0, 0]);
  });
});
