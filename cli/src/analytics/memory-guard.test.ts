import { describe, expect, it } from 'vitest';
import { ensureRoom, memoryGuard } from './memory-guard.js';

describe('the memory guard', () => {
  it('lets a read go on while the heap has room, checking every so many rows', () => {
    const guard = memoryGuard(0.5, 100, Number.MAX_SAFE_INTEGER);
    expect(() => guard(100, 'line 101')).not.toThrow();
  });

  it('stops a read that has filled its share of the heap, naming where and how much', () => {
    const guard = memoryGuard(0.5, 100, 2 ** 20);
    expect(() => guard(99, 'line 100')).not.toThrow();
    expect(() => guard(100, 'line 101')).toThrow(
      /too large for the memory Node has here: stopped at line 101 after 100 rows, with \d+ MB of its 1 MB heap in use. Split the file, or give Node more memory, e.g. NODE_OPTIONS=--max-old-space-size=2/,
    );
  });

  it('refuses work that needs more heap than is left', () => {
    expect(() => ensureRoom(1000, 100, 'back-test', Number.MAX_SAFE_INTEGER)).not.toThrow();
    expect(() => ensureRoom(1_000_000, 1000, 'back-test', 2 ** 30)).toThrow(
      'to back-test 1,000,000 rows needs about 954 MB more',
    );
  });
});
