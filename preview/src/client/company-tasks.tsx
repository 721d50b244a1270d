// The company's tasks beside its cards, open ones first, as HubSpot lists a record's tasks.
import { useEffect, useState } from 'react';
import type { TaskRow } from '../tasks.js';
import { taskHref, TaskDue, TaskStatus } from './task-parts.js';

const SHOWN = 8;

export function CompanyTasks({ rows, error }: { rows: TaskRow[] | null; error: string | null }) {
  // A link to one task lands on it once the list has drawn.
  useEffect(() => {
    if (!rows || !window.location.hash.startsWith('#task-')) return;
    document.getElementById(window.location.hash.slice(1))?.scrollIntoView({ block: 'center' });
  }, [rows]);
  const [showAll, setShowAll] = useState(false);
  const all = rows ? [...rows.filter((t) => t.open), ...rows.filter((t) => !t.open)] : [];
  // A linked task is shown even when it is past the first few.
  const linkedId = window.location.hash.startsWith('#task-') ? window.location.hash.slice(6) : null;
  const linked = all.findIndex((t) => t.id === linkedId);
  const list = showAll || linked >= SHOWN ? all : all.slice(0, SHOWN);
  return (
    <section className="side-card" data-company-tasks="">
      <h2 className="side-card__title">
        Tasks ({rows ? rows.filter((t) => t.open).length : '…'} open)
      </h2>
      {error ? <p className="hs-text hs-text--micro">Could not read tasks: {error}</p> : null}
      {rows && rows.length === 0 ? <p className="hs-text hs-text--micro">None</p> : null}
      {list.map((t) => (
        <div
          key={t.id}
          id={`task-${t.id}`}
          // The task a link points at: :target misses it, as the list draws after the page loads.
          className={`side-card__item task-item${linkedId === t.id ? ' is-linked' : ''}`}
          data-task-id={t.id}
          data-linked={linkedId === t.id ? 'true' : undefined}
          data-overdue={t.overdue ? 'true' : undefined}
        >
          <a className="hs-link task-item__subject" href={taskHref(t) ?? '#'}>
            {t.subject}
          </a>
          <div className="task-item__meta">
            <TaskStatus task={t} />
            <span className="hs-text hs-text--micro">
              Due <TaskDue task={t} />
            </span>
          </div>
          <div className="hs-text hs-text--micro" data-task-owner="">
            {t.ownerName ?? t.ownerId ?? 'Unassigned'}
          </div>
          {t.closedNote ? (
            <div className="hs-text hs-text--micro task-item__note" data-closed-note="">
              {t.closedNote}
            </div>
          ) : null}
        </div>
      ))}
      {list.length < all.length ? (
        <button
          type="button"
          className="hs-button hs-button--small"
          data-action="show-all-tasks"
          onClick={() => setShowAll(true)}
        >
          Show all {all.length}
        </button>
      ) : null}
      <div>
        <a className="hs-link hs-text--micro" href="/tasks">
          The book’s tasks ›
        </a>
      </div>
    </section>
  );
}
