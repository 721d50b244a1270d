// How a csops task reads wherever the preview lists one: its status, its due date marked when
// overdue, and the link to it on its company's record page.
import type { TaskRow } from '../tasks.js';
import { formatDate } from './format.js';

export function taskHref(task: TaskRow): string | null {
  return task.company ? `/companies/${task.company.id}#task-${task.id}` : null;
}

export function TaskStatus({ task }: { task: TaskRow }) {
  const variant = task.open ? (task.overdue ? 'danger' : 'info') : 'hollow';
  return (
    <span className={`hs-status hs-status--${variant}`} data-task-status={task.status ?? ''}>
      <span className="hs-status__dot" />
      {task.statusLabel ?? '—'}
    </span>
  );
}

export function TaskDue({ task }: { task: TaskRow }) {
  return (
    <span data-task-due={task.dueAt ?? ''}>
      {formatDate(task.dueAt)}
      {task.overdue ? (
        <span className="hs-tag hs-tag--error" data-overdue="">
          overdue
        </span>
      ) : null}
    </span>
  );
}
