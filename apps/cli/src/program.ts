import { Command, CommanderError } from 'commander';
import { builtinCommands } from './commands/builtin-commands.ts';
import type { CommandFactory } from './commands/builtin-commands.ts';
import { EXIT_OK, EXIT_USAGE } from './cli-error.ts';
import { reportError } from './report-error.ts';
import { VERSION } from './version.ts';

/** The command path of `cmd` without the program name, e.g. `prob dist`. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c !== null && c.parent !== null; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/**
 * Gives every command the same conventions: commander's own errors (unknown option or command,
 * missing value, bad choice) print as one line with a pointer to `--help` and exit with 2.
 */
function applyConventions(cmd: Command): void {
  const path = commandPath(cmd);
  cmd.exitOverride();
  cmd.configureOutput({
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, write) => {
      const message = s.replace(/^error:\s*/, '').replace(/\s*\n\s*/g, ' ').trim();
      write(`${path === '' ? 'gradlab' : `gradlab ${path}`}: ${message} (see gradlab ${path === '' ? '' : `${path} `}--help)\n`);
    },
  });
  for (const sub of cmd.commands) applyConventions(sub);
}

/**
 * Builds the `gradlab` command with its subcommands.
 * @param commands the top-level commands (default {@link builtinCommands})
 * @returns the commander program; run it with {@link runProgram}
 */
export function createProgram(commands: readonly CommandFactory[] = builtinCommands): Command {
  const program = new Command('gradlab')
    .description('gradlab: machine learning in TypeScript, from probability to transformers.')
    .version(VERSION, '-v, --version', 'print the gradlab version')
    .addHelpText('after', '\nExit codes: 0 success, 1 failure on the data or at run time, 2 usage error.\nRun gradlab <command> --help for a command\'s options and examples.');
  for (const make of commands) program.addCommand(make());
  applyConventions(program);
  return program;
}

/**
 * Parses `argv` and runs the command; sets `process.exitCode` (0, 1 or 2) and never throws.
 * @param argv `process.argv`
 * @param program the program (default: {@link createProgram} with the built-in commands)
 */
export async function runProgram(argv: readonly string[], program: Command = createProgram()): Promise<void> {
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and --version end with code 0; every other commander error is a usage error, already printed.
      process.exitCode = error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
      return;
    }
    reportError('', error);
  }
}
