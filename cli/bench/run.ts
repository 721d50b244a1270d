// `npm run bench` for the CLI: calibration speed on generated rows, and API calls of a Salesforce
// rescore per 10,000 Accounts. Forwards its flags (e.g. --json).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
let status = 0;
for (const bench of ['bench/calibrate.bench.ts', 'bench/rescore-salesforce.bench.ts']) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', bench, ...args], {
    stdio: 'inherit',
  });
  status ||= run.status ?? 1;
}
process.exit(status);
