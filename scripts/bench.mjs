#!/usr/bin/env node
// npm run bench: every workspace's benchmark in turn, with the flags given (e.g. --json).
// Workspace scripts run with npm's --silent so that --json output is nothing but JSON lines.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
let failed = 0;
for (const dir of root.workspaces) {
  const pkg = JSON.parse(readFileSync(new URL(`../${dir}/package.json`, import.meta.url), 'utf8'));
  if (!pkg.scripts?.bench) continue;
  if (!json) process.stdout.write(`\n=== ${pkg.name} (${dir})\n`);
  const run = spawnSync('npm', ['run', 'bench', '--silent', '--', ...args], {
    cwd: new URL(`../${dir}/`, import.meta.url),
    stdio: 'inherit',
  });
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
