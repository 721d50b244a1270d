// Prints what the Tasks page costs over a big book: CRM requests and time for its first and last
// page, and for a company's tasks on its record page. Prints figures; asserts nothing.
// Run: cd preview && npm run bench:tasks -- [tasks]
import { DEMO_ACCOUNTS, DEMO_CSMS, startSandbox } from '@csops/sandbox';
import { crmClient } from './src/crm.js';
import { readCompanyTasks, readTaskPage, taskQuerySchema } from './src/tasks.js';

const count = Number(process.argv[2] ?? 5_000);
const DAY = 86_400_000;
const sandbox = await startSandbox({ port: 0, token: 'bench' });
try {
  const client = crmClient({ baseUrl: sandbox.url, accessToken: 'bench' });
  const companies = Object.values(DEMO_ACCOUNTS).map((a) => a.id);
  const now = Date.now();
  for (let i = 0; i < count; i += 100) {
    await client.crm.objects.tasks.batchApi.create({
      inputs: Array.from({ length: Math.min(100, count - i) }, (_, j) => {
        const n = i + j;
        return {
          properties: {
            hs_task_subject: `Bench step ${n}`,
            hs_task_status: 'NOT_STARTED',
            hs_timestamp: new Date(now + ((n % 60) - 40) * DAY).toISOString(),
            hubspot_owner_id: DEMO_CSMS[n % DEMO_CSMS.length]!.ownerId,
            csops_action_key: `bench:${n}`,
          },
          associations: [
            {
              to: { id: companies[n % companies.length]! },
              types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 192 }],
            },
          ],
        };
      }),
    });
  }
  const at = new Date().toISOString();
  const measure = async (label: string, work: () => Promise<unknown>) => {
    sandbox.resetStats();
    const started = performance.now();
    await work();
    const ms = Math.round(performance.now() - started);
    console.log(
      `${label.padEnd(44)} ${String(sandbox.stats().requests).padStart(4)} requests  ${ms} ms`,
    );
  };
  console.log(`${count} csops tasks over ${companies.length} companies`);
  const first = await readTaskPage(client, taskQuerySchema.parse({ filter: 'overdue' }), at);
  await measure('Tasks page, overdue, page 1', () =>
    readTaskPage(client, taskQuerySchema.parse({ filter: 'overdue' }), at),
  );
  await measure(`Tasks page, overdue, page ${first.pages} (last)`, () =>
    readTaskPage(client, taskQuerySchema.parse({ filter: 'overdue', page: first.pages }), at),
  );
  await measure(`record page: one company's ${Math.round(count / companies.length)} tasks`, () =>
    readCompanyTasks(client, companies[0]!, at),
  );
} finally {
  await sandbox.close();
}
