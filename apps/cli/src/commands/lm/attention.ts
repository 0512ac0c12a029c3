import { Command } from 'commander';
import { UsageError } from '../../cli-error.ts';
import { integerFlag } from '../../integer-flag.ts';
import { guard } from '../../report-error.ts';
import { useBackend, withBackendFlag } from '../../backend-flag.ts';
import { writeOutput } from '../../write-output.ts';
import { readLanguageModel } from './lm-file.ts';

interface AttentionFlags {
  backend?: string;
  model: string;
  text: string;
  layer: string;
  head: string;
  plot?: string;
  json?: boolean;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An SVG heatmap of attention weights: row t (a query) over columns 0..t (the keys). */
export function attentionHeatmapSvg(labels: readonly string[], weights: readonly (readonly number[])[], title: string): string {
  const n = labels.length;
  const cell = Math.max(8, Math.min(28, Math.floor(560 / Math.max(n, 1))));
  const left = 60;
  const top = 70;
  const size = cell * n;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${left + size + 90}" height="${top + size + 20}" font-family="sans-serif" font-size="11">`);
  parts.push(`<text x="${left}" y="18" font-size="14">${escapeXml(title)}</text>`);
  parts.push(`<text x="${left}" y="36" fill="#555">rows: queries (position t), columns: keys; darker = more attention</text>`);
  const show = (s: string): string => escapeXml(s === ' ' ? '␣' : s === '\n' ? '↵' : s);
  for (let j = 0; j < n; j++) parts.push(`<text x="${left + j * cell + cell / 2}" y="${top - 6}" text-anchor="middle">${show(labels[j] ?? '')}</text>`);
  for (let i = 0; i < n; i++) {
    parts.push(`<text x="${left - 6}" y="${top + i * cell + cell * 0.7}" text-anchor="end">${show(labels[i] ?? '')}</text>`);
    for (let j = 0; j < n; j++) {
      const w = weights[i]?.[j] ?? 0;
      const shade = Math.round(255 * (1 - Math.min(1, Math.max(0, w))));
      parts.push(`<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell}" height="${cell}" fill="rgb(${shade},${shade},255)"><title>${show(labels[i] ?? '')} → ${show(labels[j] ?? '')}: ${w.toFixed(3)}</title></rect>`);
    }
  }
  // A colour scale from 0 to 1.
  for (let k = 0; k <= 10; k++) {
    const shade = Math.round(255 * (1 - k / 10));
    parts.push(`<rect x="${left + size + 20}" y="${top + size - (k + 1) * (size / 11)}" width="16" height="${size / 11}" fill="rgb(${shade},${shade},255)"/>`);
  }
  parts.push(`<text x="${left + size + 40}" y="${top + 10}">1</text><text x="${left + size + 40}" y="${top + size}">0</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}

function attention(flags: AttentionFlags): void {
  useBackend(flags.backend);
  const { lm, tokenizer } = readLanguageModel(flags.model);
  const layer = integerFlag('--layer', flags.layer, 0, { min: 0, max: 1000 });
  const head = integerFlag('--head', flags.head, 0, { min: 0, max: 1000 });
  const ids = tokenizer.encode(flags.text);
  if (ids.length === 0) throw new UsageError('--text must not be empty');
  if (ids.length > lm.contextLength) throw new UsageError(`--text has ${ids.length} tokens; the model reads at most ${lm.contextLength}`);
  const weights = lm.attentionWeights(ids, { layer, head }).toArray() as number[][];
  const labels = ids.map((id) => tokenizer.decode([id]));
  if (flags.plot !== undefined) writeOutput(flags.plot, attentionHeatmapSvg(labels, weights, `attention of layer ${layer}, head ${head}`));
  if (flags.json === true) {
    process.stdout.write(JSON.stringify({ tokens: labels, layer, head, weights }, null, 2) + '\n');
    return;
  }
  process.stdout.write(`layer ${layer}, head ${head}: where each token looks (its three largest weights)\n`);
  labels.forEach((label, i) => {
    const row = weights[i] ?? [];
    const top = row.map((w, j) => [w, j] as const).sort((a, b) => b[0] - a[0]).slice(0, 3);
    process.stdout.write(`  ${String(i).padStart(3)} ${JSON.stringify(label).padEnd(6)} → ${top.map(([w, j]) => `${JSON.stringify(labels[j])} ${w.toFixed(2)}`).join(', ')}\n`);
  });
  if (flags.plot !== undefined) process.stdout.write(`wrote ${flags.plot}\n`);
}

/** `gradlab attention`: draws one head's attention weights on a text. */
export function attentionCommand(): Command {
  return withBackendFlag(new Command('attention')
    .description('show the attention weights of one layer and head of a language model on a text, as a table and an SVG heatmap')
    .requiredOption('--model <file>', 'a language model written by gradlab train lm --save')
    .requiredOption('--text <text>', 'the text to attend over (at most the context length in tokens)')
    .option('--layer <l>', 'block index, from 0', '0')
    .option('--head <h>', 'head index, from 0', '0')
    .option('--plot <file>', 'write the heatmap as SVG')
    .option('--json', 'print the weights as JSON')
    .addHelpText('after', '\nExample:\n  gradlab attention --model lm.safetensors --text "And God said, Let there be light" --layer 0 --head 1 --plot att.svg')
  ).action(guard('attention', attention));
}
