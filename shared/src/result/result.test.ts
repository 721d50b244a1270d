import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fail, formatIssues, ok } from './result.js';
import { parseWith } from './zod.js';

const seats = z.object({ account: z.object({ seats: z.number().int().min(0) }), name: z.string() });

describe('Result helpers', () => {
  it('wrap a valid value', () => {
    expect(ok(3)).toEqual({ success: true, data: 3 });
    expect(parseWith(seats, { account: { seats: 4 }, name: 'Acme' })).toEqual({
      success: true,
      data: { account: { seats: 4 }, name: 'Acme' },
    });
  });

  it('name every failing field by its dotted path instead of throwing', () => {
    const r = parseWith(seats, { account: { seats: -1 } });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => i.path)).toEqual(['account.seats', 'name']);
    expect(r.issues.every((i) => i.message.length > 0)).toBe(true);
  });

  it('call a problem with the whole input "(root)"', () => {
    const r = parseWith(seats, 'not an object');
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.path)).toEqual(['(root)']);
  });

  it('format issues one per line for the command line', () => {
    const r = fail([
      { path: 'bands.green', message: 'green must start above yellow' },
      { path: 'arr', message: 'must be 0 or more' },
    ]);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(formatIssues(r.issues)).toBe(
      'bands.green: green must start above yellow\narr: must be 0 or more',
    );
  });
});
