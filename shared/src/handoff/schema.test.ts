import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseHandoffInput } from './schema.js';

describe('parseHandoffInput', () => {
  it('trims text and treats blank answers as not given', () => {
    const r = parseHandoffInput({
      customerGoals: '  Cut freight booking time in half  ',
      successCriteria: '   ',
      stakeholders: [{ name: ' Dana Ruiz ', email: ' dana@acme.example ', role: 'champion' }],
      kickoffDate: ' 2026-11-10 ',
    });
    expect(r).toEqual({
      success: true,
      data: {
        customerGoals: 'Cut freight booking time in half',
        successCriteria: undefined,
        stakeholders: [{ name: 'Dana Ruiz', email: 'dana@acme.example', role: 'champion' }],
        kickoffDate: '2026-11-10',
      },
    });
  });

  it('names every field that is wrong', () => {
    const r = parseHandoffInput({
      contractExecuted: 'yes',
      kickoffDate: '10/11/2026',
      stakeholders: [{ name: 'Dana', role: 'boss' }],
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => i.path).sort()).toEqual([
      'contractExecuted',
      'kickoffDate',
      'stakeholders.0.role',
    ]);
    expect(r.issues.find((i) => i.path === 'kickoffDate')?.message).toBe(
      'use a real date written YYYY-MM-DD',
    );
  });

  it('refuses something that is not a handoff at all', () => {
    expect(parseHandoffInput('customer goals').success).toBe(false);
  });
});

describe('isCalendarDate', () => {
  it('knows real dates from lookalikes', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });
});
