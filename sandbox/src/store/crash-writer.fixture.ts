// Child process for the crash test: writes batches to a sandbox store and reports each one the
// moment it is acknowledged, until the parent kills it with SIGKILL.
import { createRecords } from '../crm/records.js';
import { seedPortal } from '../seed/index.js';
import { FileJournal } from './journal.js';

const dir = process.argv[2]!;
const store = seedPortal('empty', 1, new Date('2026-01-01T00:00:00Z'));
FileJournal.open(dir, store, { fresh: true });
const tasks = store.objectType('tasks')!;
const body = 'x'.repeat(4_000);
for (let batch = 0; ; batch++) {
  const created = createRecords(
    store,
    tasks,
    Array.from({ length: 50 }, (_, i) => ({
      properties: { hs_task_subject: `b${batch}-${i}`, hs_task_body: body },
    })),
    new Date().toISOString(),
  );
  process.stdout.write(`ack ${created.map((r) => r.id).join(',')}\n`);
}
