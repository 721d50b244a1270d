import { describe, expect, it } from 'vitest';
import { formatAlertLog, parseAlertLog } from './log.js';

describe('the alert log as the CRM stores it', () => {
  it('reads back what it wrote', () => {
    const log = {
      'renewal_stage:1:90:2027-01-25': '2026-11-02T09:00:00.000Z',
      'band_drop:1:green->yellow:2026-11-01': '2026-11-01T10:00:00.000Z',
    };
    expect(parseAlertLog(formatAlertLog(log))).toEqual(log);
  });

  it('reads anything unreadable as an empty log, without throwing', () => {
    for (const text of [
      undefined,
      null,
      '',
      '   ',
      'not json',
      '[1,2]',
      'null',
      '42',
      '"x"',
      '{"a":',
      '{"a":1}',
    ]) {
      expect(parseAlertLog(text)).toEqual({});
    }
  });

  it('keeps the readable entries of a damaged log', () => {
    const text = JSON.stringify({
      good: '2026-11-02T09:00:00.000Z',
      bad: 'yesterday',
      worse: { at: 1 },
      '': '2026-11-02T09:00:00.000Z',
    });
    expect(parseAlertLog(text)).toEqual({ good: '2026-11-02T09:00:00.000Z' });
  });

  it('writes the same text for the same log, whatever order it was built in', () => {
    const a = { b: '2026-11-02T09:00:00.000Z', a: '2026-11-01T09:00:00.000Z' };
    const b = { a: '2026-11-01T09:00:00.000Z', b: '2026-11-02T09:00:00.000Z' };
    expect(formatAlertLog(a)).toBe(formatAlertLog(b));
  });
});
