import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/defaults.js';
import { csmToStore, submissionRecord, withTaskIds } from './record.js';
import { parseSubmissionRecord } from './schema.js';
import { submitHandoff } from './submit.js';
import type { HandoffInput } from './types.js';

const asOf = '2026-11-02T09:00:00.000Z';
const complete: HandoffInput = {
  customerGoals: 'Cut freight booking time in half across three depots',
  successCriteria: '80% of bookings made in the platform by day 60',
  implementationRequirements: 'Roll out to two depots in Q1, the third in Q2',
  stakeholders: [
    { name: 'Dana Ruiz', role: 'champion' },
    { name: 'Sam Okafor', role: 'executive_sponsor' },
    { name: 'Lee Chen', role: 'admin' },
  ],
  contractExecuted: true,
  paymentTermsConfirmed: true,
  kickoffDate: '2026-11-10',
};
const settings = {
  ...defaultSettings(),
  csms: [
    { id: 'dana', name: 'Dana', segments: ['mid_market' as const], maxArr: 1e6, maxAccounts: 3 },
  ],
};
const ctx = { account: { accountId: 'acct-1', arr: 40_000 }, book: [] };

describe('submissionRecord', () => {
  it('records who submitted, when, the CSM with its slot and every task to create', () => {
    const record = submissionRecord(submitHandoff(complete, settings, asOf, ctx), 'ae@x.example');
    expect(record).toMatchObject({
      submittedAt: asOf,
      submittedBy: 'ae@x.example',
      csm: { id: 'dana', alreadyAssigned: false, slot: 'dana#1' },
    });
    expect(record?.tasks.length).toBeGreaterThan(0);
    expect(record?.tasks.every((t) => t.id === null && t.key.startsWith('csops:acct-1:'))).toBe(
      true,
    );
    expect(record && csmToStore(record)).toBe('dana');
  });

  it('records nothing for a refused submission', () => {
    expect(submissionRecord(submitHandoff({}, settings, asOf, ctx), null)).toBeNull();
  });

  it('reads back what it stored, with the task ids, and nothing from a value that is not a record', () => {
    const record = submissionRecord(submitHandoff(complete, settings, asOf, ctx), null);
    if (!record) throw new Error('accepted submission expected');
    const first = record.tasks[0]?.key ?? '';
    const withIds = withTaskIds(record, new Map([[first, '9001']]));
    expect(parseSubmissionRecord(JSON.stringify(withIds))?.tasks[0]?.id).toBe('9001');
    expect(parseSubmissionRecord('{"submittedAt":1}')).toBeNull();
    expect(parseSubmissionRecord('not json')).toBeNull();
    expect(parseSubmissionRecord(null)).toBeNull();
  });
});
