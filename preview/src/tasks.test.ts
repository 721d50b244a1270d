import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_ACCOUNTS,
  DEMO_CSMS,
  DEMO_PEOPLE,
  startSandbox,
  type RunningSandbox,
} from '@csops/sandbox';
import { crmClient } from './crm.js';
import { readCompanyTasks, readTaskPage, taskQuerySchema, TASKS_PAGE_SIZE } from './tasks.js';

let sandbox: RunningSandbox;
const TOKEN = 'preview-tasks-test';
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, token: TOKEN, seed: 'demo' });
});
afterAll(() => sandbox.close());

const client = () => crmClient({ baseUrl: sandbox.url, accessToken: TOKEN });
const NOW = '2026-06-10T12:00:00.000Z';
const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.parse(NOW) + days * DAY).toISOString();
const TASK_TO_COMPANY = 192;

async function newCompany(name: string): Promise<string> {
  const c = await client().crm.companies.basicApi.create({
    properties: { name },
    associations: [],
  });
  return c.id;
}

/** csops tasks on a company, in batches of 100 as the playbook writer makes them. */
async function addTasks(
  companyId: string,
  tasks: { key: string; dueAt: string; status?: string; owner?: string }[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < tasks.length; i += 100) {
    const made = await client().crm.objects.tasks.batchApi.create({
      inputs: tasks.slice(i, i + 100).map((t) => ({
        properties: {
          hs_task_subject: `Step ${t.key}`,
          hs_task_status: t.status ?? 'NOT_STARTED',
          hs_timestamp: t.dueAt,
          hubspot_owner_id: t.owner ?? DEMO_CSMS[1]!.ownerId,
          csops_action_key: t.key,
          csops_action_type: 'task',
        },
        associations: [
          {
            to: { id: companyId },
            types: [
              {
                associationCategory: 'HUBSPOT_DEFINED' as never,
                associationTypeId: TASK_TO_COMPANY,
              },
            ],
          },
        ],
      })),
    });
    ids.push(...made.results.map((t) => t.id));
  }
  return ids;
}

describe("a company's tasks on its record page", () => {
  it('shows the demo tasks by subject, status label, due date, owner name and company', async () => {
    const seededAt = new Date().toISOString();
    const bluefin = await readCompanyTasks(client(), DEMO_ACCOUNTS.silentChurner.id, seededAt);
    expect(bluefin).toHaveLength(1);
    const overdue = bluefin[0]!;
    expect(overdue).toMatchObject({
      subject: 'Identify and meet a new champion',
      statusLabel: 'Not started',
      open: true,
      overdue: true,
      company: { id: DEMO_ACCOUNTS.silentChurner.id, name: DEMO_ACCOUNTS.silentChurner.name },
    });
    expect(DEMO_CSMS.map((c) => c.name)).toContain(overdue.ownerName);

    const [done] = await readCompanyTasks(client(), DEMO_ACCOUNTS.onboarding.id, seededAt);
    expect(done).toMatchObject({ statusLabel: 'Completed', open: false, overdue: false });
    expect(done?.completedAt).not.toBeNull();
    const [skipped] = await readCompanyTasks(client(), DEMO_ACCOUNTS.overdueInvoices.id, seededAt);
    expect(skipped).toMatchObject({ statusLabel: 'Skipped', open: false, overdue: false });
    expect(skipped?.closedNote).toMatch(/^Skipped: /);
  });

  it('marks an open task overdue from the day after its due day, never a closed one', async () => {
    const id = await newCompany('Overdue Day Rules Ltd');
    const startOfToday = NOW.slice(0, 10) + 'T00:00:00.000Z';
    await addTasks(id, [
      {
        key: 'rules:yesterday-late',
        dueAt: new Date(Date.parse(startOfToday) - 60_000).toISOString(),
      },
      { key: 'rules:today-early', dueAt: startOfToday },
      { key: 'rules:done-long-ago', dueAt: daysFromNow(-30), status: 'COMPLETED' },
      { key: 'rules:waiting', dueAt: daysFromNow(-2), status: 'WAITING' },
    ]);
    const rows = await readCompanyTasks(client(), id, NOW);
    const byKey = Object.fromEntries(rows.map((r) => [r.subject.replace('Step ', ''), r.overdue]));
    expect(byKey).toEqual({
      'rules:done-long-ago': false,
      'rules:waiting': true,
      'rules:yesterday-late': true,
      'rules:today-early': false,
    });
    // Soonest due first, as the record lists them.
    expect(rows.map((r) => r.dueAt)).toEqual([...rows.map((r) => r.dueAt)].sort());
  });
});

