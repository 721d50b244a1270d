import type { PortfolioReport, RenewalPeriod } from '@csops/core';
import { arr, pct, table } from './format.js';
import { BAND_COLORS, barChart } from './html/charts.js';
import { htmlPage, htmlTable, kpis, note } from './html/page.js';

function periodText(p: RenewalPeriod): string {
  return 'withinDaysOfAsOf' in p
    ? `renewal date within ${p.withinDaysOfAsOf} days after the snapshot`
    : `renewal date from ${p.from.slice(0, 10)} up to ${p.to.slice(0, 10)}`;
}

function basisText(r: PortfolioReport): string {
  return r.forecastBasis === 'whole_cohort'
    ? 'every account in the cohort (the data has no renewal dates in the period)'
    : 'the renewals due in the period';
}

export function portfolioText(r: PortfolioReport): string {
  const c = r.cohort;
  const rp = r.renewalPeriod;
  const lines: string[] = [];
  lines.push(
    `Cohort retention (denominator: the cohort's starting ARR ${arr(c.startArr)} and ${c.accounts} accounts)`,
  );
  lines.push(
    table(
      ['metric', 'value'],
      [
        ['NRR (net revenue retention)', pct(c.nrr)],
        ['GRR (gross, each account capped at its prior ARR)', pct(c.grr)],
        ['logo retention', pct(c.logoRetention)],
        ['logo churn rate', pct(c.logoChurnRate)],
        ['ARR churn rate', pct(c.arrChurnRate)],
        ['contraction rate', pct(c.contractionRate)],
        ['expansion rate (share of accounts that expanded)', pct(c.expansionRate)],
        ['expansion ARR rate (expansion ARR over starting ARR)', pct(c.expansionArrRate)],
      ],
    ),
  );
  lines.push('');
  lines.push(`Renewal-period rates (denominator: ARR due for renewal, ${periodText(rp.period)})`);
  lines.push(
    rp.accountsDue === 0
      ? `  not available: no account has a renewal date in the period (${rp.accountsWithoutRenewalDate} without a renewal date)`
      : table(
          ['metric', 'value'],
          [
            ['accounts due', String(rp.accountsDue)],
            ['ARR due', arr(rp.arrDue)],
            ['gross renewal rate', pct(rp.grossRenewalRate)],
            ['net renewal rate', pct(rp.netRenewalRate)],
            ['logo renewal rate', pct(rp.logoRenewalRate)],
            ['accounts without a renewal date', String(rp.accountsWithoutRenewalDate)],
          ],
        ),
  );
  lines.push('');
  lines.push('Health distribution');
  lines.push(
    table(
      ['band', 'accounts', 'share', 'ARR', 'ARR share', 'churn rate'],
      r.distribution.bands.map((b) => [
        b.band,
        b.accounts,
        pct(b.accountShare),
        arr(b.arr),
        pct(b.arrShare),
        pct(b.churnRate),
      ]),
    ),
  );
  lines.push('');
  lines.push(
    `Renewal forecast by band = Σ ARR due × the band's renewal rate in history; ARR due: ${basisText(r)}`,
  );
  lines.push(
    table(
      ['band', 'accounts', 'ARR due', 'gross rate', 'gross forecast', 'net rate', 'net forecast'],
      [
        ...r.forecast.bands.map((b) => [
          b.band,
          b.accounts,
          arr(b.arrDue),
          pct(b.grossRate),
          arr(b.grossForecast),
          pct(b.netRate),
          arr(b.netForecast),
        ]),
        [
          'total',
          r.forecast.bands.reduce((s, b) => s + b.accounts, 0),
          arr(r.forecast.arrDue),
          '',
          arr(r.forecast.grossForecast),
          '',
          arr(r.forecast.netForecast),
        ],
      ],
    ),
  );
  const bt = r.forecastBacktest;
  lines.push(
    `Back-tested forecast error (${bt.folds.length}-fold over accounts, rates learned without the fold): mean |error| gross ${pct(bt.meanAbsGrossError, 2)}, net ${pct(bt.meanAbsNetError, 2)}`,
  );
  return lines.join('\n');
}

export function portfolioHtml(r: PortfolioReport, source: string): string {
  const c = r.cohort;
  const rp = r.renewalPeriod;
  const charts = [
    barChart(
      'Accounts by health band',
      r.distribution.bands.map((b) => ({
        label: b.band,
        value: b.accounts,
        color: BAND_COLORS[b.band] ?? '#999',
      })),
    ),
    barChart(
      'Health score histogram',
      r.distribution.histogram.map((n, i) => ({ label: `${i * 10}`, value: n, color: '#1565c0' })),
    ),
    barChart(
      'Gross renewal rate by band (history)',
      r.bandRates
        .filter((b) => b.accounts > 0)
        .map((b) => ({
          label: b.band,
          value: b.grossRate ?? 0,
          color: BAND_COLORS[b.band] ?? '#999',
          text: pct(b.grossRate, 0),
        })),
      1,
    ),
  ].join('');
  return htmlPage('csops portfolio', `${source} — ${c.accounts} accounts`, [
    {
      title: 'Cohort retention (over the cohort’s starting ARR)',
      html: kpis([
        ['NRR', pct(c.nrr)],
        ['GRR', pct(c.grr)],
        ['logo retention', pct(c.logoRetention)],
        ['churn (logos)', pct(c.logoChurnRate)],
        ['expansion rate (accounts)', pct(c.expansionRate)],
        ['expansion ARR rate', pct(c.expansionArrRate)],
      ]),
    },
    {
      title: 'Renewal-period rates (over ARR due for renewal)',
      html:
        rp.accountsDue === 0
          ? note(
              `Not available: no account has a renewal date in the period (${periodText(rp.period)}).`,
            )
          : kpis([
              ['ARR due', arr(rp.arrDue)],
              ['gross renewal rate', pct(rp.grossRenewalRate)],
              ['net renewal rate', pct(rp.netRenewalRate)],
              ['logo renewal rate', pct(rp.logoRenewalRate)],
            ]) + note(periodText(rp.period)),
    },
    { title: 'Health distribution', html: `<div class="charts">${charts}</div>` },
    {
      title: 'Renewal forecast by band',
      html:
        htmlTable(
          [
            'band',
            'accounts',
            'ARR due',
            'gross rate',
            'gross forecast',
            'net rate',
            'net forecast',
          ],
          r.forecast.bands.map((b) => [
            b.band,
            b.accounts,
            arr(b.arrDue),
            pct(b.grossRate),
            arr(b.grossForecast),
            pct(b.netRate),
            arr(b.netForecast),
          ]),
        ) +
        note(
          `ARR due: ${basisText(r)}. Back-tested error (${r.forecastBacktest.folds.length}-fold over accounts): gross ${pct(r.forecastBacktest.meanAbsGrossError, 2)}, net ${pct(r.forecastBacktest.meanAbsNetError, 2)}.`,
        ),
    },
  ]);
}
