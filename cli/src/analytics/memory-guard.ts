import { getHeapStatistics } from 'node:v8';
import { InputError } from './input-error.js';

const mb = (n: number) => `${Math.round(n / 2 ** 20).toLocaleString('en-US')} MB`;
/**
 * What long-lived data may fill: V8's heap limit less the young generation it reserves (48 MB on
 * 64-bit Node), since rows kept across a read live in the old generation.
 */
const heapLimit = () => {
  const limit = getHeapStatistics().heap_size_limit;
  return limit - Math.min(48 * 2 ** 20, limit / 2);
};
const advice = (limit: number) =>
  `Split the file, or give Node more memory, e.g. NODE_OPTIONS=--max-old-space-size=${Math.ceil((limit * 2) / 2 ** 20)}`;

/**
 * Stops a read before Node runs out of heap (which kills the process without a word): checked
 * every `every` rows, it throws once the heap passes `share` of its limit. The share leaves room
 * for the work that follows reading, which needs memory in proportion to the rows kept.
 */
export function memoryGuard(
  share = 0.5,
  every = 1024,
  limit = heapLimit(),
): (rows: number, location: string) => void {
  return (rows, location) => {
    if (rows % every !== 0) return;
    const used = process.memoryUsage().heapUsed;
    if (used <= share * limit) return;
    throw new InputError(
      `the export is too large for the memory Node has here: stopped at ${location} after ${rows.toLocaleString('en-US')} rows, with ${mb(used)} of its ${mb(limit)} heap in use. ${advice(limit)}`,
    );
  };
}

/**
 * Refuses, before starting, work that would need more heap than is left: `bytesPerRow` is what
 * the work was measured to take per row, on top of the rows as read.
 */
export function ensureRoom(
  rows: number,
  bytesPerRow: number,
  what: string,
  limit = heapLimit(),
): void {
  const used = process.memoryUsage().heapUsed;
  const needed = rows * bytesPerRow;
  if (used + needed <= 0.9 * limit) return;
  throw new InputError(
    `the export is too large for the memory Node has here: to ${what} ${rows.toLocaleString('en-US')} rows needs about ${mb(needed)} more, and ${mb(used)} of its ${mb(limit)} heap is already in use. ${advice(limit)}`,
  );
}
