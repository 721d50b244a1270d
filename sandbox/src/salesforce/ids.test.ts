import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseId, recordId, serialOf, to18 } from './ids.js';

describe('Salesforce ids', () => {
  it('adds the case-safe suffix Salesforce computes', () => {
    // A known pair from a real org: the 15-character id and its 18-character form.
    expect(to18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
  });

  it('starts with the object prefix, is 18 characters and round-trips from its 15-character form', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('001', '003', '006', '00T', '005'),
        fc.nat(10_000_000),
        (p, n) => {
          const id = recordId(p, n);
          expect(id).toHaveLength(18);
          expect(id.startsWith(p)).toBe(true);
          expect(normaliseId(id.slice(0, 15))).toBe(id);
          expect(normaliseId(id)).toBe(id);
          expect(serialOf(id)).toBe(n);
        },
      ),
    );
  });

  it('gives different records different ids even when compared case-insensitively', () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => recordId('001', i).toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a mangled 18-character id', () => {
    const id = recordId('006', 42);
    expect(normaliseId(`${id.slice(0, 15)}ZZZ`)).toBeUndefined();
    expect(normaliseId('not-an-id')).toBeUndefined();
  });
});