describe('the Tasks page over a big book', () => {
  const overdueCount = 130;
  let bookCompany: string;
  beforeAll(async () => {
    bookCompany = await newCompany('Big Book Holdings');
    await addTasks(bookCompany, [
      ...Array.from({ length: overdueCount }, (_, i) => ({
        key: `book:overdue:${i}`,
        dueAt: daysFromNow(-1 - (i % 40)),
        owner: DEMO_PEOPLE[1 + (i % 4)]!.ownerId,
      })),
      ...Array.from({ length: 20 }, (_, i) => ({
        key: `book:later:${i}`,
        dueAt: daysFromNow(5 + i),
      })),
      ...Array.from({ length: 5 }, (_, i) => ({
        key: `book:done:${i}`,
        dueAt: daysFromNow(-3),
        status: 'COMPLETED',
      })),
    ]);
    // A task that is not csops's stays off the page.
    await client().crm.objects.tasks.basicApi.create({
      properties: { hs_task_subject: 'Personal reminder', hs_timestamp: daysFromNow(-9) },
      associations: [],
    });
  });

  it('pages the overdue tasks by due date, every task once, each with its company and owner', async () => {
    const first = await readTaskPage(client(), taskQuerySchema.parse({ filter: 'overdue' }), NOW);
    // The demo's own overdue task is older than NOW's calendar: count from what the page says.
    expect(first.total).toBeGreaterThanOrEqual(overdueCount);
    expect(first.pages).toBe(Math.ceil(first.total / TASKS_PAGE_SIZE));
    expect(first.tasks).toHaveLength(TASKS_PAGE_SIZE);
    const seen = new Set<string>();
    const due: string[] = [];
    for (let page = 1; page <= first.pages; page++) {
      const p = await readTaskPage(
        client(),
        taskQuerySchema.parse({ filter: 'overdue', page }),
        NOW,
      );
      for (const t of p.tasks) {
        expect(seen.has(t.id)).toBe(false);
        seen.add(t.id);
        due.push(t.dueAt!);
        expect(t.overdue).toBe(true);
        expect(t.company?.name).toBeTruthy();
        expect(t.ownerName).toBeTruthy();
      }
    }
    expect(seen.size).toBe(first.total);
    expect(due).toEqual([...due].sort());
    const mine = first.tasks.filter((t) => t.company?.id === bookCompany);
    expect(mine.every((t) => t.company?.name === 'Big Book Holdings')).toBe(true);
    expect(first.tasks.some((t) => t.subject === 'Personal reminder')).toBe(false);
  });

  it('sorts latest due first on request, and splits open from done', async () => {
    const open = await readTaskPage(client(), taskQuerySchema.parse({ sort: 'desc' }), NOW);
    const dues = open.tasks.map((t) => t.dueAt!);
    expect(dues).toEqual([...dues].sort().reverse());
    expect(open.tasks[0]?.overdue).toBe(false);
    expect(open.tasks.every((t) => t.open)).toBe(true);
    const done = await readTaskPage(client(), taskQuerySchema.parse({ filter: 'done' }), NOW);
    expect(done.tasks.every((t) => !t.open)).toBe(true);
    expect(done.tasks.filter((t) => t.subject.startsWith('Step book:done'))).toHaveLength(5);
    expect(done.tasks.map((t) => t.statusLabel)).toEqual(
      expect.arrayContaining(['Completed', 'Skipped']),
    );
  });

  it('refuses a filter or page the page does not offer, naming the field', () => {
    const late = taskQuerySchema.safeParse({ filter: 'late' });
    expect(late.success).toBe(false);
    expect(late.error?.issues[0]?.path).toEqual(['filter']);
    const far = taskQuerySchema.safeParse({ page: '201' });
    expect(far.error?.issues[0]?.path).toEqual(['page']);
  });
});
