#!/usr/bin/env node
// The one test command (npm test): format, then lint, types and tests of every workspace.
// Runs every step even after a failure so one run reports everything, then prints a total line.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const only = process.argv.slice(2);

function workspaceScripts(dir) {
  const pkg = JSON.parse(readFileSync(new URL(`../${dir}/package.json`, import.meta.url), 'utf8'));
  return pkg.scripts ?? {};
}

function run(label, command, args, cwd) {
  return new Promise((resolve) => {
    process.stdout.write(`\n=== ${label}\n`);
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    let out = '';
    const tee = (stream) => (chunk) => {
      out += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => resolve({ label, code: code ?? 1, out }));
  });
}

// vitest: "Tests  12 passed | 1 failed (13)"; jest: "Tests:       1 failed, 12 passed, 13 total"
function countTests(out) {
  // eslint-disable-next-line no-control-regex
  const plain = out.replace(/\u001b\[[0-9;]*m/g, '');
  let passed = 0;
  let failed = 0;
  for (const line of plain.split('\n')) {
    if (!/^\s*Tests:?\s/.test(line)) continue;
    passed += Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
  }
  return { passed, failed };
}

// vitest's "FAIL file > suite > test" and the assertion under it; jest's "● suite › test"; eslint/tsc errors.
function failureLines(out, max = 12) {
  // eslint-disable-next-line no-control-regex
  const plain = out.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const picked = plain
    .map((l) => l.trim())
    .filter((l) => /^(FAIL |● |\S+Error: |error TS\d+|\d+:\d+\s+error\s|\[warn\] )/.test(l));
  return [...new Set(picked)]
    .slice(0, max)
    .map((l) => (l.length > 200 ? `${l.slice(0, 197)}...` : l));
}

const steps = [['format', 'npx', ['prettier', '--check', '.'], '.']];
for (const dir of root.workspaces) {
  const scripts = workspaceScripts(dir);
  for (const script of ['lint', 'typecheck', 'test']) {
    if (scripts[script]) steps.push([`${dir}: ${script}`, 'npm', ['run', script, '--silent'], dir]);
  }
}

const selected = only.length
  ? steps.filter(([label]) => only.some((o) => label.includes(o)))
  : steps;
const results = [];
for (const [label, cmd, args, cwd] of selected) results.push(await run(label, cmd, args, cwd));

let passed = 0;
let failed = 0;
for (const r of results) {
  const c = countTests(r.out);
  passed += c.passed;
  failed += c.failed;
}
const broken = results.filter((r) => r.code !== 0);
process.stdout.write('\n=== summary\n');
for (const r of results) {
  process.stdout.write(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.label}\n`);
  // Name what failed next to the step, so the last lines of a log say which test broke and why.
  if (r.code !== 0)
    for (const line of failureLines(r.out)) process.stdout.write(`       ${line}\n`);
}
// A failed lint or type check counts as a failure even when every test passed.
const failedSteps = broken.filter((r) => countTests(r.out).failed === 0).length;
process.stdout.write(`tests: ${passed} passed, ${failed + failedSteps} failed\n`);
process.exit(broken.length ? 1 : 0);
