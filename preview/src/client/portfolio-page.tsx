// Companies index: every account with its band, score, renewal date and risk, sortable and filtered by
// band and segment, with a button that rescores the whole portfolio through the app's rescore function.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PortfolioRow } from '../crm.js';
import type { PageBootstrap } from '../pages.js';
import { rescorePages, type RescorePage } from '../rescore-pages.js';
import { getJson, runFunction } from './api.js';
import {
  BAND_LABELS,
  BAND_VARIANT,
  formatDate,
  formatMoney,
  RISK_LABELS,
  RISK_VARIANT,
  SEGMENT_LABELS,
} from './format.js';

type SortKey = 'name' | 'segment' | 'arr' | 'score' | 'band' | 'renewalDate' | 'risk' | 'arrAtRisk';
const BAND_ORDER: Record<string, number> = { red: 0, yellow: 1, green: 2 };
const RISK_ORDER: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

function sortValue(row: PortfolioRow, key: SortKey): string | number | null {
  switch (key) {
    case 'band':
      return row.band === null ? null : (BAND_ORDER[row.band] ?? 9);
    case 'risk':
      return row.risk === null ? null : (RISK_ORDER[row.risk] ?? 9);
    case 'renewalDate':
      return row.renewalDate === null ? null : formatDate(row.renewalDate);
    case 'name':
      return row.name.toLowerCase();
    default:
      return row[key];
  }
}

function compare(a: PortfolioRow, b: PortfolioRow, key: SortKey, ascending: boolean): number {
  const x = sortValue(a, key);
  const y = sortValue(b, key);
  // Unscored accounts sit at the bottom whichever way the column is sorted.
  if (x === null && y === null) return a.name.localeCompare(b.name);
  if (x === null) return 1;
  if (y === null) return -1;
  const order = x < y ? -1 : x > y ? 1 : 0;
  return ascending ? order : -order;
}

function Tag({ variant, children }: { variant: string; children: string }) {
  return (
    <span className={`hs-status hs-status--${variant}`}>
      <span className="hs-status__dot" />
      {children}
    </span>
  );
}

interface RescoreAnswer {
  ok: boolean;
  data?: RescorePage;
  error?: { message?: string };
}

const MAX_RESCORE_RUNS = 50;

async function rescoreAll(uid: string): Promise<string> {
  const pages = await rescorePages(async (afterId) => {
    const answer = (await runFunction(uid, {
      parameters: afterId ? { afterId } : {},
    })) as RescoreAnswer;
    if (!answer.ok) throw new Error(answer.error?.message ?? 'the rescore function refused');
    return answer.data;
  }, MAX_RESCORE_RUNS);
  let written = 0;
  let scanned = 0;
  const bands: Record<string, number> = {};
  for (const page of pages) {
    written += page.written ?? 0;
    scanned += page.scanned ?? 0;
    for (const [band, n] of Object.entries(page.bands ?? {})) bands[band] = (bands[band] ?? 0) + n;
  }
  const parts = ['red', 'yellow', 'green', 'unscored']
    .filter((b) => bands[b])
    .map((b) => `${bands[b]} ${b}`);
  // Only a changed result is written back, so a second rescore the same day writes little.
  const accounts = `${scanned} account${scanned === 1 ? '' : 's'}`;
  const changed = `${written} with a new result written`;
  return `Portfolio rescored: ${accounts}, ${changed}${parts.length ? ` (${parts.join(', ')})` : ''}.`;
}

