import { describe, expect, it } from 'vitest';
import { evaluateAccount } from '../evaluation/evaluate.js';
import { defaultSettings } from '../settings/defaults.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { trendBaseline } from './baseline.js';
import {
  healthResultToWrite,
  type HealthResult,
  type StoredHealthResult,
} from './health-result.js';

const settings = defaultSettings();
const snapshot = (asOf: string): AccountSnapshot => ({
  accountId: 'acct-1',
  asOf,
  arr: 120_000,
  usage: {
    activeUsers30d: 40,
    activeUsersPrior30d: 50,
    featuresAdopted: 4,
    featuresLicensed: 10,
    lastActivityAt: asOf,
    observedAt: asOf,
  },
  contract: { licensedSeats: 60, renewalDate: '2027-01-15T00:00:00.000Z', observedAt: asOf },
});

/** Scores the account at asOf against what is stored, as a face does, and "writes" the result. */
function rescore(asOf: string, stored: StoredHealthResult) {
  const previous = trendBaseline(
    { score: stored.score as number, band: stored.band as string, at: stored.updatedAt as string },
    {
      score: stored.previousScore as number,
      band: stored.previousBand as string,
      at: stored.previousAt as string,
    },
    asOf,
  );
  const evaluation = evaluateAccount(snapshot(asOf), settings, { previous });
  return { evaluation, write: healthResultToWrite(evaluation, previous, stored) };
}

const asStored = (r: HealthResult): StoredHealthResult => ({ ...r });

describe('healthResultToWrite', () => {
  it('writes the first scoring with no baseline', () => {
    const { evaluation, write } = rescore('2026-11-02T09:00:00.000Z', {});
    expect(write).toEqual({
      score: evaluation.health.score,
      band: evaluation.health.band,
      trend: null,
      coverage: Math.round(evaluation.health.coverage * 1000) / 10,
      riskLevel: evaluation.risk.level,
      arrAtRisk: evaluation.risk.arrAtRisk,
      updatedAt: '2026-11-02T09:00:00.000Z',
      previousScore: null,
      previousBand: null,
      previousAt: null,
      settingsVersion: null,
    });
  });

  it('writes nothing when the same day gives the same result, even spelled as CRM text', () => {
    const first = rescore('2026-11-02T09:00:00.000Z', {}).write as HealthResult;
    const asText = Object.fromEntries(
      Object.entries(first).map(([k, v]) => [k, v === null ? '' : String(v)]),
    );
    expect(rescore('2026-11-02T15:00:00.000Z', asStored(first)).write).toBeNull();
    expect(rescore('2026-11-02T15:00:00.000Z', asText).write).toBeNull();
  });

  it('writes on the same day when the result changed', () => {
    const first = rescore('2026-11-02T09:00:00.000Z', {}).write as HealthResult;
    const stale = { ...asStored(first), score: (first.score + 5) as number };
    const write = rescore('2026-11-02T15:00:00.000Z', stale).write;
    expect(write?.score).toBe(first.score);
    expect(write?.updatedAt).toBe('2026-11-02T15:00:00.000Z');
  });

  it('writes on a new day, moving the stored result to the baseline', () => {
    const first = rescore('2026-11-02T09:00:00.000Z', {}).write as HealthResult;
    const next = rescore('2026-11-03T09:00:00.000Z', asStored(first)).write;
    expect(next).toMatchObject({
      previousScore: first.score,
      previousBand: first.band,
      previousAt: '2026-11-02T09:00:00.000Z',
      updatedAt: '2026-11-03T09:00:00.000Z',
    });
    expect(next?.trend).toBe(
      next === null ? null : Math.round((next.score - first.score) * 10) / 10,
    );
    // A second card view that day changes nothing.
    expect(rescore('2026-11-03T17:00:00.000Z', asStored(next as HealthResult)).write).toBeNull();
  });

  it('writes nothing for an account with no data, so its last real score stays on record', () => {
    const evaluation = evaluateAccount(
      { accountId: 'acct-2', asOf: '2026-11-02T09:00:00.000Z' },
      settings,
    );
    expect(evaluation.health.score).toBeNull();
    expect(healthResultToWrite(evaluation, undefined, {})).toBeNull();
  });
});
