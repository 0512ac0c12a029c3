import type { Command } from 'commander';
import { tourCommand } from '../tour/command.ts';
import { gradCommand } from './grad.ts';
import { probCommand } from './prob.ts';
import { inferCommand } from './infer.ts';
import { dataCommand } from './data.ts';
import { optimizeCommand } from './optimize.ts';
import { fitCommand } from './fit.ts';
import { cvCommand } from './cv.ts';
import { trainCommand } from './train.ts';
import { predictCommand } from './nn/predict.ts';
import { nnCommand } from './nn/nn.ts';
import { generateCommand } from './lm/generate.ts';
import { attentionCommand } from './lm/attention.ts';
import { pluginsCommand } from './plugins.ts';
import { exportCommand } from './export.ts';

/** Makes one top-level command of `gradlab` (a fresh commander `Command` each call). */
export type CommandFactory = () => Command;

/**
 * The commands of `gradlab`, in the order `--help` lists them. To add one: write
 * `src/commands/<name>.ts` exporting `<name>Command(): Command` (wrap its action in `guard`, throw
 * `UsageError` for bad flags), then add it here; `createProgram` takes a different list in tests.
 */
export const builtinCommands: readonly CommandFactory[] = Object.freeze([
  tourCommand,
  gradCommand,
  probCommand,
  inferCommand,
  dataCommand,
  optimizeCommand,
  fitCommand,
  cvCommand,
  trainCommand,
  predictCommand,
  nnCommand,
  generateCommand,
  attentionCommand,
  pluginsCommand,
  exportCommand,
]);