export function PortfolioPage({ data }: { data: PageBootstrap }) {
  const [rows, setRows] = useState<PortfolioRow[] | null>(null);
  const [settingsVersion, setSettingsVersion] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [band, setBand] = useState('all');
  const [segment, setSegment] = useState('all');
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({
    key: 'score',
    ascending: true,
  });
  const [rescoring, setRescoring] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);

  const load = useCallback(
    () =>
      getJson<{ companies: PortfolioRow[]; settingsVersion: number | null }>('/api/portfolio')
        .then((r) => {
          setRows(r.companies);
          setSettingsVersion(r.settingsVersion);
          setError(null);
        })
        .catch((e: Error) => setError(e.message)),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const visible = useMemo(() => {
    if (!rows) return [];
    return rows
      .filter((r) => band === 'all' || (band === 'unscored' ? r.band === null : r.band === band))
      .filter((r) => segment === 'all' || r.segment === segment)
      .sort((a, b) => compare(a, b, sort.key, sort.ascending));
  }, [rows, band, segment, sort]);

  async function rescore() {
    if (!data.rescoreFunction) return;
    setRescoring(true);
    setNotice(null);
    try {
      const summary = await rescoreAll(data.rescoreFunction);
      // The summary shows with the list it describes, never beside the bands it replaced.
      await load();
      setNotice({ kind: 'success', text: summary });
    } catch (e) {
      setNotice({ kind: 'danger', text: `Rescore failed: ${(e as Error).message}` });
    } finally {
      setRescoring(false);
    }
  }

  const header = (key: SortKey, label: string, align: 'left' | 'right' = 'left') => {
    const active = sort.key === key;
    return (
      <th
        style={{ textAlign: align }}
        aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : undefined}
      >
        <button
          type="button"
          className="hs-sort"
          data-sort={key}
          onClick={() => setSort({ key, ascending: active ? !sort.ascending : true })}
        >
          {label}
          <span className="hs-sort__arrow">{active ? (sort.ascending ? '▲' : '▼') : '⇅'}</span>
        </button>
      </th>
    );
  };

  const staleCount = useMemo(() => (rows ?? []).filter((r) => r.stale).length, [rows]);

  const counts = useMemo(() => {
    const c: Record<string, number> = { green: 0, yellow: 0, red: 0, unscored: 0 };
    for (const r of rows ?? []) c[r.band ?? 'unscored'] = (c[r.band ?? 'unscored'] ?? 0) + 1;
    return c;
  }, [rows]);

  return (
    <div className="index-page" data-page="portfolio">
      <div className="index-page__head">
        <div>
          <h1 className="page-title">Companies</h1>
          <div className="hs-text hs-text--micro">
            {rows
              ? `${rows.length} records · ${counts.red} red · ${counts.yellow} yellow · ${counts.green} green · ${counts.unscored} not scored`
              : ' '}
          </div>
        </div>
        {data.rescoreFunction ? (
          <button
            type="button"
            className="hs-button hs-button--primary"
            onClick={rescore}
            disabled={rescoring}
            data-action="rescore"
          >
            {rescoring ? 'Rescoring…' : 'Rescore portfolio'}
          </button>
        ) : (
          <span className="hs-text hs-text--micro">The app declares no rescore function.</span>
        )}
      </div>
      {notice ? (
        <div
          className={`hs-alert hs-alert--${notice.kind === 'success' ? 'success' : 'danger'}`}
          role="status"
        >
          <div className="hs-alert__title">{notice.text}</div>
        </div>
      ) : null}
      {staleCount > 0 ? (
        <div className="hs-alert hs-alert--warning" role="status" data-notice="stale-bands">
          <div className="hs-alert__title">
            {staleCount === 1 ? '1 company was' : `${staleCount} companies were`} scored under older
            settings
          </div>
          <div className="hs-alert__body">
            {settingsVersion === null
              ? 'The settings in force are the defaults'
              : `Settings version ${settingsVersion} is in force`}
            : their bands may be out of date until the portfolio is rescored.{' '}
            {data.rescoreFunction ? (
              <button
                type="button"
                className="hs-button hs-button--small"
                onClick={rescore}
                disabled={rescoring}
                data-action="rescore-stale"
              >
                {rescoring ? 'Rescoring…' : 'Rescore now'}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      <div className="filters">
        <label>
          Health band
          <select
            className="hs-input hs-select"
            value={band}
            onChange={(e) => setBand(e.target.value)}
            name="band"
          >
            <option value="all">All bands</option>
            <option value="red">Red</option>
            <option value="yellow">Yellow</option>
            <option value="green">Green</option>
            <option value="unscored">Not scored</option>
          </select>
        </label>
        <label>
          Segment
          <select
            className="hs-input hs-select"
            value={segment}
            onChange={(e) => setSegment(e.target.value)}
            name="segment"
          >
            <option value="all">All segments</option>
            {Object.entries(SEGMENT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? (
        <div className="hs-alert hs-alert--danger" role="alert">
          <div className="hs-alert__title">Could not read companies from the sandbox</div>
          <div className="hs-alert__body">{error}</div>
        </div>
      ) : rows === null ? (
        <div className="page-loading">Loading companies…</div>
      ) : (
        <table className="hs-table hs-table--bordered index-table" data-table="portfolio">
          <thead>
            <tr>
              {header('name', 'Company name')}
              {header('segment', 'Segment')}
              {header('arr', 'ARR', 'right')}
              {header('score', 'Health score', 'right')}
              {header('band', 'Band')}
              {header('renewalDate', 'Renewal date')}
              {header('risk', 'Renewal risk')}
              {header('arrAtRisk', 'ARR at risk', 'right')}
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <tr
                key={r.id}
                data-company-id={r.id}
                data-band={r.band ?? 'unscored'}
                data-stale={r.stale ? 'true' : undefined}
              >
                <td>
                  <a className="hs-link" href={`/companies/${r.id}`}>
                    {r.name}
                  </a>
                  {r.domain ? <div className="hs-text hs-text--micro">{r.domain}</div> : null}
                </td>
                <td>{r.segment ? (SEGMENT_LABELS[r.segment] ?? r.segment) : '—'}</td>
                <td style={{ textAlign: 'right' }}>{formatMoney(r.arr)}</td>
                <td
                  style={{ textAlign: 'right' }}
                  data-cell="score"
                  data-score={r.score ?? undefined}
                >
                  {/* To the tenth, as the card shows it: rounding 44.6 up to 45 would put a red
                      account on the yellow threshold. */}
                  {r.score === null ? '—' : r.score.toFixed(1)}
                </td>
                <td data-cell="band">
                  {r.band ? (
                    <Tag variant={BAND_VARIANT[r.band] ?? 'default'}>
                      {BAND_LABELS[r.band] ?? r.band}
                    </Tag>
                  ) : (
                    <span className="hs-text--micro">not scored</span>
                  )}
                  {r.stale ? (
                    <div className="hs-text hs-text--micro" data-cell="stale">
                      scored under older settings
                    </div>
                  ) : null}
                </td>
                <td>{formatDate(r.renewalDate)}</td>
                <td data-cell="risk">
                  {r.risk ? (
                    <Tag variant={RISK_VARIANT[r.risk] ?? 'default'}>
                      {RISK_LABELS[r.risk] ?? r.risk}
                    </Tag>
                  ) : (
                    '—'
                  )}
                </td>
                <td style={{ textAlign: 'right' }}>{formatMoney(r.arrAtRisk)}</td>
              </tr>
            ))}
            {visible.length === 0 ? (
              <tr>
                <td colSpan={8} className="empty-row">
                  No companies match these filters.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      )}
    </div>
  );
}
