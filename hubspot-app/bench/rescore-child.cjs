// The bench's crash subject: one portfolio rescore with a file checkpoint, run as its own process
// so it can be killed with SIGKILL midway. It reports each checkpoint it saves on stdout.
'use strict';

const { pacedCrm, rescoreWithSavedSettings } = require('../src/app/functions/lib/rescore-job.js');
const { fileCheckpoint } = require('../test/file-checkpoint.cjs');

const [baseUrl, token, asOf, file, perTenSeconds] = process.argv.slice(2);
const saved = fileCheckpoint(String(file));
const checkpoint = {
  load: () => saved.load(),
  pending: () => saved.pending(),
  /** @type {typeof saved.save} */
  async save(lastId, totals, pending) {
    await saved.save(lastId, totals, pending);
    process.stdout.write(`checkpoint ${lastId} ${totals.read}\n`);
  },
};

rescoreWithSavedSettings({
  crm: pacedCrm({
    accessToken: String(token),
    baseUrl,
    requestsPer10s: Number(perTenSeconds),
  }),
  asOf: String(asOf),
  checkpoint,
}).then(
  (r) =>
    process.stdout.write(
      `done ${JSON.stringify({ read: r.read, tasksCreated: r.tasksCreated })}\n`,
    ),
  (e) => {
    process.stderr.write(`failed: ${e?.message ?? e}\n`);
    process.exitCode = 1;
  },
);
