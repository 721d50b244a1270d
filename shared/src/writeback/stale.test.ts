import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAccount } from '../evaluation/evaluate.js';
import { defaultSettings } from '../settings/defaults.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { healthResultToWrite, type StoredHealthResult } from './health-result.js';
import { isScoreStale } from './stale.js';

const AS_OF = '2026-11-02T09:00:00.000Z';
const snapshot: AccountSnapshot = {
  accountId: 'acct-1',
  asOf: AS_OF,
  arr: 120_000,
  usage: { activeUsers30d: 40, activeUsersPrior30d: 50, lastActivityAt: AS_OF, observedAt: AS_OF },
  contract: { licensedSeats: 60, observedAt: AS_OF },
};

describe('isScoreStale', () => {
  it('is stale when the result was scored under an older settings version', () => {
    expect(isScoreStale(3, 4)).toBe(true);
    expect(isScoreStale('3', 4)).toBe(true);
  });

  it('is current when scored under the settings in force', () => {
    expect(isScoreStale(4, 4)).toBe(false);
    expect(isScoreStale('4', 4)).toBe(false);
    expect(isScoreStale('', null)).toBe(false);
    expect(isScoreStale(null, undefined)).toBe(false);
  });

  it('is stale when scored under the defaults (or before versions were kept) and settings are saved since', () => {
    expect(isScoreStale('', 1)).toBe(true);
    expect(isScoreStale(null, 1)).toBe(true);
  });

  it('is stale exactly when the versions differ', () => {
    const version = fc.option(fc.nat({ max: 10_000 }), { nil: null });
    fc.assert(
      fc.property(version, version, (scored, current) => {
        expect(isScoreStale(scored, current)).toBe(scored !== current);
        expect(isScoreStale(scored === null ? '' : String(scored), current)).toBe(
          scored !== current,
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('the settings version written with the result', () => {
  const settings = defaultSettings();
  const evaluate = (stored: StoredHealthResult, settingsVersion: number | null) =>
    evaluateAccount(snapshot, settings, { stored, settingsVersion }).writeBack;

  it('is written with the result', () => {
    expect(evaluate({}, 7)?.settingsVersion).toBe(7);
    expect(evaluate({}, null)?.settingsVersion).toBeNull();
  });

  it('makes a same-day rescoring under new settings write, so the result is no longer stale', () => {
    const first = evaluate({}, 7)!;
    expect(evaluate({ ...first }, 7)).toBeNull();
    const again = evaluate({ ...first }, 8);
    expect(again).toMatchObject({ score: first.score, settingsVersion: 8 });
    expect(isScoreStale(again!.settingsVersion, 8)).toBe(false);
  });

  it('keeps a face that records no version writing nothing on an unchanged rescoring', () => {
    const evaluation = evaluateAccount(snapshot, settings);
    const first = healthResultToWrite(evaluation, undefined, {})!;
    const { settingsVersion: _none, ...storedWithoutVersion } = first;
    expect(healthResultToWrite(evaluation, undefined, storedWithoutVersion)).toBeNull();
  });
});
