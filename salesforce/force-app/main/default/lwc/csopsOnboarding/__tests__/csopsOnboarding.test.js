import { submitHandoff } from 'c/csopsCore';
import { bookFromAggregate, createTasksOnce, handoffAccount, taskKeys } from 'c/csopsOnboarding';
import { settingsFromRecord } from 'c/csopsSettings';

const settingsRecord = require('../../opportunityHandoff/__tests__/data/getSettings.json');
const accountRecord = require('../../opportunityHandoff/__tests__/data/getRecordAccount.json');
const bookAnswer = require('../../opportunityHandoff/__tests__/data/graphqlCsmBook.json');

const { settings } = settingsFromRecord(settingsRecord);
const SUBMITTED = '2026-11-02T09:00:00.000Z';

const COMPLETE = {
  customerGoals: 'Cut freight booking time in half across three depots',
  successCriteria: '80% of bookings made in the platform by day 60',
  technicalRequirements: 'SSO through Okta and an ERP export every night',
  implementationRequirements: 'Roll out to two depots in Q1, the third in Q2',
  stakeholders: [
    { name: 'Dana Ruiz', role: 'champion' },
    { name: 'Sam Okafor', role: 'executive_sponsor' },
    { name: 'Lee Chen', role: 'admin' },
  ],
  competitiveAlternatives: 'Freightly',
  promisesMade: 'None',
  contractExecuted: true,
  paymentTermsConfirmed: true,
  kickoffDate: '2026-11-10',
};
const submit = (account) =>
  submitHandoff(COMPLETE, settings, SUBMITTED, { account: handoffAccount(account), book: [] });

const withFields = (fields) => ({
  ...accountRecord,
  fields: { ...accountRecord.fields, ...fields },
});

describe('c/csopsOnboarding', () => {
  it('reads each CSM book from the GraphQL aggregate grouped by CSM', () => {
    expect(bookFromAggregate(bookAnswer)).toEqual([
      { csmId: '005Dp000002CsmAAA', arr: 880000, accounts: 21 },
      { csmId: '005Dp000002CsmBAA', arr: 310000, accounts: 9 },
    ]);
  });

  it('counts accounts without ARR and skips the group of accounts with no CSM', () => {
    const answer = {
      uiapi: {
        aggregate: {
          Account: {
            edges: [
              {
                node: {
                  aggregate: {
                    Csops_CSM__c: { value: '005Dp000002CsmAAA' },
                    Csops_ARR__c: { sum: { value: null } },
                    Id: { count: { value: 3 } },
                  },
                },
              },
              {
                node: {
                  aggregate: {
                    Csops_CSM__c: { value: null },
                    Csops_ARR__c: { sum: { value: 50000 } },
                    Id: { count: { value: 2 } },
                  },
                },
              },
            ],
          },
        },
      },
    };
    expect(bookFromAggregate(answer)).toEqual([
      { csmId: '005Dp000002CsmAAA', arr: 0, accounts: 3 },
    ]);
    expect(bookFromAggregate(undefined)).toEqual([]);
  });

  it('reads the action keys of existing Tasks', () => {
    const answer = {
      uiapi: {
        query: {
          Task: {
            edges: [
              {
                node: {
                  Id: '00T1',
                  Csops_Action_Key__c: { value: 'csops:a:onboarding:x:kickoff' },
                },
              },
              { node: { Id: '00T2', Csops_Action_Key__c: { value: null } } },
            ],
          },
        },
      },
    };
    expect([...taskKeys(answer)]).toEqual(['csops:a:onboarding:x:kickoff']);
  });

  it('routes on ARR and a known segment only', () => {
    const unassigned = { Csops_CSM__c: { value: null } };
    expect(submit(withFields(unassigned)).assignment.segment).toBe('mid_market');
    const unknown = withFields({
      ...unassigned,
      Csops_ARR__c: { value: null },
      Csops_Segment__c: { value: 'strategic' },
    });
    expect(submit(unknown).assignment.segment).toBe('smb');
  });

  it('starts no onboarding steps for an account that already reached first value', () => {
    expect(submit(accountRecord).onboardingActions).toHaveLength(4);
    const live = withFields({ Csops_First_Value_At__c: { value: '2026-09-01T00:00:00.000Z' } });
    expect(submit(live).onboardingActions).toEqual([]);
  });

  it('passes on any failure other than a duplicate key', async () => {
    const input = (key) => ({ apiName: 'Task', fields: { Csops_Action_Key__c: key } });
    const create = jest
      .fn()
      .mockResolvedValueOnce({})
      .mockRejectedValueOnce({
        status: 400,
        body: [{ errorCode: 'DUPLICATE_VALUE', message: 'dup' }],
      })
      .mockRejectedValueOnce({ status: 500, body: { message: 'Server error' } });

    await expect(
      createTasksOnce([input('a'), input('b'), input('c'), input('d')], new Set(), create),
    ).rejects.toEqual({ status: 500, body: { message: 'Server error' } });
    expect(create).toHaveBeenCalledTimes(3);

    const again = jest.fn().mockResolvedValue({});
    await expect(
      createTasksOnce([input('a'), input('b'), input('c')], new Set(['a', 'b']), again),
    ).resolves.toEqual({ created: ['c'], existing: ['a', 'b'] });
    expect(again).toHaveBeenCalledTimes(1);
  });
});
