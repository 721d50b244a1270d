import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLargeBook } from './testing.js';

const bin = fileURLToPath(new URL('../../bin/csops.js', import.meta.url));

/** Runs the command in its own Node with a capped heap, as a user with a big export would. */
function csops(heapMb: number, args: string[]) {
  return spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, bin, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('an export larger than the heap could hold whole', () => {
  // 8 MB, 110,000 rows: read whole with its parsed rows and snapshots it overflows a 96 MB heap;
  // streamed into columns it is back-tested in 80 MB.
  let book: ReturnType<typeof writeLargeBook>;
  beforeAll(() => {
    book = writeLargeBook(8);
  });
  afterAll(() => rmSync(book.dir, { recursive: true, force: true }));

  it('is back-tested within a heap that could not hold it whole', () => {
    const run = csops(80, ['backtest', '--data', book.data, '--mapping', book.mapping]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^rows read 1\d\d,\d{3} = scored/);
  }, 130_000);
});
