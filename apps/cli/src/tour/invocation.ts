import { sep } from 'node:path';

/**
 * How the user can run `gradlab` from where they are, for the tour's "Try:" lines: `npm run
 * gradlab --` inside the gradlab repository (where the command is not on the PATH), `npx gradlab`
 * where @gradlab/cli is installed as a package.
 * @param argv1 the script path node was started with (default `process.argv[1]`)
 * @param env the environment (default `process.env`)
 * @returns the command prefix that replaces `gradlab` in a "Try:" line
 * @example
 * invocation('/home/me/app/node_modules/@gradlab/cli/dist/index.js', {}); // 'npx gradlab'
 */
export function invocation(argv1: string | undefined = process.argv[1], env: NodeJS.ProcessEnv = process.env): string {
  if (env.npm_lifecycle_event === 'gradlab') return 'npm run gradlab --';
  if (argv1 !== undefined && argv1.split(sep).includes('node_modules')) return 'npx gradlab';
  return 'npm run gradlab --';
}
