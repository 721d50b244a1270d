import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/defaults.js';
import { handoffAppliesTo } from './applies.js';

describe('handoffAppliesTo', () => {
  const settings = defaultSettings();

  it('keeps the handoff for new business and for a deal without a type', () => {
    expect(handoffAppliesTo('newbusiness', settings)).toBe(true);
    expect(handoffAppliesTo(null, settings)).toBe(true);
    expect(handoffAppliesTo(undefined, settings)).toBe(true);
    expect(handoffAppliesTo('  ', settings)).toBe(true);
  });

  it('skips the handoff for existing business', () => {
    expect(handoffAppliesTo('existingbusiness', settings)).toBe(false);
    expect(handoffAppliesTo(' existingbusiness ', settings)).toBe(false);
  });

  it('skips the handoff for the deal type the admin gives expansion deals', () => {
    const own = defaultSettings();
    own.expansion.dealType = 'upsell';
    expect(handoffAppliesTo('upsell', own)).toBe(false);
    expect(handoffAppliesTo('existingbusiness', own)).toBe(false);
    expect(handoffAppliesTo('upsell', settings)).toBe(true);
  });

  it('keeps the handoff for any other type a portal adds', () => {
    fc.assert(
      fc.property(
        fc.string().filter((t) => !['existingbusiness', ''].includes(t.trim())),
        (type) => handoffAppliesTo(type, settings),
      ),
      { numRuns: 200 },
    );
  });
});
