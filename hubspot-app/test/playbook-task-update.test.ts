import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWith } from '@csops/core';
import { DEMO_ACCOUNTS, DEMO_CSMS } from '@csops/sandbox';
import {
  expectOk,
  openPortal,
  type FunctionContext,
  type FunctionResult,
  type Portal,
} from './harness.js';

const { playbookTaskUpdateInput } = createRequire(import.meta.url)(
  '../src/app/functions/lib/inputs.js',
) as { playbookTaskUpdateInput: Parameters<typeof parseWith>[0] };

let portal: Portal;
beforeAll(async () => {
  portal = await openPortal({ seed: 'demo', retryAfterSeconds: 1 });
});
afterAll(() => portal.close());

const TASK_TO_COMPANY = 192;
const AS_OF = '2026-12-01T09:00:00.000Z';
const companyId = DEMO_ACCOUNTS.silentChurner.id;
const otherCompanyId = DEMO_ACCOUNTS.healthyEnterprise.id;
const csm = DEMO_CSMS[0]!;
let keys = 0;

/** A task as the playbook ledger writes it, on the company unless told otherwise. */
async function playbookTask(
  options: { dueAt?: string; company?: string; key?: string | null; title?: string } = {},
) {
  const key =
    options.key === undefined
      ? `csops:${companyId}:red-recovery:t:${++keys}:diagnose`
      : options.key;
  const created = await portal.client.crm.objects.basicApi.create('tasks', {
    properties: {
      hs_task_subject: options.title ?? 'Diagnose the drop with the account team',
      hs_task_body: 'Health fell to red · Red health recovery',
      hs_timestamp: options.dueAt ?? '2026-11-28T09:00:00.000Z',
      hs_task_status: 'NOT_STARTED',
      hs_task_priority: 'MEDIUM',
      hubspot_owner_id: csm.ownerId,
      ...(key === null
        ? {}
        : {
            csops_action_key: key,
            csops_playbook_id: 'red-recovery',
            csops_triggered_at: '2026-11-26T09:00:00.000Z',
            csops_action_type: 'task',
          }),
    },
    associations: [
      {
        to: { id: options.company ?? companyId },
        types: [
          { associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: TASK_TO_COMPANY },
        ],
      },
    ],
  });
  return created.id;
}

async function taskProperties(id: string) {
  const task = await portal.client.crm.objects.basicApi.getById('tasks', id, [
    'hs_task_status',
    'csops_outcome',
    'csops_closed_note',
    'hs_lastmodifieddate',
  ]);
  return task.properties;
}

function update(parameters: Record<string, unknown>) {
  // The portal id reaches a function in its context, as HubSpot passes it.
  const context: FunctionContext = { parameters: { asOf: AS_OF, ...parameters } };
  return portal.run('playbook_task_update', { ...context, accountId: 4242 } as FunctionContext);
}

/** The writes the sandbox saw since the last reset (reads by POST excluded). */
function writes() {
  return Object.entries(portal.sandbox.stats().byRoute).filter(
    ([route]) => /^(PATCH|POST|PUT|DELETE) /.test(route) && !/search|\/read/.test(route),
  );
}

