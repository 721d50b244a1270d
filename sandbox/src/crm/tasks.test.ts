import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HubSpotError } from '../errors.js';
import { seedPortal } from '../seed/index.js';
import { DEMO_CSMS } from '../seed/portal.js';
import { createRecords, updateRecords } from './records.js';

// Tasks as the playbook writer makes them, straight on the store: one per csops_action_key, and
// a completion stamp that follows the status.
const fresh = () => seedPortal('empty', 1, new Date('2026-05-01T00:00:00Z'));
const withCsops = () => {
  const store = fresh();
  const tasks = store.objectType('tasks')!;
  store.commit([
    {
      k: 'prop',
      t: tasks.objectTypeId,
      p: {
        ...store.property(tasks.objectTypeId, 'hs_task_subject')!,
        name: 'csops_action_key',
        hubspotDefined: false,
        hasUniqueValue: true,
      },
    },
  ]);
  return { store, tasks };
};
const at = (minute: number) => new Date(Date.UTC(2026, 4, 1, 9, minute)).toISOString();

describe('one task per csops_action_key, for any sequence of creates', () => {
  it('writes a batch whole or not at all, and never two tasks with one key', () => {
    const batch = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(fc.array(batch, { minLength: 1, maxLength: 8 }), (batches) => {
        const { store, tasks } = withCsops();
        const held = new Set<string>();
        for (const keys of batches) {
          const before = store.listRecords(tasks.objectTypeId).length;
          const clashes = keys.some((k, i) => held.has(k) || keys.indexOf(k) !== i);
          try {
            createRecords(
              store,
              tasks,
              keys.map((k) => ({
                properties: { hs_task_subject: `Step ${k}`, csops_action_key: k },
              })),
              at(0),
            );
            expect(clashes).toBe(false);
            for (const k of keys) held.add(k);
          } catch (err) {
            expect(err).toBeInstanceOf(HubSpotError);
            expect((err as HubSpotError).status).toBe(409);
            expect(clashes).toBe(true);
            expect(store.listRecords(tasks.objectTypeId)).toHaveLength(before);
          }
        }
        const keys = store
          .listRecords(tasks.objectTypeId)
          .map((r) => r.properties.csops_action_key);
        expect(new Set(keys).size).toBe(keys.length);
        expect(new Set(keys)).toEqual(held);
      }),
    );
  });
});

describe('the completion stamp', () => {
  it('is set exactly while the task is completed, at the moment it was last completed', () => {
    const status = fc.constantFrom(
      'NOT_STARTED',
      'IN_PROGRESS',
      'WAITING',
      'COMPLETED',
      'DEFERRED',
    );
    fc.assert(
      fc.property(status, fc.array(status, { maxLength: 10 }), (first, later) => {
        const { store, tasks } = withCsops();
        const [task] = createRecords(
          store,
          tasks,
          [{ properties: { hs_task_subject: 'Kickoff', hs_task_status: first } }],
          at(0),
        );
        let completedAt = first === 'COMPLETED' ? at(0) : '';
        let current = first;
        later.forEach((next, i) => {
          updateRecords(
            store,
            tasks,
            [{ id: task!.id, properties: { hs_task_status: next } }],
            at(i + 1),
          );
          if (next === 'COMPLETED' && current !== 'COMPLETED') completedAt = at(i + 1);
          if (next !== 'COMPLETED') completedAt = '';
          current = next;
        });
        const stored = store.getRecord(tasks.objectTypeId, task!.id)!.properties;
        expect(stored.hs_task_completion_date ?? '').toBe(completedAt);
      }),
    );
  });

  it('cannot be written, and an owner must be one of the portal’s', () => {
    const { store, tasks } = withCsops();
    const write = (properties: Record<string, string>) => () =>
      createRecords(store, tasks, [{ properties }], at(0));
    expect(write({ hs_task_completion_date: at(0) })).toThrow(/READ_ONLY_VALUE/);
    expect(write({ hubspot_owner_id: '404' })).toThrow(/404 is not a valid owner id/);
    expect(write({ hubspot_owner_id: DEMO_CSMS[0]!.ownerId })).not.toThrow();
  });
});
