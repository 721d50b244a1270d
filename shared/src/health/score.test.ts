import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/defaults.js';
import type { Settings } from '../settings/schema.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { bandFor, MEASURE_LABELS, scoreHealth } from './score.js';

const asOf = '2025-06-01T00:00:00.000Z';
const base: AccountSnapshot = { accountId: 'acme', asOf };

/** A snapshot where usage is the only observed group. */
const usageOnly = (activeUsers30d: number, licensedSeats = 100): AccountSnapshot => ({
  ...base,
  contract: { licensedSeats },
  usage: { activeUsers30d },
});

function withWeights(weights: Partial<Record<keyof Settings['measures'], number>>): Settings {
  const s = defaultSettings();
  for (const [key, weight] of Object.entries(weights)) {
    s.measures[key as keyof Settings['measures']].weight = weight;
  }
  return s;
}

describe('bandFor', () => {
  const s = defaultSettings(); // green ≥ 70, yellow ≥ 45
  it('puts each cut-off in the band above it', () => {
    expect(bandFor(70, s)).toBe('green');
    expect(bandFor(69.9, s)).toBe('yellow');
    expect(bandFor(45, s)).toBe('yellow');
    expect(bandFor(44.9, s)).toBe('red');
  });
  it('follows the admin thresholds', () => {
    const strict = defaultSettings();
    strict.bands = { green: 90, yellow: 80 };
    expect(bandFor(85, strict)).toBe('yellow');
    expect(bandFor(75, strict)).toBe('red');
  });
});

describe('scoreHealth', () => {
  it('gives no score, no band and zero coverage when nothing was observed', () => {
    const h = scoreHealth(base, defaultSettings());
    expect(h.score).toBeNull();
    expect(h.band).toBeNull();
    expect(h.coverage).toBe(0);
    expect(h.drivers).toEqual([]);
    expect(h.measures).toEqual([]);
    // Onboarding is weighted 0 by default, so it is never reported missing.
    expect(h.missing).toEqual([
      'usage',
      'adoption',
      'support',
      'engagement',
      'sentiment',
      'billing',
      'contract',
    ]);
  });

  it('scores an account with no usage data from the other measures and says usage is missing', () => {
    const h = scoreHealth(
      { ...base, support: { openTickets: 0, tickets30d: 0, escalations90d: 0, csat: 95 } },
      defaultSettings(),
    );
    expect(h.score).toBe(100);
    expect(h.band).toBe('green');
    expect(h.missing).toContain('usage');
    expect(h.missing).toContain('adoption');
    // Support carries 10 of the 95 configured points of weight.
    expect(h.coverage).toBeCloseTo(10 / 95);
  });

  it('redistributes the weight of missing measures over the observed ones', () => {
    const s = withWeights({ usage: 30, support: 10 });
    const h = scoreHealth(
      {
        ...usageOnly(80),
        support: { openTickets: 20 }, // 0 points
      },
      s,
    );
    // usage: seat utilisation 80% → 100 points; support 0 points. (100·30 + 0·10) / 40
    expect(h.score).toBe(75);
    expect(h.drivers.map((d) => [d.measure, d.effectiveWeight])).toEqual([
      ['usage', 0.75],
      ['support', 0.25],
    ]);
  });

  it('leaves a measure weighted 0 out of the score, the drivers and the missing list', () => {
    const s = withWeights({ support: 0 });
    const h = scoreHealth({ ...usageOnly(80), support: { openTickets: 20 } }, s);
    expect(h.score).toBe(100);
    expect(h.measures.map((m) => m.key)).toEqual(['usage']);
    expect(h.drivers.map((d) => d.measure)).toEqual(['usage']);
    expect(h.missing).not.toContain('support');
  });

  it('does not score usage when the account has zero licensed seats and no other usage signal', () => {
    const h = scoreHealth(usageOnly(12, 0), defaultSettings());
    expect(h.score).toBeNull();
    expect(h.missing).toContain('usage');
  });

  it('scores an account with ARR 0 like any other', () => {
    const h = scoreHealth({ ...usageOnly(80), arr: 0 }, defaultSettings());
    expect(h.score).toBe(100);
  });

  it('scores NPS without a previous value on the latest NPS alone', () => {
    const h = scoreHealth({ ...base, sentiment: { npsLatest: 30 } }, defaultSettings());
    expect(h.score).toBe(75);
    expect(h.drivers[0]?.reason).toBe('NPS 30');
  });

  it('still scores a contract whose renewal date is already past', () => {
    const h = scoreHealth(
      {
        ...base,
        contract: {
          startDate: '2023-06-01T00:00:00.000Z',
          renewalDate: '2025-01-01T00:00:00.000Z',
          termMonths: 24,
          autoRenew: true,
        },
      },
      defaultSettings(),
    );
    expect(h.score).not.toBeNull();
    expect(h.band).toBe('green');
  });

  it('flags a stale group but keeps scoring it', () => {
    const h = scoreHealth(
      { ...base, sentiment: { npsLatest: 30, observedAt: '2024-06-01T00:00:00.000Z' } },
      defaultSettings(), // sentiment goes stale after 180 days
    );
    expect(h.stale).toEqual(['sentiment']);
    expect(h.score).toBe(75);
    expect(h.drivers[0]?.reason).toBe('NPS 30 (data from 365 days ago)');
  });

  it('is not stale within the freshness window', () => {
    const h = scoreHealth(
      { ...base, sentiment: { npsLatest: 30, observedAt: '2025-01-01T00:00:00.000Z' } },
      defaultSettings(),
    );
    expect(h.stale).toEqual([]);
  });

  it('sorts drivers by absolute impact and explains each with the actual values', () => {
    const h = scoreHealth(
      {
        ...base,
        contract: { licensedSeats: 60 },
        usage: { activeUsers30d: 42, activeUsersPrior30d: 60 },
        engagement: { championLeftAt: '2025-05-20T00:00:00.000Z' },
        sentiment: { npsLatest: 10, npsPrevious: 40 },
        billing: { overdueInvoices: 2, daysPastDue: 45 },
      },
      defaultSettings(),
    );
    const impacts = h.drivers.map((d) => Math.abs(d.impact));
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    const reasons = Object.fromEntries(h.drivers.map((d) => [d.measure, d.reason]));
    expect(reasons).toEqual({
      usage: '42 of 60 licensed seats active, down 30% in 30 days',
      engagement: 'Champion left 12 days ago',
      sentiment: 'NPS 10, down from 40',
      billing: '2 invoices overdue, oldest 45 days',
    });
    const engagement = h.drivers.find((d) => d.measure === 'engagement');
    expect(engagement?.direction).toBe('negative');
    expect(engagement?.impact).toBeLessThan(0);
  });

  it('says when there has been no executive meeting for a long time', () => {
    const h = scoreHealth(
      { ...base, engagement: { lastExecutiveMeetingAt: '2024-11-13T00:00:00.000Z' } },
      defaultSettings(),
    );
    expect(h.drivers[0]?.reason).toBe('No executive meeting in 200 days');
  });

  it('reports the trend against the previous score, flat within the admin tolerance', () => {
    const s = defaultSettings(); // flat within 3 points
    const snap = usageOnly(60); // 70 points
    const prev = (score: number) => ({
      score,
      band: 'green' as const,
      asOf: '2025-05-01T00:00:00.000Z',
    });
    expect(scoreHealth(snap, s).trend).toEqual({ direction: 'new' });
    expect(scoreHealth(snap, s, prev(80)).trend).toEqual({
      direction: 'down',
      delta: -10,
      previousScore: 80,
      previousAsOf: '2025-05-01T00:00:00.000Z',
    });
    expect(scoreHealth(snap, s, prev(60)).trend.direction).toBe('up');
    expect(scoreHealth(snap, s, prev(67)).trend.direction).toBe('flat');
    expect(scoreHealth(snap, s, prev(73)).trend.direction).toBe('flat');
    expect(scoreHealth(snap, s, prev(73.1)).trend.direction).toBe('down');
  });

  it('starts the trend afresh when there is no score today', () => {
    const h = scoreHealth(base, defaultSettings(), {
      score: 80,
      band: 'green',
      asOf: '2025-05-01T00:00:00.000Z',
    });
    expect(h.trend.direction).toBe('new');
    expect(h.trend.previousScore).toBe(80);
  });

  it('rounds the score to one decimal', () => {
    const h = scoreHealth(usageOnly(45), defaultSettings());
    expect(h.score).toBe(47.5);
    const h2 = scoreHealth(usageOnly(2, 7), defaultSettings()); // 28.57% → 23.81 points
    expect(h2.score).toBe(23.8);
  });

  it('labels every measure in plain words', () => {
    expect(MEASURE_LABELS.usage).toBe('Product usage');
    expect(Object.values(MEASURE_LABELS).every((l) => l.length > 0)).toBe(true);
  });
});