describe('playbook_task_update function', () => {
  it('marks a task done with the CSM’s note, and answers it as the card lists it', async () => {
    const taskId = await playbookTask();
    const { task } = expectOk(
      await update({ companyId, taskId, outcome: 'done', note: 'Met the team on Monday' }),
    );
    expect(task).toMatchObject({
      id: taskId,
      key: expect.stringContaining(`csops:${companyId}:red-recovery:`),
      title: 'Diagnose the drop with the account team',
      status: 'done',
      note: 'Met the team on Monday',
      ownerId: csm.ownerId,
      ownerName: csm.name,
      overdue: false,
      dueToday: false,
      url: `https://app.hubspot.com/contacts/4242/record/0-27/${taskId}`,
    });
    expect(task.completedAt).toEqual(expect.any(String));
    expect(await taskProperties(taskId)).toMatchObject({
      hs_task_status: 'COMPLETED',
      csops_outcome: 'done',
      csops_closed_note: 'Met the team on Monday',
    });
  });

  it('skips a task with the reason, which HubSpot then shows on the task', async () => {
    const taskId = await playbookTask();
    const { task } = expectOk(
      await update({ companyId, taskId, outcome: 'skipped', note: '  Customer asked to pause  ' }),
    );
    expect(task).toMatchObject({ status: 'skipped', note: 'Customer asked to pause' });
    expect(await taskProperties(taskId)).toMatchObject({
      hs_task_status: 'COMPLETED',
      csops_outcome: 'skipped',
      csops_closed_note: 'Customer asked to pause',
    });
  });

  it('marks a task done without a note, when the CSM gives none', async () => {
    const taskId = await playbookTask();
    const { task } = expectOk(await update({ companyId, taskId, outcome: 'done' }));
    expect(task).toMatchObject({ status: 'done', note: null });
    expect((await taskProperties(taskId)).csops_closed_note ?? null).toBeNull();
  });

  it('writes nothing on a second call with the same outcome, and keeps the first note', async () => {
    const taskId = await playbookTask();
    const first = expectOk(await update({ companyId, taskId, outcome: 'skipped', note: 'Paused' }));
    const before = await taskProperties(taskId);
    portal.sandbox.resetStats();
    const again = expectOk(
      await update({ companyId, taskId, outcome: 'skipped', note: 'Paused, said twice' }),
    );
    expect(writes()).toEqual([]);
    expect(again.task).toEqual(first.task);
    expect(await taskProperties(taskId)).toEqual(before);
  });

  it('lands one outcome for a double click, both clicks answered with it', async () => {
    const taskId = await playbookTask();
    const [a, b] = await Promise.all([
      update({ companyId, taskId, outcome: 'done' }),
      update({ companyId, taskId, outcome: 'done' }),
    ]);
    expect(expectOk(a).task.status).toBe('done');
    expect(expectOk(b).task.status).toBe('done');
    expect(await taskProperties(taskId)).toMatchObject({
      hs_task_status: 'COMPLETED',
      csops_outcome: 'done',
    });
  });

  it('closes the task once even when HubSpot fails and rate-limits requests', async () => {
    const taskId = await playbookTask();
    portal.sandbox.resetStats();
    portal.sandbox.setFaults({ failureRate: 0.3, requestsPer10s: 25 });
    let stats: ReturnType<Portal['sandbox']['stats']>;
    const results: FunctionResult[] = [];
    try {
      for (let i = 0; i < 3; i++)
        results.push(await update({ companyId, taskId, outcome: 'skipped', note: 'Duplicate' }));
      stats = portal.sandbox.stats();
    } finally {
      portal.sandbox.setFaults({ failureRate: 0, requestsPer10s: 0 });
    }
    expect(stats.injectedFailures + stats.rateLimited).toBeGreaterThan(0);
    for (const r of results) expect(expectOk(r).task).toMatchObject({ status: 'skipped' });
    expect(await taskProperties(taskId)).toMatchObject({
      csops_outcome: 'skipped',
      csops_closed_note: 'Duplicate',
    });
  });

  it('refuses a skip without a reason, or with one too long, naming the field and writing nothing', async () => {
    const taskId = await playbookTask();
    portal.sandbox.resetStats();
    for (const [note, message] of [
      [undefined, 'say why this task is skipped'],
      ['   ', 'must not be empty'],
      ['x'.repeat(501), 'keep it to 500 characters'],
    ] as const) {
      const result = await update({ companyId, taskId, outcome: 'skipped', note });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: 'note', message }] },
      });
    }
    expect(portal.sandbox.stats().requests).toBe(0);
    expect(
      expectOk(await update({ companyId, taskId, outcome: 'skipped', note: 'x'.repeat(500) })).task
        .status,
    ).toBe('skipped');
  });

  it('refuses an outcome or an id it does not know, before reading anything', async () => {
    portal.sandbox.resetStats();
    const wrong = await update({ companyId, taskId: 'abc', outcome: 'later' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const paths = !wrong.ok ? (wrong.error.issues ?? []).map((i) => i.path).sort() : [];
    expect(paths).toEqual(['outcome', 'taskId']);
    const unnamed = await update({ taskId: '1', outcome: 'done' });
    expect(!unnamed.ok && unnamed.error.issues).toEqual([
      { path: 'companyId', message: 'must be a HubSpot record id (digits)' },
    ]);
    expect(portal.sandbox.stats().requests).toBe(0);
  });

  it('takes any skip reason of 1 to 500 characters once trimmed, and no other', () => {
    const padding = fc.string({ unit: fc.constantFrom(' ', '\n', '\t'), maxLength: 3 });
    fc.assert(
      fc.property(padding, fc.string({ maxLength: 520 }), padding, (before, words, after) => {
        const parsed = parseWith(playbookTaskUpdateInput, {
          companyId: '1',
          taskId: '2',
          outcome: 'skipped',
          note: `${before}${words}${after}`,
        });
        const reason = `${before}${words}${after}`.trim();
        const fits = reason.length >= 1 && reason.length <= 500;
        expect(parsed.success).toBe(fits);
        if (parsed.success) expect((parsed.data as { note: string }).note).toBe(reason);
        else expect(parsed.issues.map((i) => i.path)).toEqual(['note']);
      }),
    );
  });

  it('refuses a task csops did not create, and leaves it open', async () => {
    const taskId = await playbookTask({ key: null, title: 'Call about lunch' });
    const result = await update({ companyId, taskId, outcome: 'done' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_a_playbook_task' } });
    expect(!result.ok && result.error.message).toContain('not created by csops');
    expect((await taskProperties(taskId)).hs_task_status).toBe('NOT_STARTED');
  });

  it('refuses a task of another company, and leaves it open', async () => {
    const taskId = await playbookTask({ company: otherCompanyId });
    const result = await update({ companyId, taskId, outcome: 'done' });
    expect(result).toMatchObject({ ok: false, error: { code: 'other_company' } });
    expect((await taskProperties(taskId)).hs_task_status).toBe('NOT_STARTED');
  });

  it('refuses to turn a done task into a skipped one, saying it is done', async () => {
    const taskId = await playbookTask();
    expectOk(await update({ companyId, taskId, outcome: 'done' }));
    const result = await update({ companyId, taskId, outcome: 'skipped', note: 'Not needed' });
    expect(result).toMatchObject({ ok: false, error: { code: 'already_closed' } });
    expect(!result.ok && result.error.message).toContain('already done');
    expect((await taskProperties(taskId)).csops_outcome).toBe('done');
  });

  it('says the task no longer exists when it was deleted', async () => {
    const result = await update({ companyId, taskId: '999999999', outcome: 'done' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'This task no longer exists in HubSpot.' },
    });
  });
});
