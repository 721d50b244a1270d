import { stratifiedFolds } from '../calibration/folds.js';
import { BAND_GROUPS, bandGroup, ratio, type BandOrUnscored, type ScoredOutcome } from './types.js';

/** What a band renewed in the past: gross (capped per account) and net, over the ARR that was due. */
export interface BandRenewalRate {
  band: BandOrUnscored;
  accounts: number;
  arrDue: number;
  grossRate: number | null;
  netRate: number | null;
}

export function bandRenewalRates(history: readonly ScoredOutcome[]): BandRenewalRate[] {
  return BAND_GROUPS.map((band) => {
    const members = history.filter((r) => bandGroup(r.band) === band);
    const arrDue = members.reduce((s, r) => s + r.arrBefore, 0);
    const gross = members.reduce((s, r) => s + Math.min(r.arrAfter, r.arrBefore), 0);
    const net = members.reduce((s, r) => s + r.arrAfter, 0);
    return {
      band,
      accounts: members.length,
      arrDue,
      grossRate: ratio(gross, arrDue),
      netRate: ratio(net, arrDue),
    };
  });
}

export interface BandForecast {
  band: BandOrUnscored;
  accounts: number;
  arrDue: number;
  grossRate: number | null;
  netRate: number | null;
  grossForecast: number;
  netForecast: number;
}

export interface RenewalForecast {
  bands: BandForecast[];
  arrDue: number;
  grossForecast: number;
  netForecast: number;
}

/**
 * Renewal forecast = Σ ARR due × the renewal rate its band achieved in history. A band with no
 * history falls back to the rate of all history, so no ARR due is dropped from the forecast.
 */
export function forecastRenewals(
  due: readonly ScoredOutcome[],
  rates: readonly BandRenewalRate[],
): RenewalForecast {
  const all = rates.reduce(
    (a, r) => ({
      due: a.due + r.arrDue,
      gross: a.gross + (r.grossRate ?? 0) * r.arrDue,
      net: a.net + (r.netRate ?? 0) * r.arrDue,
    }),
    { due: 0, gross: 0, net: 0 },
  );
  const fallbackGross = ratio(all.gross, all.due) ?? 0;
  const fallbackNet = ratio(all.net, all.due) ?? 0;
  const bands = BAND_GROUPS.map((band): BandForecast => {
    const members = due.filter((r) => bandGroup(r.band) === band);
    const arrDue = members.reduce((s, r) => s + r.arrBefore, 0);
    const rate = rates.find((r) => r.band === band);
    const grossRate = rate?.grossRate ?? fallbackGross;
    const netRate = rate?.netRate ?? fallbackNet;
    return {
      band,
      accounts: members.length,
      arrDue,
      grossRate,
      netRate,
      grossForecast: arrDue * grossRate,
      netForecast: arrDue * netRate,
    };
  });
  return {
    bands,
    arrDue: bands.reduce((s, b) => s + b.arrDue, 0),
    grossForecast: bands.reduce((s, b) => s + b.grossForecast, 0),
    netForecast: bands.reduce((s, b) => s + b.netForecast, 0),
  };
}

export interface ForecastFold {
  fold: number;
  arrDue: number;
  forecastGross: number;
  actualGross: number;
  forecastNet: number;
  actualNet: number;
  /** (forecast − actual) ÷ actual, for the gross renewal forecast. */
  grossError: number | null;
  netError: number | null;
}

export interface ForecastBacktest {
  folds: ForecastFold[];
  /** Mean of |error| over folds. */
  meanAbsGrossError: number | null;
  meanAbsNetError: number | null;
}

/**
 * The forecast's back-tested error: accounts are split into folds; each fold is forecast with band
 * rates learned from the other folds only and compared with what it actually renewed.
 */
export function backtestForecast(
  rows: readonly ScoredOutcome[],
  folds: number,
  seed: number,
): ForecastBacktest {
  const k = Math.max(2, Math.min(folds, rows.length));
  if (rows.length < 2) return { folds: [], meanAbsGrossError: null, meanAbsNetError: null };
  const assignment = stratifiedFolds(
    rows.map((r) => r.status === 'churned'),
    k,
    seed,
  );
  const out: ForecastFold[] = [];
  for (let f = 0; f < k; f++) {
    const train = rows.filter((_, i) => assignment[i] !== f);
    const test = rows.filter((_, i) => assignment[i] === f);
    const forecast = forecastRenewals(test, bandRenewalRates(train));
    const actualGross = test.reduce((s, r) => s + Math.min(r.arrAfter, r.arrBefore), 0);
    const actualNet = test.reduce((s, r) => s + r.arrAfter, 0);
    out.push({
      fold: f + 1,
      arrDue: forecast.arrDue,
      forecastGross: forecast.grossForecast,
      actualGross,
      forecastNet: forecast.netForecast,
      actualNet,
      grossError: errorOf(forecast.grossForecast, actualGross),
      netError: errorOf(forecast.netForecast, actualNet),
    });
  }
  return {
    folds: out,
    meanAbsGrossError: meanAbs(out.map((f) => f.grossError)),
    meanAbsNetError: meanAbs(out.map((f) => f.netError)),
  };
}

function errorOf(forecast: number, actual: number): number | null {
  return actual > 0 ? (forecast - actual) / actual : null;
}

function meanAbs(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((s, v) => s + Math.abs(v), 0) / present.length : null;
}