describe('scoreHealth after settings are edited in place', () => {
  const account: AccountSnapshot = {
    ...base,
    contract: { licensedSeats: 60, startDate: '2023-01-01T00:00:00.000Z', termMonths: 12 },
    usage: { activeUsers30d: 12, activeUsersPrior30d: 40, lastActivityAt: asOf },
    support: { openTickets: 1, tickets30d: 2, escalations90d: 0, csat: 92 },
    sentiment: { npsLatest: 40, npsPrevious: 30 },
  };

  it('scores as a copy with the same edit does, measure weights included', () => {
    const settings = defaultSettings();
    const before = scoreHealth(account, settings);
    settings.measures.usage.weight = 0;
    const edited = scoreHealth(account, settings);
    const copy = withWeights({ usage: 0 });
    expect(edited).toEqual(scoreHealth(account, copy));
    expect(edited.score).not.toBe(before.score);
    expect(edited.drivers.map((d) => d.measure)).not.toContain('usage');
  });

  it('follows curves, signal weights, bands and freshness edited in place', () => {
    const settings = defaultSettings();
    scoreHealth(account, settings);
    settings.measures.usage.signals.seatUtilisation.curve = [
      [0, 100],
      [100, 100],
    ];
    settings.measures.support.signals.csat.weight = 0;
    settings.bands.green = 40;
    settings.freshness.defaultDays = 1;
    const edited = scoreHealth(
      { ...account, usage: { ...account.usage, observedAt: '2025-05-01T00:00:00.000Z' } },
      settings,
    );
    const copy = structuredClone(settings);
    expect(edited).toEqual(
      scoreHealth(
        { ...account, usage: { ...account.usage, observedAt: '2025-05-01T00:00:00.000Z' } },
        copy,
      ),
    );
    expect(edited.stale).toEqual(['usage']);
  });

  it('explains a score by the settings it was given, even if they change before it is read', () => {
    const settings = defaultSettings();
    const scored = scoreHealth(account, settings);
    const unedited = scoreHealth(account, defaultSettings());
    settings.measures.usage.weight = 0;
    settings.bands.green = 0;
    expect(scored.drivers).toEqual(unedited.drivers);
    expect(scored.measures).toEqual(unedited.measures);
  });
});
