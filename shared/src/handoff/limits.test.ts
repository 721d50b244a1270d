import { describe, expect, it } from 'vitest';
import { COMPLETE_HANDOFF } from '../../fixtures/handoff.js';
import { defaultSettings } from '../settings/defaults.js';
import { evaluateHandoff } from './evaluate.js';
import { HANDOFF_MAX_CHARS, storedSize } from './limits.js';
import { parseHandoffInput } from './schema.js';
import type { HandoffInput } from './types.js';

const asOf = '2026-11-02T09:00:00.000Z';
const complete = COMPLETE_HANDOFF;

// Within every field's own limit, yet too long for the deal once stored: line breaks and quotes
// take two characters each in the stored JSON.
const dense = (word: string) => `"${word}"\n`.repeat(Math.floor(4_990 / (word.length + 3)));
const tooLong: HandoffInput = {
  ...complete,
  customerGoals: dense('a'),
  successCriteria: dense('a'),
  technicalRequirements: dense('a'),
  implementationRequirements: dense('a'),
  competitiveAlternatives: dense('a'),
  promisesMade: dense('a'),
  stakeholders: [
    ...(complete.stakeholders ?? []),
    ...Array.from({ length: 47 }, (_, i) => ({
      name: `Person ${i} ${'n'.repeat(185)}`,
      email: `p${i}@${'d'.repeat(240)}.example`,
      role: 'user' as const,
    })),
  ],
};

describe('handoff size limits', () => {
  it('refuses a handoff the deal cannot store, on the field that takes the most room', () => {
    expect(storedSize(tooLong)).toBeGreaterThan(HANDOFF_MAX_CHARS);
    const r = parseHandoffInput(tooLong);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]?.path).toBe('stakeholders');
    expect(r.issues[0]?.message).toMatch(
      /^The handoff is [\d,]+ characters longer than the deal can store \(65,536\): shorten Stakeholders$/,
    );
  });

  it('blocks submission on that field while the AE types', () => {
    const e = evaluateHandoff(tooLong, defaultSettings(), asOf);
    expect(e.readyForOnboarding).toBe(false);
    const item = e.items.find((i) => i.key === 'stakeholders');
    expect(item?.status).toBe('invalid');
    expect(item?.message).toContain('shorten Stakeholders');
    expect(e.blocking.map((i) => i.key)).toEqual(['stakeholders']);
  });

  it('refuses an email no mail system delivers to', () => {
    const r = parseHandoffInput({
      stakeholders: [{ name: 'Dana', email: `${'d'.repeat(250)}@x.example`, role: 'champion' }],
    });
    expect(r).toMatchObject({
      success: false,
      issues: [{ path: 'stakeholders.0.email', message: 'keep the email under 254 characters' }],
    });
  });

  it('accepts a complete handoff of ordinary size', () => {
    expect(parseHandoffInput(complete).success).toBe(true);
    expect(evaluateHandoff(complete, defaultSettings(), asOf).readyForOnboarding).toBe(true);
  });
});
