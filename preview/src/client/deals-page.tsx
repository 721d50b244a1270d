// Deals index, to reach a deal's record page and its handoff card.
import { useEffect, useState } from 'react';
import type { DealRow } from '../crm.js';
import { getJson } from './api.js';
import { formatDate, formatMoney } from './format.js';

export function DealsPage() {
  const [rows, setRows] = useState<DealRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getJson<{ deals: DealRow[] }>('/api/deals')
      .then((r) => setRows(r.deals.sort((a, b) => a.name.localeCompare(b.name))))
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <div className="index-page" data-page="deals">
      <div className="index-page__head">
        <h1 className="page-title">Deals</h1>
      </div>
      {error ? (
        <div className="hs-alert hs-alert--danger" role="alert">
          <div className="hs-alert__title">Could not read deals from the sandbox</div>
          <div className="hs-alert__body">{error}</div>
        </div>
      ) : rows === null ? (
        <div className="page-loading">Loading deals…</div>
      ) : (
        <table className="hs-table hs-table--bordered index-table" data-table="deals">
          <thead>
            <tr>
              <th>Deal name</th>
              <th>Stage</th>
              <th style={{ textAlign: 'right' }}>Amount</th>
              <th>Close date</th>
              <th>Handoff</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} data-deal-id={d.id}>
                <td>
                  <a className="hs-link" href={`/deals/${d.id}`}>
                    {d.name}
                  </a>
                  {d.expansion ? <span className="hs-tag hs-tag--info">expansion</span> : null}
                </td>
                <td>{d.stage ?? '—'}</td>
                <td style={{ textAlign: 'right' }}>{formatMoney(d.amount)}</td>
                <td>{formatDate(d.closeDate)}</td>
                <td>
                  {d.handoffStatus ?? '—'}
                  {d.handoffCompleteness !== null ? ` · ${Math.round(d.handoffCompleteness)}%` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
