import { Command, Option } from 'commander';
import { sections } from './sections.ts';
import { invocation } from './invocation.ts';

/** `gradlab tour [--section id] [--list]`: runs the guided tour on built-in data. */
export function tourCommand(): Command {
  return new Command('tour')
    .description('a guided tour of gradlab on built-in data, one section per chapter of the notes')
    .addOption(new Option('-s, --section <id>', 'run only this section').choices(sections.map((s) => s.id)))
    .option('-l, --list', 'list the sections and exit')
    .action((opts: { section?: string; list?: boolean }) => {
      const run = invocation();
      const out = (line = ''): void => {
        // The "Try:" lines name the command as the user can type it here.
        process.stdout.write((line.startsWith('Try: gradlab ') ? `Try: ${run} ${line.slice('Try: gradlab '.length)}` : line) + '\n');
      };
      if (opts.list) {
        const idWidth = Math.max(...sections.map((s) => s.id.length));
        const chapterWidth = Math.max(...sections.map((s) => s.chapter.length));
        for (const s of sections) out(`${s.id.padEnd(idWidth)}  ${s.chapter.padEnd(chapterWidth)}  ${s.title}`);
        return;
      }
      const chosen = opts.section === undefined ? sections : sections.filter((s) => s.id === opts.section);
      for (const [i, s] of chosen.entries()) {
        if (i > 0) out();
        out(`== ${s.title} (${s.chapter}) ==`);
        s.run(out);
      }
    });
}
