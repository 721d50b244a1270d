// `npm run bench` for the CLI: calibration speed, then the sandbox under a rescore-sized load.
// Forwards its flags (e.g. --json) to each benchmark.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
for (const script of ['bench/calibrate.bench.ts', 'src/sandbox/bench.ts']) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
