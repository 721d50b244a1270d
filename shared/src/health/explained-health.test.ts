import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/defaults.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { referenceScoreHealth } from './reference-score.test-support.js';
import { scoreHealth } from './score.js';

const snapshot: AccountSnapshot = {
  accountId: 'acme',
  asOf: '2025-06-01T00:00:00.000Z',
  contract: { licensedSeats: 60 },
  usage: { activeUsers30d: 42, activeUsersPrior30d: 60 },
  sentiment: { npsLatest: 10, npsPrevious: 40 },
};
const KEYS = [
  'accountId',
  'asOf',
  'score',
  'band',
  'coverage',
  'measures',
  'missing',
  'stale',
  'drivers',
  'trend',
];

describe('the breakdown of a health score, built on first read', () => {
  const settings = defaultSettings();

  it('is made of own, enumerable properties in the order of a health score', () => {
    const h = scoreHealth(snapshot, settings);
    expect(Object.keys(h)).toEqual(KEYS);
    expect(Object.getOwnPropertyDescriptor(h, 'measures')?.enumerable).toBe(true);
    expect(Object.getOwnPropertyDescriptor(h, 'drivers')?.enumerable).toBe(true);
  });

  it('reach a face through JSON, a structured clone (web worker) and a spread copy', () => {
    const reasons = ['42 of 60 licensed seats active, down 30% in 30 days', 'NPS 10, down from 40'];
    const viaJson = JSON.parse(JSON.stringify(scoreHealth(snapshot, settings))) as {
      drivers: { reason: string }[];
    };
    const viaClone = structuredClone(scoreHealth(snapshot, settings));
    const viaSpread = { ...scoreHealth(snapshot, settings) };
    for (const h of [viaJson, viaClone, viaSpread]) {
      expect(h.drivers.map((d) => d.reason).sort()).toEqual(reasons);
    }
    expect(viaClone.measures).toEqual(referenceScoreHealth(snapshot, settings).measures);
    expect(viaClone.measures.map((m) => m.key)).toEqual(['usage', 'sentiment']);
    expect(Object.getPrototypeOf(viaClone)).toBe(Object.prototype);
  });

  it('is built once: every read gives the same arrays', () => {
    const h = scoreHealth(snapshot, settings);
    expect(h.drivers).toBe(h.drivers);
    expect(h.measures).toBe(h.measures);
  });

  it('can be replaced like any other property', () => {
    const h = scoreHealth(snapshot, settings);
    const top = h.drivers.slice(0, 1);
    h.drivers = top;
    expect(h.drivers).toBe(top);
    h.measures = [];
    expect(JSON.parse(JSON.stringify(h))).toMatchObject({ measures: [], drivers: top });
  });

  it('is empty when nothing was observed', () => {
    const h = scoreHealth({ accountId: 'empty', asOf: snapshot.asOf }, settings);
    expect(h.measures).toEqual([]);
    expect(h.drivers).toEqual([]);
  });

  it('follows a snapshot edited and scored again', () => {
    const edited: AccountSnapshot = structuredClone(snapshot);
    const before = scoreHealth(edited, settings);
    expect(before.drivers.length).toBeGreaterThan(0);
    edited.usage = { activeUsers30d: 60, activeUsersPrior30d: 30 };
    const after = scoreHealth(edited, settings);
    expect(after).toEqual(referenceScoreHealth(edited, settings));
  });
});
