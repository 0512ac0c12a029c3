import { Command } from 'commander';
import { builtinDatasets, describeDataset } from '@gradlab/data';
import type { ColumnRef, CsvColumn, CsvOptions, Dataset, DatasetDescription } from '@gradlab/data';
import { readCsv } from '@gradlab/data/node';
import { UsageError } from '../cli-error.ts';
import { guard } from '../report-error.ts';

interface DescribeOptions {
  target?: string;
  columns?: string;
  categorical?: string;
  encoding?: 'onehot' | 'index';
  header: boolean;
  delimiter?: string;
  json?: boolean;
}


/** A column given on the command line: a 0-based position when all digits, a name otherwise. */
function columnRef(text: string): ColumnRef {
  return /^\d+$/.test(text) ? Number(text) : text;
}

function list(text: string): ColumnRef[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s.length > 0).map(columnRef);
}

function num(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(4)));
}

async function load(source: string, opts: DescribeOptions): Promise<{ data: Dataset; columns: CsvColumn[] | undefined }> {
  const builtin = Object.prototype.hasOwnProperty.call(builtinDatasets, source) ? builtinDatasets[source] : undefined;
  if (builtin !== undefined) return { data: builtin(), columns: undefined };
  if (!/\.(csv|tsv|txt)$/i.test(source) && !source.includes('/') && !source.includes('\\')) {
    throw new UsageError(`'${source}' is neither a built-in data set (${Object.keys(builtinDatasets).join(', ')}) nor a CSV file path`);
  }
  const options: CsvOptions = {
    header: opts.header,
    ...(opts.target !== undefined ? { target: opts.target === 'none' ? null : columnRef(opts.target) } : {}),
    ...(opts.columns !== undefined ? { columns: list(opts.columns) } : {}),
    ...(opts.categorical !== undefined ? { categorical: list(opts.categorical) } : {}),
    ...(opts.encoding !== undefined ? { encoding: opts.encoding } : {}),
    ...(opts.delimiter !== undefined ? { delimiter: opts.delimiter === '\\t' ? '\t' : opts.delimiter } : {}),
  };
  const { dataset, columns } = await readCsv(source, options);
  return { data: { ...dataset, name: source }, columns };
}

function printText(d: DatasetDescription, columns: CsvColumn[] | undefined, out: (line?: string) => void): void {
  out(`${d.name ?? 'data set'}: ${d.n} samples × ${d.d} features (x [${d.n}, ${d.d}], t [${d.n}])`);
  if (columns !== undefined) {
    out();
    out('columns in the file:');
    const w = Math.max(...columns.map((c) => c.name.length));
    for (const c of columns) {
      const cats = c.categories !== undefined ? `  ${c.categories.length} categories: ${c.categories.slice(0, 8).join(', ')}${c.categories.length > 8 ? ', ...' : ''}` : '';
      out(`  ${c.name.padEnd(w)}  ${c.type.padEnd(11)}  ${c.role}${cats}`);
    }
  }
  out();
  const targetKind = d.classes !== undefined ? `${d.classes.length} classes` : d.target.kind;
  const rows = [...d.features, d.target].map((f, i) => (i === d.features.length ? [`${f.name} (target)`, targetKind] : [f.name, f.kind]).concat([num(f.min), num(f.max), num(f.mean), num(f.std)]));
  const heads = ['column', 'kind', 'min', 'max', 'mean', 'std'];
  const shown = rows.length > 24 ? [...rows.slice(0, 20), ['...', '', '', '', '', ''], ...rows.slice(-3)] : rows;
  const w = heads.map((h, j) => Math.max(h.length, ...shown.map((r) => (r[j] as string).length)));
  out(heads.map((h, j) => (j < 2 ? h.padEnd(w[j] as number) : h.padStart(w[j] as number))).join('  '));
  for (const r of shown) out(r.map((s, j) => (j < 2 ? s.padEnd(w[j] as number) : s.padStart(w[j] as number))).join('  '));
  out();
  if (d.classes === undefined) {
    out(`target ${d.target.name}: real-valued (regression)`);
    return;
  }
  out(`class balance of ${d.target.name}:`);
  const nw = Math.max(...d.classes.map((c) => c.name.length));
  for (const c of d.classes) out(`  ${c.name.padEnd(nw)}  ${String(c.count).padStart(String(d.n).length)}  ${(100 * c.fraction).toFixed(1).padStart(5)}%`);
}

async function describe(source: string, opts: DescribeOptions): Promise<void> {
  const { data, columns } = await load(source, opts);
  const d = describeDataset(data);
  if (opts.json === true) {
    process.stdout.write(JSON.stringify({ ...d, ...(columns !== undefined ? { columns } : {}) }, null, 2) + '\n');
    return;
  }
  printText(d, columns, (line = '') => {
    process.stdout.write(line + '\n');
  });
}

/** `gradlab data describe <csv|builtin>` and `gradlab data list`: look at a data set before fitting. */
export function dataCommand(): Command {
  const data = new Command('data').description('look at data sets: the built-in ones, or CSV files');
  data
    .command('list')
    .description('list the built-in data sets')
    .action(() => {
      for (const [name, load] of Object.entries(builtinDatasets)) {
        const d = load();
        process.stdout.write(`${name.padEnd(20)} ${String(d.t.length).padStart(5)} × ${String(d.x.shape[1]).padEnd(3)} ${d.classNames !== undefined ? `${d.classNames.length} classes` : 'regression'}\n`);
      }
    });
  data
    .command('describe')
    .description('shape, column types and class balance of a CSV file or a built-in data set')
    .argument('<source>', `a CSV file, or a built-in name: ${Object.keys(builtinDatasets).join(', ')}`)
    .option('--target <column>', "the target column, by name or 0-based position (default: the last); 'none' for no target")
    .option('--columns <list>', 'the input columns, comma-separated (default: all but the target)')
    .option('--categorical <list>', 'columns holding categories (default: those with non-numeric cells)')
    .option('--encoding <kind>', 'categorical inputs as onehot (default) or index')
    .option('--delimiter <char>', 'field delimiter (default: detected)')
    .option('--no-header', 'the first row is data, not column names')
    .option('--json', 'machine-readable output')
    .addHelpText('after', '\nExamples:\n  gradlab data describe iris\n  gradlab data describe measurements.csv --target price --categorical city')
    .action(
      guard('data describe', async (source: string, opts: DescribeOptions) => {
        if (opts.encoding !== undefined && opts.encoding !== 'onehot' && opts.encoding !== 'index') {
          throw new UsageError(`--encoding must be onehot or index, got '${String(opts.encoding)}'`);
        }
        await describe(source, opts);
      }),
    );
  return data;
}
