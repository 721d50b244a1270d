import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AssociationSpecAssociationCategoryEnum,
  FilterOperatorEnum,
} from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import type { Filter } from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import { DEMO_ACCOUNTS, DEMO_CSMS, DEMO_PEOPLE } from '@csops/sandbox';
import { checkModel } from './model-check.js';
import { openSandbox, refusal } from './harness.js';
import type { Harness } from './harness.js';

// Playbook tasks as csops writes them: on a company, owned by a CSM, keyed by csops_action_key.
let h: Harness;
let clock = new Date('2026-05-04T09:00:00.000Z');
beforeAll(async () => {
  h = await openSandbox({ seed: 'demo', now: () => clock });
});
afterAll(() => h.sandbox.close());

const tasks = () => h.client.crm.objects.tasks;
const TASK_TO_COMPANY = 192;
const company = DEMO_ACCOUNTS.silentChurner.id;
const csm = DEMO_CSMS[0]!;
const manager = DEMO_PEOPLE[0]!;
const onCompany = (id = company) => [
  {
    to: { id },
    types: [
      {
        associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined,
        associationTypeId: TASK_TO_COMPANY,
      },
    ],
  },
];
const task = (key: string, extra: Record<string, string> = {}) => ({
  properties: {
    hs_task_subject: 'Review the drivers and call the champion',
    hs_task_body: 'Bluefin Health fell to red: usage halved and the champion left.',
    hs_task_status: 'NOT_STARTED',
    hs_task_priority: 'HIGH',
    hs_task_type: 'TODO',
    hs_timestamp: '2026-05-06T09:00:00.000Z',
    hubspot_owner_id: csm.ownerId,
    csops_action_key: key,
    csops_playbook_id: 'health-red',
    csops_triggered_at: '2026-05-04T09:00:00.000Z',
    csops_action_type: 'task',
    ...extra,
  },
  associations: onCompany(),
});
const byKey = (value: string): Filter => ({
  propertyName: 'csops_action_key',
  operator: FilterOperatorEnum.Eq,
  value,
});
async function countWithKey(key: string): Promise<number> {
  return (await tasks().searchApi.doSearch({ filterGroups: [{ filters: [byKey(key)] }], limit: 1 }))
    .total;
}

