// `npm run bench` for the CLI: calibration speed on generated rows. Forwards its flags (e.g. --json).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/calibrate.bench.ts', ...args], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
