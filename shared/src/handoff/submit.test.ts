import { describe, expect, it } from 'vitest';
import { COMPLETE_HANDOFF } from '../../fixtures/handoff.js';
import { defaultSettings } from '../settings/defaults.js';
import { submitHandoff } from './submit.js';

const asOf = '2026-11-02T09:00:00.000Z';
const complete = COMPLETE_HANDOFF;

const s = {
  ...defaultSettings(),
  csms: [
    {
      id: 'dana',
      name: 'Dana Ruiz',
      segments: ['mid_market' as const],
      maxArr: 1_000_000,
      maxAccounts: 30,
    },
  ],
};
const routing = { account: { accountId: 'acct-1', arr: 40_000 }, book: [] };
const onboardingSteps = s.playbooks.find((p) => p.id === 'onboarding')?.steps.length ?? -1;

describe('submitHandoff', () => {
  it('starts onboarding and routes the account when the handoff is complete', () => {
    const r = submitHandoff(complete, s, asOf, routing);
    expect(r.accepted).toBe(true);
    expect(r.submittedAt).toBe(asOf);
    expect(r.assignment?.csmId).toBe('dana');
    expect(r.csmToStore).toBe('dana');
    expect(r.refusedBecause).toEqual([]);
  });

  it('refuses with what is still blocking, and routes nobody and starts nothing', () => {
    const r = submitHandoff(
      { ...complete, kickoffDate: undefined, contractExecuted: false },
      s,
      asOf,
      routing,
    );
    expect(r.accepted).toBe(false);
    expect(r.assignment).toBeNull();
    expect(r.csmToStore).toBeNull();
    expect(r.onboardingActions).toEqual([]);
    expect(r.submittedAt).toBeNull();
    expect(r.refusedBecause).toEqual([
      'Contract executed: The contract is not executed yet: get it signed before handing off',
      'Kickoff date: Set the kickoff date',
    ]);
  });

  it('still accepts a complete handoff when no CSM has room, saying so', () => {
    const r = submitHandoff(complete, s, asOf, {
      ...routing,
      account: { accountId: 'acct-1', arr: 500 },
    });
    expect(r.accepted).toBe(true);
    expect(r.csmToStore).toBeNull();
    expect(r.assignment).toMatchObject({
      csmId: null,
      reason: 'No CSM serves SMB accounts: add one in settings',
    });
  });

  it('keeps the CSM already on the account and asks for no write', () => {
    const r = submitHandoff(complete, s, asOf, {
      ...routing,
      account: { accountId: 'acct-1', arr: 40_000, csmId: 'owner-7' },
    });
    expect(r.assignment).toMatchObject({
      csmId: 'owner-7',
      alreadyAssigned: true,
      segment: 'mid_market',
    });
    expect(r.csmToStore).toBeNull();
  });

  it('reads blank ARR as none and an unknown segment as no segment', () => {
    const r = submitHandoff(complete, s, asOf, {
      book: [],
      account: { accountId: 'acct-1', arr: null, segment: 'strategic' },
    });
    expect(r.assignment?.segment).toBe('smb');
  });

  it('starts every onboarding step once, keyed by the account and the submission day', () => {
    const r = submitHandoff(complete, s, asOf, routing);
    expect(r.onboardingActions).toHaveLength(onboardingSteps);
    for (const a of r.onboardingActions) {
      expect(a.playbookId).toBe('onboarding');
      expect(a.key).toMatch(/^csops:acct-1:onboarding:handoff_submitted:2026-11-02:/);
    }
    // Only the handoff's own playbook: a low-coverage account fires nothing else here.
    expect(new Set(r.onboardingActions.map((a) => a.playbookId))).toEqual(new Set(['onboarding']));
  });

  it('keeps the first submission stamp on a resubmission, so the same tasks are found again', () => {
    const first = submitHandoff(complete, s, asOf, routing);
    const again = submitHandoff(complete, s, '2026-11-04T10:00:00.000Z', {
      ...routing,
      submittedBefore: first.submittedAt,
    });
    expect(again.submittedAt).toBe(asOf);
    expect(again.onboardingActions.map((a) => a.key)).toEqual(
      first.onboardingActions.map((a) => a.key),
    );
  });

  it('starts no onboarding steps once first value is on record', () => {
    const r = submitHandoff(complete, s, asOf, {
      ...routing,
      account: { accountId: 'acct-1', arr: 40_000, firstValueAt: '2026-10-01T00:00:00.000Z' },
    });
    expect(r.accepted).toBe(true);
    expect(r.onboardingActions).toEqual([]);
  });
});

describe('submitHandoff under concurrent routing', () => {
  const tight = {
    ...defaultSettings(),
    csms: [
      { id: 'ana', name: 'Ana', segments: ['mid_market' as const], maxArr: 1e7, maxAccounts: 77 },
      { id: 'ben', name: 'Ben', segments: ['mid_market' as const], maxArr: 1e7, maxAccounts: 1000 },
    ],
  };
  const book = [
    { csmId: 'ana', arr: 0, accounts: 76 },
    { csmId: 'ben', arr: 0, accounts: 999 },
  ];
  it('claims the slot after the CSM’s book', () => {
    const r = submitHandoff(complete, tight, asOf, { ...routing, book });
    expect(r.csmToStore).toBe('ana');
    expect(r.csmSlot).toBe('ana#77');
  });
  it('routes elsewhere once the last slot turns out taken', () => {
    const r = submitHandoff(complete, tight, asOf, { ...routing, book, takenSlots: ['ana#77'] });
    expect(r.csmToStore).toBe('ben');
    expect(r.csmSlot).toBe('ben#1000');
    const none = submitHandoff(complete, tight, asOf, {
      ...routing,
      book,
      takenSlots: ['ana#77', 'ben#1000'],
    });
    expect(none.csmToStore).toBeNull();
    expect(none.csmSlot).toBeNull();
    expect(none.assignment?.reason).toContain('Ana has no account slots left');
  });
});
