import { healthDistribution, type HealthDistribution } from './distribution.js';
import {
  backtestForecast,
  bandRenewalRates,
  forecastRenewals,
  type BandRenewalRate,
  type ForecastBacktest,
  type RenewalForecast,
} from './forecast.js';
import {
  isDue,
  renewalPeriodRates,
  type RenewalPeriod,
  type RenewalPeriodRates,
} from './renewal-period.js';
import { cohortRetention, type CohortRetention } from './retention.js';
import type { ScoredOutcome } from './types.js';

export interface PortfolioOptions {
  period: RenewalPeriod;
  folds: number;
  seed: number;
}

export interface PortfolioReport {
  /** Cohort family: denominators are the whole cohort's starting ARR and logos. */
  cohort: CohortRetention;
  /** Renewal-period family: denominator is the ARR that fell due for renewal in the period. */
  renewalPeriod: RenewalPeriodRates;
  distribution: HealthDistribution;
  /** Which accounts the forecast treats as due, in words. */
  forecastBasis: 'renewals_due_in_period' | 'whole_cohort';
  bandRates: BandRenewalRate[];
  forecast: RenewalForecast;
  forecastBacktest: ForecastBacktest;
}

/**
 * The portfolio view. The forecast covers the renewals due in the period when renewal dates are
 * known; without any dates, every account in the cohort is treated as up for renewal.
 */
export function portfolioReport(
  rows: readonly ScoredOutcome[],
  options: PortfolioOptions,
): PortfolioReport {
  const renewalPeriod = renewalPeriodRates(rows, options.period);
  const dueRows = rows.filter((r) => isDue(r, options.period));
  const basis = dueRows.length > 0 ? 'renewals_due_in_period' : 'whole_cohort';
  const forecastRows = basis === 'whole_cohort' ? rows : dueRows;
  const bandRates = bandRenewalRates(forecastRows);
  return {
    cohort: cohortRetention(rows),
    renewalPeriod,
    distribution: healthDistribution(rows),
    forecastBasis: basis,
    bandRates,
    forecast: forecastRenewals(forecastRows, bandRates),
    forecastBacktest: backtestForecast(forecastRows, options.folds, options.seed),
  };
}
