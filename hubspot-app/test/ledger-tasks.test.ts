// The playbook ledger as a CSM meets it: the steps due on an account become HubSpot tasks once,
// whatever retries, repeated loads or concurrent loads happen, and what a CSM closed stays closed.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEMO_ACCOUNTS } from '@csops/sandbox';
import { expectOk, openPortal, type Portal } from './harness.js';

const require = createRequire(import.meta.url);
const { toLedgerEntry, toRecordedTask } = require('../src/app/functions/lib/ledger-tasks.js');

const ASOF = '2026-12-02T09:00:00.000Z';
const churner = DEMO_ACCOUNTS.silentChurner.id;

let portal: Portal;
beforeAll(async () => {
  portal = await openPortal({ seed: 'demo' });
});
afterAll(() => portal.close());

const load = async (companyId: string, on = portal) =>
  expectOk(await on.run('account_health', { parameters: { companyId, asOf: ASOF } }));

/** Every csops task of a company, straight from the portal. */
async function csopsTasks(on: Portal, companyId: string) {
  const found = await on.client.crm.objects.searchApi.doSearch('tasks', {
    filterGroups: [
      {
        filters: [
          { propertyName: 'associations.company', operator: 'EQ' as never, value: companyId },
          { propertyName: 'csops_action_key', operator: 'HAS_PROPERTY' as never },
        ],
      },
    ],
    properties: ['csops_action_key', 'hs_task_status', 'hs_task_priority', 'csops_action_type'],
    limit: 200,
    sorts: [],
  });
  return found.results;
}

