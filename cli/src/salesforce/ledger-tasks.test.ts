import { defaultSettings } from '@csops/core';
import type { PlaybookAction } from '@csops/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerEntry, taskToClose, taskToCreate } from './ledger-tasks.js';
import { loadSalesforceModules } from './lwc.js';
import type { Onboarding } from './lwc.js';

let onboarding: Onboarding;
beforeAll(async () => {
  ({ onboarding } = await loadSalesforceModules());
});

const action = (over: Partial<PlaybookAction>): PlaybookAction => ({
  key: 'csops:001A:risk:band_drop:2026-12-01:call',
  accountId: '001A',
  playbookId: 'risk',
  playbookName: 'Red account recovery',
  kind: 'risk',
  triggerInstance: 'band_drop:2026-12-01',
  triggerReason: 'Health fell to red',
  stepKey: 'call',
  type: 'task',
  title: 'Call the champion',
  assignee: 'csm',
  triggeredAt: '2026-12-01T00:00:00.000Z',
  dueAt: '2026-12-03T00:00:00.000Z',
  dueToday: false,
  overdue: false,
  ...over,
});
const people = { accountId: '001A', csmId: '005CSM', ownerId: '005OWNER' };

describe('playbook steps as Tasks', () => {
  it('writes the fields the Account page writes, with the key, due date and the Account', () => {
    const t = taskToCreate(action({}), people, defaultSettings(), onboarding);
    expect(t).toMatchObject({
      attributes: { type: 'Task' },
      Subject: 'Call the champion',
      ActivityDate: '2026-12-03',
      WhatId: '001A',
      OwnerId: '005CSM',
      Csops_Action_Key__c: 'csops:001A:risk:band_drop:2026-12-01:call',
      Status: 'Not Started',
      Priority: 'Normal',
    });
    expect(String(t.Description)).toContain('Red account recovery');
  });

  it('gives each step to its owner as the core says: no CSM → the Account owner; escalations → the CS manager', () => {
    const settings = { ...defaultSettings(), team: { manager: { id: '005MGR', name: 'Mo' } } };
    const noCsm = { ...people, csmId: null };
    expect(taskToCreate(action({}), noCsm, settings, onboarding).OwnerId).toBe('005OWNER');
    const escalation = taskToCreate(
      action({ type: 'escalation', assignee: 'manager', title: 'Escalate' }),
      people,
      settings,
      onboarding,
    );
    expect(escalation).toMatchObject({
      OwnerId: '005MGR',
      Priority: 'High',
      Subject: '[Escalation] Escalate',
    });
  });

  it('reads a Task back as a ledger entry: completed is done, anything else open', () => {
    const row = {
      Id: '00T1',
      Csops_Action_Key__c: 'k',
      Status: 'Completed',
      CreatedDate: '2026-11-30T08:00:00.000+0000',
    };
    expect(ledgerEntry(row, 'Csops_Action_Key__c')).toEqual({
      key: 'k',
      status: 'done',
      triggeredAt: '2026-11-30T08:00:00.000Z',
    });
    // A skip on the Account page, or a step csops closed as no longer needed, stays skipped.
    expect(
      ledgerEntry({ ...row, Csops_Outcome__c: 'skipped' }, 'Csops_Action_Key__c')?.status,
    ).toBe('skipped');
    expect(ledgerEntry({ ...row, Status: 'In Progress' }, 'Csops_Action_Key__c')?.status).toBe(
      'open',
    );
    expect(ledgerEntry({ ...row, Csops_Action_Key__c: null }, 'Csops_Action_Key__c')).toBeNull();
  });

  it('closes a step by completing its Task and keeps what the CSM wrote', () => {
    const closed = taskToClose(
      { Id: '00T1', Description: 'Spoke to Dana.' },
      { key: 'k', note: 'Health is back to yellow', outcome: 'skipped' },
    );
    expect(closed).toEqual({
      attributes: { type: 'Task' },
      Id: '00T1',
      Status: 'Completed',
      Csops_Outcome__c: 'skipped',
      Description: 'Spoke to Dana.\n\ncsops closed this step: Health is back to yellow',
    });
  });
});
