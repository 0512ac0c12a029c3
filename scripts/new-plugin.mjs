#!/usr/bin/env node
// Scaffolds a gradlab plugin package: one loss, one optimizer and one layer, their tests, and
// checkPlugin under `npm test`. It depends on the @gradlab packages by version range, so it works
// outside this repository (install them from npm or from local tarballs).
// Usage: npm run new-plugin -- <name> [--dir <path>]   (default folder: ./<name without scope>)
import { resolve } from 'node:path';
import { pluginFolderName, writePluginTemplate } from '../packages/plugin/template/index.js';

const args = process.argv.slice(2);
let name;
let dir;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--dir') dir = args[++i];
  else if (a.startsWith('--dir=')) dir = a.slice('--dir='.length);
  else if (name === undefined && !a.startsWith('-')) name = a;
  else {
    console.error(`new-plugin: unexpected argument '${a}'`);
    process.exit(2);
  }
}
if (name === undefined || (dir !== undefined && dir === '')) {
  console.error('usage: npm run new-plugin -- <name> [--dir <path>]');
  process.exit(2);
}
try {
  const target = resolve(process.env.INIT_CWD ?? process.cwd(), dir ?? pluginFolderName(name));
  const files = writePluginTemplate(target, { name });
  console.log(`created ${target}: ${files.join(', ')}`);
  console.log('next: cd into it, npm install, npm test');
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