describe('the playbook ledger on a card load', () => {
  it('records the due steps as tasks once; a second load creates none and lists the same tasks', async () => {
    // The demo already holds one open playbook task for this account; the ledger keeps it.
    const before = await csopsTasks(portal, churner);
    const first = await load(churner);
    expect(first.playbook.created).toBeGreaterThan(0);
    const tasks = await csopsTasks(portal, churner);
    expect(tasks).toHaveLength(before.length + first.playbook.created);
    const escalations = tasks.filter((t) => t.properties.csops_action_type === 'escalation');
    for (const e of escalations) expect(e.properties.hs_task_priority).toBe('HIGH');

    portal.sandbox.resetStats();
    const second = await load(churner);
    expect(second.playbook.created).toBe(0);
    expect(portal.sandbox.stats().byRoute['POST /crm/v3/objects/{objectType}/batch/create']).toBe(
      undefined,
    );
    expect(second.playbook.tasks.map((t: { id: string }) => t.id).sort()).toEqual(
      tasks.map((t) => t.id).sort(),
    );
    expect(second.playbook.open).toBe(tasks.length);
    // Overdue work first, as the core lists it.
    const overdue = second.playbook.tasks.filter((t: { overdue: boolean }) => t.overdue).length;
    expect(second.playbook.overdue).toBe(overdue);
    expect(
      second.playbook.tasks.slice(0, overdue).every((t: { overdue: boolean }) => t.overdue),
    ).toBe(true);
  });

  it('links each task to its record in the portal the card runs in', async () => {
    const result = expectOk(
      await portal.run('account_health', {
        parameters: { companyId: churner, asOf: ASOF },
        accountId: 4711,
      } as never),
    );
    expect(result.playbook.tasks.length).toBeGreaterThan(0);
    for (const t of result.playbook.tasks)
      expect(t.url).toBe(`https://app.hubspot.com/contacts/4711/record/0-27/${t.id}`);
  });

  it('creates no duplicate when loads of one company run at the same time', async () => {
    const fresh = await openPortal({ seed: 'demo' });
    try {
      const loads = await Promise.all([1, 2, 3, 4].map(() => load(churner, fresh)));
      const tasks = await csopsTasks(fresh, churner);
      const keys = tasks.map((t) => t.properties.csops_action_key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(tasks.length).toBe(Math.max(...loads.map((l) => l.playbook.tasks.length)));
      // Every load lists every task, whichever of them made it.
      for (const l of loads) expect(l.playbook.tasks).toHaveLength(tasks.length);
    } finally {
      await fresh.close();
    }
  });

  it('finds a task an earlier attempt already made by its key instead of making another', async () => {
    const fresh = await openPortal({ seed: 'demo' });
    const company = DEMO_ACCOUNTS.overdueInvoices.id;
    try {
      const planned = (await load(company, fresh)).playbook.tasks;
      // The load that reads next does not see this task on the company, as when another attempt
      // made it after this one read: its create meets the key already taken.
      const hidden = planned[0];
      await fresh.client.crm.associations.v4.basicApi.archive(
        'tasks',
        hidden.id,
        'companies',
        company,
      );
      const again = await load(company, fresh);
      const sameKey = await fresh.client.crm.objects.searchApi.doSearch('tasks', {
        filterGroups: [
          {
            filters: [
              { propertyName: 'csops_action_key', operator: 'EQ' as never, value: hidden.key },
            ],
          },
        ],
        properties: ['csops_action_key'],
        limit: 10,
        sorts: [],
      });
      expect(sameKey.total).toBe(1);
      expect(again.playbook.created).toBe(0);
      expect(again.playbook.tasks.map((t: { id: string }) => t.id)).toContain(hidden.id);
    } finally {
      await fresh.close();
    }
  });

  it('keeps a step a CSM skipped closed, with their reason', async () => {
    const fresh = await openPortal({ seed: 'demo' });
    try {
      const before = (await load(DEMO_ACCOUNTS.expansionReady.id, fresh)).playbook.tasks;
      const step = before[0];
      await fresh.client.crm.objects.basicApi.update('tasks', step.id, {
        properties: {
          hs_task_status: 'COMPLETED',
          csops_outcome: 'skipped',
          csops_closed_note: 'Customer froze budgets until Q3',
        },
      });
      const after = await load(DEMO_ACCOUNTS.expansionReady.id, fresh);
      expect(after.playbook.created).toBe(0);
      const listed = after.playbook.tasks.find((t: { id: string }) => t.id === step.id);
      expect(listed).toMatchObject({ status: 'skipped', note: 'Customer froze budgets until Q3' });
      expect(after.playbook.open).toBe(before.length - 1);
    } finally {
      await fresh.close();
    }
  });

  it('closes open renewal work as skipped, with the reason, once the renewal date moves', async () => {
    const fresh = await openPortal({ seed: 'demo' });
    try {
      const first = await load(churner, fresh);
      const renewalKeys = new Set(
        first.evaluation.actions
          .filter((a: { kind: string }) => a.kind === 'renewal')
          .map((a: { key: string }) => a.key),
      );
      expect(renewalKeys.size).toBeGreaterThan(0);
      await fresh.client.crm.companies.basicApi.update(churner, {
        properties: { csops_renewal_date: '2027-09-30' },
      });
      const moved = await load(churner, fresh);
      const closed = moved.playbook.tasks.filter((t: { key: string }) => renewalKeys.has(t.key));
      expect(closed.length).toBe(renewalKeys.size);
      for (const t of closed) {
        expect(t).toMatchObject({ status: 'skipped', note: 'The renewal date is now 2027-09-30' });
      }
    } finally {
      await fresh.close();
    }
  });

  it('records the steps in the write-back’s wave: three round trips when there is something to write', async () => {
    const fresh = await openPortal({ seed: 'demo' });
    try {
      await load(DEMO_ACCOUNTS.healthyEnterprise.id, fresh);
      fresh.sandbox.setFaults({ latencyMs: 100 });
      fresh.sandbox.resetStats();
      const data = await load(churner, fresh);
      expect(data.playbook.created).toBeGreaterThan(0);
      expect(fresh.sandbox.stats().waves).toBeLessThanOrEqual(3);
    } finally {
      await fresh.close();
    }
  });

  it('stays within three round trips when the ledger has nothing to write', async () => {
    await load(churner);
    portal.sandbox.setFaults({ latencyMs: 100 });
    portal.sandbox.resetStats();
    try {
      const data = await load(churner);
      expect(data.playbook.created).toBe(0);
      expect(portal.sandbox.stats().waves).toBeLessThanOrEqual(3);
    } finally {
      portal.sandbox.setFaults({ latencyMs: 0 });
    }
  });
});

describe('reading a task back', () => {
  const status = fc.constantFrom('NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED');
  const outcome = fc.constantFrom(null, 'done', 'skipped');
  it('is skipped only when completed with outcome skipped, done when otherwise completed, else open', () => {
    fc.assert(
      fc.property(status, outcome, (s, o) => {
        const task = {
          id: '1',
          properties: {
            csops_action_key: 'csops:1:p:t:x:s',
            hs_task_status: s,
            csops_outcome: o,
            hs_lastmodifieddate: ASOF,
          },
        };
        const expected = s !== 'COMPLETED' ? 'open' : o === 'skipped' ? 'skipped' : 'done';
        expect(toLedgerEntry(task).status).toBe(expected);
        const recorded = toRecordedTask(task);
        expect(recorded.status).toBe(expected);
        // A closed task says when; without a completion date, its last change stands for it.
        expect(recorded.completedAt).toBe(expected === 'open' ? null : ASOF);
      }),
    );
  });
});