describe('playbook tasks through crm.objects.tasks', () => {
  it('creates a task on the company, owned by the CSM, and reads it back with its association both ways', async () => {
    const created = await tasks().basicApi.create(task('csops:10003:health-red:a:diagnose'));
    expect(checkModel(created, 'tasks', 'SimplePublicObject')).toEqual([]);
    const read = await tasks().basicApi.getById(
      created.id,
      [
        'hs_task_subject',
        'hs_task_status',
        'hs_timestamp',
        'hubspot_owner_id',
        'csops_action_type',
      ],
      undefined,
      ['companies'],
    );
    expect(read.properties).toMatchObject({
      hs_task_status: 'NOT_STARTED',
      hs_timestamp: '2026-05-06T09:00:00.000Z',
      hubspot_owner_id: csm.ownerId,
      csops_action_type: 'task',
    });
    expect(read.associations?.companies?.results.map((r) => r.id)).toEqual([company]);
    const fromCompany = await h.client.crm.associations.v4.basicApi.getPage(
      'companies',
      company,
      'tasks',
    );
    expect(fromCompany.results.map((r) => String(r.toObjectId))).toContain(created.id);
  });

  it('associates a task to a company with the default v4 association', async () => {
    const created = await tasks().basicApi.create({
      ...task('csops:10003:champion-left:a:new-champion'),
      associations: [],
    });
    await h.client.crm.associations.v4.basicApi.createDefault(
      'tasks',
      created.id,
      'companies',
      DEMO_ACCOUNTS.healthyEnterprise.id,
    );
    const links = await h.client.crm.associations.v4.basicApi.getPage(
      'tasks',
      created.id,
      'companies',
    );
    expect(links.results).toHaveLength(1);
    expect(String(links.results[0]?.toObjectId)).toBe(DEMO_ACCOUNTS.healthyEnterprise.id);
    expect(links.results[0]?.associationTypes.map((t) => t.typeId)).toEqual([TASK_TO_COMPANY]);
  });

  it('refuses an owner the portal does not have with HubSpot’s 400 on the field, creating nothing', async () => {
    const key = 'csops:10003:usage-drop:a:investigate';
    const r = await refusal(tasks().basicApi.create(task(key, { hubspot_owner_id: '99999999' })));
    expect(r.code).toBe(400);
    expect(r.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(String(r.body.message)).toContain('99999999 is not a valid owner id');
    expect(String(r.body.message)).toContain('INVALID_OWNER_ID');
    expect(r.body.errors).toEqual([
      expect.objectContaining({
        code: 'INVALID_OWNER_ID',
        context: { propertyName: ['hubspot_owner_id'] },
      }),
    ]);
    expect(await countWithKey(key)).toBe(0);
    const unknownInBatch = await refusal(
      tasks().batchApi.create({
        inputs: [task(`${key}:1`), task(`${key}:2`, { hubspot_owner_id: 'morgan' })],
      }),
    );
    expect(unknownInBatch.code).toBe(400);
    expect(await countWithKey(`${key}:1`)).toBe(0);
  });

  it('refuses a status HubSpot does not have', async () => {
    const r = await refusal(
      tasks().basicApi.create(task('csops:10003:x:y:z', { hs_task_status: 'SKIPPED' })),
    );
    expect(r.code).toBe(400);
    expect(String(r.body.message)).toContain('INVALID_OPTION');
  });

  it('stamps the completion date when a task is completed, keeps it on later edits, and clears it when reopened', async () => {
    const created = await tasks().basicApi.create(task('csops:10003:renewal-90:a:quote'));
    const props = ['hs_task_status', 'hs_task_completion_date', 'csops_closed_note'];
    const read = async () => (await tasks().basicApi.getById(created.id, props)).properties;
    expect((await read()).hs_task_completion_date).toBeNull();

    clock = new Date('2026-05-05T14:30:00.000Z');
    await tasks().basicApi.update(created.id, { properties: { hs_task_status: 'COMPLETED' } });
    expect(await read()).toMatchObject({
      hs_task_status: 'COMPLETED',
      hs_task_completion_date: '2026-05-05T14:30:00.000Z',
    });

    clock = new Date('2026-05-06T08:00:00.000Z');
    await tasks().basicApi.update(created.id, {
      properties: { csops_closed_note: 'Proposal sent by the AE' },
    });
    expect((await read()).hs_task_completion_date).toBe('2026-05-05T14:30:00.000Z');

    await tasks().basicApi.update(created.id, { properties: { hs_task_status: 'IN_PROGRESS' } });
    expect((await read()).hs_task_completion_date).toBeNull();

    const r = await refusal(
      tasks().basicApi.update(created.id, {
        properties: { hs_task_completion_date: '2026-05-01T00:00:00.000Z' },
      }),
    );
    expect(r.code).toBe(400);
    expect(String(r.body.message)).toContain('READ_ONLY_VALUE');
  });

  it('creates, updates and reads tasks in batches', async () => {
    const keys = ['renewal-30:a:commit', 'renewal-30:a:escalate'].map((k) => `csops:10005:${k}`);
    const created = await tasks().batchApi.create({
      inputs: [
        task(keys[0]!),
        task(keys[1]!, { csops_action_type: 'escalation', hubspot_owner_id: manager.ownerId }),
      ],
    });
    expect(checkModel(created, 'tasks', 'BatchResponseSimplePublicObject')).toEqual([]);
    const ids = created.results.map((t) => t.id);
    clock = new Date('2026-05-07T10:00:00.000Z');
    const updated = await tasks().batchApi.update({
      inputs: [
        { id: ids[0]!, properties: { hs_task_status: 'COMPLETED' } },
        {
          id: ids[1]!,
          properties: { hs_task_status: 'DEFERRED', csops_closed_note: 'Renewal signed early' },
        },
      ],
    });
    expect(checkModel(updated, 'tasks', 'BatchResponseSimplePublicObject')).toEqual([]);
    const read = await tasks().batchApi.read({
      inputs: ids.map((id) => ({ id })),
      properties: [
        'hs_task_status',
        'hs_task_completion_date',
        'csops_closed_note',
        'hubspot_owner_id',
      ],
      propertiesWithHistory: [],
    });
    const byId = new Map(read.results.map((t) => [t.id, t.properties]));
    expect(byId.get(ids[0]!)).toMatchObject({
      hs_task_status: 'COMPLETED',
      hs_task_completion_date: '2026-05-07T10:00:00.000Z',
    });
    expect(byId.get(ids[1]!)).toMatchObject({
      hs_task_status: 'DEFERRED',
      hs_task_completion_date: null,
      csops_closed_note: 'Renewal signed early',
      hubspot_owner_id: manager.ownerId,
    });
  });

  it('finds a company’s open overdue tasks by status, due date, note and association', async () => {
    const other = DEMO_ACCOUNTS.expansionReady.id;
    const due = (iso: string) => ({ hs_timestamp: iso });
    await tasks().batchApi.create({
      inputs: [
        {
          ...task('csops:10004:s:overdue', due('2026-05-01T09:00:00.000Z')),
          associations: onCompany(other),
        },
        {
          ...task('csops:10004:s:later', due('2026-06-01T09:00:00.000Z')),
          associations: onCompany(other),
        },
        {
          ...task('csops:10004:s:done', {
            ...due('2026-04-20T09:00:00.000Z'),
            hs_task_status: 'COMPLETED',
          }),
          associations: onCompany(other),
        },
        {
          ...task('csops:10004:s:skipped', {
            ...due('2026-04-21T09:00:00.000Z'),
            hs_task_status: 'DEFERRED',
            csops_closed_note: 'Customer asked to pause outreach',
          }),
          associations: onCompany(other),
        },
      ],
    });
    const onOther: Filter = {
      propertyName: 'associations.company',
      operator: FilterOperatorEnum.Eq,
      value: other,
    };
    const search = async (filters: Filter[]) =>
      (
        await tasks().searchApi.doSearch({
          filterGroups: [{ filters: [onOther, ...filters] }],
          properties: ['csops_action_key'],
          sorts: ['hs_timestamp'],
          limit: 100,
        })
      ).results.map((t) => t.properties.csops_action_key);
    const open: Filter = {
      propertyName: 'hs_task_status',
      operator: FilterOperatorEnum.In,
      values: ['NOT_STARTED', 'IN_PROGRESS', 'WAITING'],
    };
    expect(await search([open])).toEqual(['csops:10004:s:overdue', 'csops:10004:s:later']);
    expect(
      await search([
        open,
        {
          propertyName: 'hs_timestamp',
          operator: FilterOperatorEnum.Lt,
          value: '2026-05-04T00:00:00.000Z',
        },
      ]),
    ).toEqual(['csops:10004:s:overdue']);
    expect(
      await search([
        {
          propertyName: 'hs_timestamp',
          operator: FilterOperatorEnum.Gt,
          value: String(Date.parse('2026-05-04T00:00:00.000Z')),
        },
      ]),
    ).toEqual(['csops:10004:s:later']);
    expect(
      await search([
        { propertyName: 'csops_closed_note', operator: FilterOperatorEnum.HasProperty },
      ]),
    ).toEqual(['csops:10004:s:skipped']);
    expect(await search([byKey('csops:10004:s:done')])).toEqual(['csops:10004:s:done']);
  });
});

describe('one task per csops_action_key', () => {
  it('answers a second create with the same key with 409 naming the first task', async () => {
    const key = 'csops:10006:onboarding:handoff_submitted:2026-05-04:kickoff';
    const first = await tasks().basicApi.create(task(key));
    const again = await refusal(tasks().basicApi.create(task(key, { hs_task_subject: 'Retry' })));
    expect(again.code).toBe(409);
    expect(again.body).toMatchObject({ status: 'error', category: 'CONFLICT' });
    expect(typeof again.body.correlationId).toBe('string');
    expect(String(again.body.message)).toMatch(new RegExp(`Existing ID: ${first.id}$`));
    expect(again.body.context).toMatchObject({ id: [first.id] });
    expect(await countWithKey(key)).toBe(1);
  });

  it('refuses a batch holding a key already taken, or the same key twice, and writes none of it', async () => {
    const taken = 'csops:10006:onboarding:b:kickoff';
    const first = await tasks().basicApi.create(task(taken));
    const withTaken = await refusal(
      tasks().batchApi.create({ inputs: [task('csops:10006:onboarding:b:fresh'), task(taken)] }),
    );
    expect(withTaken.code).toBe(409);
    expect(String(withTaken.body.message)).toContain(`Existing ID: ${first.id}`);
    expect(await countWithKey('csops:10006:onboarding:b:fresh')).toBe(0);

    const twice = 'csops:10006:onboarding:b:twice';
    const doubled = await refusal(tasks().batchApi.create({ inputs: [task(twice), task(twice)] }));
    expect(doubled.code).toBe(409);
    expect(doubled.body).toMatchObject({ status: 'error', category: 'CONFLICT' });
    expect(String(doubled.body.message)).toContain('csops_action_key');
    expect(await countWithKey(twice)).toBe(0);
  });

  it('refuses an update that would give a task another task’s key', async () => {
    const [a, b] = (
      await tasks().batchApi.create({
        inputs: [task('csops:10002:u:one'), task('csops:10002:u:two')],
      })
    ).results;
    const r = await refusal(
      tasks().basicApi.update(b!.id, { properties: { csops_action_key: 'csops:10002:u:one' } }),
    );
    expect(r.code).toBe(409);
    expect(String(r.body.message)).toContain(`Existing ID: ${a!.id}`);
  });

  it('creates exactly one task when the same action is written by many callers at once', async () => {
    const key = 'csops:10003:health-red:health_below_band:red:2026-05-04:escalate';
    const attempts = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        tasks().basicApi.create(task(key, { hs_task_subject: `Escalation attempt ${i}` })),
      ),
    );
    const made = attempts.filter((a) => a.status === 'fulfilled');
    expect(made).toHaveLength(1);
    const winner = (made[0] as PromiseFulfilledResult<{ id: string }>).value.id;
    const refused = await Promise.all(
      attempts
        .filter((a) => a.status === 'rejected')
        .map((a) => refusal(Promise.reject((a as PromiseRejectedResult).reason))),
    );
    expect(refused).toHaveLength(11);
    for (const r of refused) {
      expect(r.code).toBe(409);
      expect(String(r.body.message)).toContain(`Existing ID: ${winner}`);
    }
    expect(await countWithKey(key)).toBe(1);

    // Concurrent batches racing for the same key: one wins whole, the others write nothing.
    const batchKey = 'csops:10003:renewal-30:c:commit';
    const batches = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        tasks().batchApi.create({ inputs: [task(`${batchKey}:own-${i}`), task(batchKey)] }),
      ),
    );
    expect(batches.filter((b) => b.status === 'fulfilled')).toHaveLength(1);
    expect(await countWithKey(batchKey)).toBe(1);
    const owns = await Promise.all(
      Array.from({ length: 6 }, (_, i) => countWithKey(`${batchKey}:own-${i}`)),
    );
    expect(owns.reduce((a, b) => a + b, 0)).toBe(1);
  });
});
