import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPLETE_HANDOFF } from '../../fixtures/handoff.js';
import { defaultSettings } from '../settings/defaults.js';
import { HANDOFF_ITEM_KEYS } from '../vocabulary/keys.js';
import { evaluateHandoff } from './evaluate.js';
import type { HandoffInput } from './types.js';

const settings = defaultSettings();
const asOf = '2026-11-02T09:00:00.000Z';

const complete = COMPLETE_HANDOFF;

const item = (input: HandoffInput, key: string) =>
  evaluateHandoff(input, settings, asOf).items.find((i) => i.key === key);

describe('evaluateHandoff', () => {
  it('is ready for onboarding when everything is filled in', () => {
    const e = evaluateHandoff(complete, settings, asOf);
    expect(e.completeness).toBe(100);
    expect(e.missing).toEqual([]);
    expect(e.readyForOnboarding).toBe(true);
  });

  it('reports an empty draft as 0% with every required item blocking', () => {
    const e = evaluateHandoff({}, settings, asOf);
    expect(e.completeness).toBe(0);
    expect(e.readyForOnboarding).toBe(false);
    expect(e.blocking.map((i) => i.key)).toEqual([
      'customerGoals',
      'successCriteria',
      'implementationRequirements',
      'stakeholders',
      'contractExecuted',
      'paymentTermsConfirmed',
      'kickoffDate',
    ]);
    expect(e.missing).toHaveLength(HANDOFF_ITEM_KEYS.length);
  });

  it('tells the AE which stakeholder role is missing', () => {
    const input = {
      ...complete,
      stakeholders: complete.stakeholders?.filter((s) => s.role !== 'executive_sponsor'),
    };
    const result = item(input, 'stakeholders');
    expect(result?.status).toBe('invalid');
    expect(result?.message).toBe('Add the executive sponsor to stakeholders');
  });

  it('asks for every required role when no stakeholder is listed', () => {
    expect(item({}, 'stakeholders')?.message).toBe(
      'Add the champion, the executive sponsor and the admin to stakeholders',
    );
  });

  it('names the stakeholder whose email is wrong', () => {
    const input = {
      ...complete,
      stakeholders: [
        ...(complete.stakeholders ?? []),
        { name: 'Ana Ito', email: 'ana@', role: 'user' as const },
      ],
    };
    expect(item(input, 'stakeholders')?.message).toBe('Fix the email of Ana Ito ("ana@")');
  });

  it('does not accept a placeholder or a one-word goal', () => {
    expect(item({ customerGoals: 'TBD' }, 'customerGoals')?.status).toBe('invalid');
    expect(item({ customerGoals: 'growth' }, 'customerGoals')?.message).toBe(
      'Describe what the customer wants to achieve (at least 3 words)',
    );
    expect(item({ customerGoals: '   ' }, 'customerGoals')?.status).toBe('missing');
  });

  it('accepts "None" for promises made but not an empty answer', () => {
    expect(item({ promisesMade: 'None' }, 'promisesMade')?.status).toBe('complete');
    expect(item({ promisesMade: 'n/a' }, 'promisesMade')?.status).toBe('invalid');
  });

  it('blocks on a contract that is not executed yet, with a different message than when unanswered', () => {
    expect(item({ contractExecuted: false }, 'contractExecuted')?.message).toBe(
      'The contract is not executed yet: get it signed before handing off',
    );
    expect(item({}, 'contractExecuted')?.message).toBe('Confirm the contract is executed');
    const e = evaluateHandoff({ ...complete, contractExecuted: false }, settings, asOf);
    expect(e.readyForOnboarding).toBe(false);
    expect(e.completeness).toBe(90);
  });

  it('rejects a kickoff date that is not a real date or is already past', () => {
    expect(item({ kickoffDate: '2026-02-30' }, 'kickoffDate')?.status).toBe('invalid');
    expect(item({ kickoffDate: '2026-10-30' }, 'kickoffDate')?.message).toBe(
      'Kickoff date 2026-10-30 is in the past: set the date of the upcoming kickoff',
    );
    expect(item({ kickoffDate: '2026-11-02' }, 'kickoffDate')?.status).toBe('complete');
  });

  it('lets an optional item be missing without blocking onboarding', () => {
    const e = evaluateHandoff({ ...complete, technicalRequirements: undefined }, settings, asOf);
    expect(e.readyForOnboarding).toBe(true);
    expect(e.missing.map((i) => i.key)).toEqual(['technicalRequirements']);
    expect(e.completeness).toBe(92);
  });

  it('follows the admin: an item made required blocks, a weight changes completeness', () => {
    const s = defaultSettings();
    s.handoff.items.technicalRequirements = { required: true, weight: 0 };
    const e = evaluateHandoff({ ...complete, technicalRequirements: undefined }, s, asOf);
    expect(e.readyForOnboarding).toBe(false);
    expect(e.completeness).toBe(100);
  });

  it('counts items when every weight is 0', () => {
    const s = defaultSettings();
    for (const k of HANDOFF_ITEM_KEYS) s.handoff.items[k].weight = 0;
    const e = evaluateHandoff({ customerGoals: complete.customerGoals }, s, asOf);
    expect(e.completeness).toBe(10);
  });

  it('keeps completeness in 0–100 and never lowers it when an item is filled in', () => {
    const keys = fc.subarray([...HANDOFF_ITEM_KEYS]);
    fc.assert(
      fc.property(keys, fc.constantFrom(...HANDOFF_ITEM_KEYS), (filled, extra) => {
        const pick = (ks: readonly string[]) =>
          Object.fromEntries(ks.map((k) => [k, complete[k as keyof HandoffInput]])) as HandoffInput;
        const before = evaluateHandoff(pick(filled), settings, asOf);
        const after = evaluateHandoff(pick([...filled, extra]), settings, asOf);
        expect(before.completeness).toBeGreaterThanOrEqual(0);
        expect(after.completeness).toBeLessThanOrEqual(100);
        expect(after.completeness).toBeGreaterThanOrEqual(before.completeness);
        expect(after.blocking.length).toBeLessThanOrEqual(before.blocking.length);
        expect(before.readyForOnboarding).toBe(before.blocking.length === 0);
      }),
    );
  });
});
