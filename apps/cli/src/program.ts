import { Command } from 'commander';
import { tourCommand } from './tour/command.ts';
import { gradCommand } from './commands/grad.ts';
import { probCommand } from './commands/prob.ts';
import { inferCommand } from './commands/infer.ts';
import { dataCommand } from './commands/data.ts';
import { optimizeCommand } from './commands/optimize.ts';
import { fitCommand } from './commands/fit.ts';
import { cvCommand } from './commands/cv.ts';
import { VERSION } from './version.ts';

/** Builds the `gradlab` command with all its subcommands. */
export function createProgram(): Command {
  const program = new Command('gradlab')
    .description('gradlab: machine learning in TypeScript, from probability to transformers.')
    .version(VERSION, '-v, --version', 'print the gradlab version')
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program.addCommand(tourCommand());
  program.addCommand(gradCommand());
  program.addCommand(probCommand());
  program.addCommand(inferCommand());
  program.addCommand(dataCommand());
  program.addCommand(optimizeCommand());
  program.addCommand(fitCommand());
  program.addCommand(cvCommand());
  return program;
}
