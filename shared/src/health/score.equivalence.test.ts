import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/defaults.js';
import type { Settings } from '../settings/schema.js';
import { MEASURE_KEYS, MEASURE_SIGNALS } from '../vocabulary/keys.js';
import { snapshotArb } from '../snapshot/arbitrary.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { referenceScoreHealth } from './reference-score.test-support.js';
import { scoreHealth } from './score.js';
import type { PreviousHealth } from './types.js';

/** Settings with measure and signal weights drawn freely (some zero), and any bands and windows. */
const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    measures: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1000 })), {
      minLength: MEASURE_KEYS.length,
      maxLength: MEASURE_KEYS.length,
    }),
    signals: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20 })), {
      minLength: 30,
      maxLength: 30,
    }),
    bands: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
    freshnessDays: fc.integer({ min: 1, max: 40 }),
    flatWithin: fc.integer({ min: 0, max: 50 }),
  })
  .filter(({ measures }) => measures.some((w) => w > 0))
  .map(({ measures, signals, bands, freshnessDays, flatWithin }) => {
    const s = defaultSettings();
    let i = 0;
    MEASURE_KEYS.forEach((key, k) => {
      s.measures[key].weight = measures[k] ?? 0;
      const own = s.measures[key].signals as Record<string, { weight: number }>;
      for (const signal of MEASURE_SIGNALS[key]) {
        const setting = own[signal];
        if (setting) setting.weight = signals[i++ % signals.length] ?? 0;
      }
    });
    s.bands = { green: Math.max(...bands), yellow: Math.min(...bands) };
    s.freshness.defaultDays = freshnessDays;
    s.freshness.groupDays = {};
    s.trend.flatWithin = flatWithin;
    return s;
  });

const previousArb: fc.Arbitrary<PreviousHealth | undefined> = fc.option(
  fc.record({
    score: fc.double({ min: 0, max: 100, noNaN: true }),
    band: fc.constantFrom('green' as const, 'yellow' as const, 'red' as const),
    asOf: fc.constant('2025-01-01T00:00:00.000Z'),
  }),
  { nil: undefined },
);

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * The same instants written as CRMs also send them (with an offset, or without milliseconds), and
 * optionally every group observed a whole number of days before asOf, where staleness cut-offs lie.
 */
function restyle(
  snapshot: AccountSnapshot,
  style: 'Z' | '+05:30' | '-08:00' | 'seconds',
  wholeDays: boolean,
) {
  const asOfMs = Date.parse(snapshot.asOf);
  const write = (iso: string, key: string): string => {
    let ms = Date.parse(iso);
    if (wholeDays && key === 'observedAt')
      ms = asOfMs - (Math.round((asOfMs - ms) / 86_400_000) % 41) * 86_400_000;
    iso = new Date(ms).toISOString();
    if (style === 'Z') return iso;
    if (style === 'seconds') return `${iso.slice(0, 19)}Z`;
    const offsetMin = style === '+05:30' ? 330 : -480;
    return new Date(ms + offsetMin * 60_000).toISOString().slice(0, 23) + style;
  };
  return JSON.parse(JSON.stringify(snapshot), (key, value: unknown) =>
    typeof value === 'string' && ISO.test(value) ? write(value, key) : value,
  ) as AccountSnapshot;
}
const styleArb = fc.constantFrom(
  'Z' as const,
  '+05:30' as const,
  '-08:00' as const,
  'seconds' as const,
);

describe('the compiled health scorer', () => {
  it('gives exactly what the straightforward reading of the model gives', () => {
    fc.assert(
      fc.property(
        snapshotArb,
        styleArb,
        fc.boolean(),
        settingsArb,
        previousArb,
        (raw, style, wholeDays, s, previous) => {
          const snapshot = restyle(raw, style, wholeDays);
          const fast = scoreHealth(snapshot, s, previous);
          const reference = referenceScoreHealth(snapshot, s, previous);
          expect(fast).toEqual(reference);
          // Same properties in the same order, as the faces receive them.
          expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('explains each account as it was scored, whenever its drivers are first read', () => {
    fc.assert(
      fc.property(
        fc.array(snapshotArb, { minLength: 2, maxLength: 8 }),
        settingsArb,
        (batch, s) => {
          // Score the whole batch first, then read drivers last to first: nothing of one account
          // may leak into another's explanation.
          const scored = batch.map((snapshot) => scoreHealth(snapshot, s));
          for (let i = batch.length - 1; i >= 0; i--) {
            const reference = referenceScoreHealth(batch[i] as AccountSnapshot, s);
            expect(scored[i]).toEqual(reference);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('scores settings edited in place exactly as a copy of the edited settings', () => {
    fc.assert(
      fc.property(snapshotArb, settingsArb, settingsArb, (snapshot, first, second) => {
        const settings = structuredClone(first);
        scoreHealth(snapshot, settings);
        for (const key of MEASURE_KEYS) {
          settings.measures[key].weight = second.measures[key].weight;
          Object.assign(
            settings.measures[key].signals,
            structuredClone(second.measures[key].signals),
          );
        }
        Object.assign(settings.bands, second.bands);
        settings.freshness.defaultDays = second.freshness.defaultDays;
        expect(scoreHealth(snapshot, settings)).toEqual(
          scoreHealth(snapshot, structuredClone(second)),
        );
      }),
      { numRuns: 100 },
    );
  });
});
