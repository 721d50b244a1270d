import { describe, expect, it } from 'vitest';
import { backtestForecast, bandRenewalRates, forecastRenewals } from './forecast.js';
import type { ScoredOutcome } from './types.js';

function row(
  id: string,
  band: ScoredOutcome['band'],
  arrBefore: number,
  arrAfter: number,
): ScoredOutcome {
  return {
    accountId: id,
    asOf: '2024-01-01T00:00:00Z',
    arrBefore,
    arrAfter,
    status: arrAfter === 0 ? 'churned' : arrAfter < arrBefore ? 'contracted' : 'renewed',
    score: band === 'green' ? 80 : band === 'yellow' ? 55 : 20,
    band,
  };
}

describe('renewal forecast by band', () => {
  const history = [
    row('g1', 'green', 100, 110),
    row('g2', 'green', 100, 100),
    row('y1', 'yellow', 100, 50),
    row('y2', 'yellow', 100, 100),
    row('r1', 'red', 100, 0),
    row('r2', 'red', 100, 100),
  ];

  it('learns each band’s renewal rate from history', () => {
    const rates = bandRenewalRates(history);
    const green = rates.find((r) => r.band === 'green')!;
    expect(green.grossRate).toBeCloseTo(1, 10);
    expect(green.netRate).toBeCloseTo(1.05, 10);
    expect(rates.find((r) => r.band === 'yellow')!.grossRate).toBeCloseTo(0.75, 10);
    expect(rates.find((r) => r.band === 'red')!.grossRate).toBeCloseTo(0.5, 10);
  });

  it('forecasts Σ ARR due × the band’s rate', () => {
    const due = [row('a', 'green', 1000, 0), row('b', 'red', 400, 0), row('c', 'yellow', 200, 0)];
    const f = forecastRenewals(due, bandRenewalRates(history));
    expect(f.arrDue).toBe(1600);
    expect(f.grossForecast).toBeCloseTo(1000 * 1 + 400 * 0.5 + 200 * 0.75, 8);
  });

  it('falls back to the overall rate for a band with no history instead of dropping its ARR', () => {
    const f = forecastRenewals([row('u', null, 1000, 0)], bandRenewalRates(history));
    // overall gross: (100+100+50+100+0+100)/600 = 0.75
    expect(f.grossForecast).toBeCloseTo(750, 8);
  });

  it('back-tests the forecast on folds it did not learn from', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      row(`a${i}`, i % 3 === 0 ? 'red' : 'green', 100, i % 3 === 0 && i % 2 === 0 ? 0 : 100),
    );
    const b = backtestForecast(many, 5, 7);
    expect(b.folds).toHaveLength(5);
    expect(b.folds.reduce((s, f) => s + f.arrDue, 0)).toBe(6000);
    expect(b.meanAbsGrossError).not.toBeNull();
    expect(b.meanAbsGrossError!).toBeLessThan(0.2);
  });
});
