// Tasks index: the book's csops playbook tasks, open, overdue or done, by due date, a page at a time.
import { useEffect, useState } from 'react';
import type { TaskPage } from '../tasks.js';
import { getJson } from './api.js';
import { taskHref, TaskDue, TaskStatus } from './task-parts.js';

type Filter = 'open' | 'overdue' | 'done';
const FILTERS: [Filter, string][] = [
  ['open', 'Open'],
  ['overdue', 'Overdue'],
  ['done', 'Done or skipped'],
];

// Said of the page on screen, which is the one last answered, not a filter still loading.
const shown = (filter: Filter) => (filter === 'done' ? 'closed' : filter);

function initialQuery(): { filter: Filter; sort: 'asc' | 'desc'; page: number } {
  const params = new URLSearchParams(window.location.search);
  const filter = FILTERS.find(([f]) => f === params.get('filter'))?.[0] ?? 'open';
  const sort = params.get('sort') === 'desc' ? 'desc' : 'asc';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  return { filter, sort, page };
}

export function TasksPage() {
  const [query, setQuery] = useState(initialQuery);
  const [data, setData] = useState<TaskPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const params = new URLSearchParams({
      filter: query.filter,
      sort: query.sort,
      page: String(query.page),
    });
    // The address keeps the view, so a reload or a shared link opens the same page.
    window.history.replaceState(null, '', `/tasks?${params}`);
    setLoading(true);
    getJson<TaskPage>(`/api/tasks?${params}`)
      .then((page) => {
        setData(page);
        setError(null);
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setLoading(false));
  }, [query]);

  const rows = data?.tasks ?? [];
  const ascending = query.sort === 'asc';
  return (
    <div className="index-page" data-page="tasks">
      <div className="index-page__head">
        <div>
          <h1 className="page-title">Tasks</h1>
          <div className="hs-text hs-text--micro" data-task-count="">
            {data
              ? `${data.total} ${shown(data.query.filter)} csops task${data.total === 1 ? '' : 's'}`
              : ' '}
          </div>
        </div>
      </div>
      <div className="filters">
        <label>
          Show
          <select
            className="hs-input hs-select"
            name="filter"
            value={query.filter}
            onChange={(e) => setQuery({ ...query, filter: e.target.value as Filter, page: 1 })}
          >
            {FILTERS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error ? (
        <div className="hs-alert hs-alert--danger" role="alert">
          <div className="hs-alert__title">Could not read tasks from the sandbox</div>
          <div className="hs-alert__body">{error}</div>
        </div>
      ) : data === null ? (
        <div className="page-loading">Loading tasks…</div>
      ) : (
        <>
          <table
            className="hs-table hs-table--bordered index-table"
            data-table="tasks"
            aria-busy={loading}
          >
            <thead>
              <tr>
                <th>Task</th>
                <th>Company</th>
                <th>Owner</th>
                <th aria-sort={ascending ? 'ascending' : 'descending'}>
                  <button
                    type="button"
                    className="hs-sort"
                    data-sort="due"
                    onClick={() =>
                      setQuery({ ...query, sort: ascending ? 'desc' : 'asc', page: 1 })
                    }
                  >
                    Due date
                    <span className="hs-sort__arrow">{ascending ? '▲' : '▼'}</span>
                  </button>
                </th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((t) => {
                const href = taskHref(t);
                return (
                  <tr key={t.id} data-task-id={t.id} data-overdue={t.overdue ? 'true' : undefined}>
                    <td>
                      {href ? (
                        <a className="hs-link" href={href}>
                          {t.subject}
                        </a>
                      ) : (
                        t.subject
                      )}
                      {t.closedNote ? (
                        <div className="hs-text hs-text--micro" data-closed-note="">
                          {t.closedNote}
                        </div>
                      ) : null}
                    </td>
                    <td data-cell="company">
                      {t.company ? (
                        <a className="hs-link" href={`/companies/${t.company.id}`}>
                          {t.company.name}
                        </a>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td data-cell="owner">{t.ownerName ?? t.ownerId ?? 'Unassigned'}</td>
                    <td data-cell="due">
                      <TaskDue task={t} />
                    </td>
                    <td>
                      <TaskStatus task={t} />
                    </td>
                  </tr>
                );
              })}
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={5} className="empty-row">
                    No {shown(data.query.filter)} tasks.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
          {data.pages > 1 ? (
            <nav className="pager" aria-label="Pages of tasks">
              <button
                type="button"
                className="hs-button hs-button--small"
                data-action="previous-page"
                disabled={query.page <= 1 || loading}
                onClick={() => setQuery({ ...query, page: query.page - 1 })}
              >
                ‹ Previous
              </button>
              <span className="hs-text" data-page-of="">
                Page {data.page} of {data.pages}
              </span>
              <button
                type="button"
                className="hs-button hs-button--small"
                data-action="next-page"
                disabled={query.page >= data.pages || loading}
                onClick={() => setQuery({ ...query, page: query.page + 1 })}
              >
                Next ›
              </button>
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
