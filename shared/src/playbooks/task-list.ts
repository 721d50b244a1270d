import { dayNumber, parseInstant } from '../time/instant.js';
import type { LedgerStatus } from '../vocabulary/keys.js';

/** A playbook task as the CRM holds it, read back for the card and the Tasks list. */
export interface RecordedTask {
  id: string;
  /** The playbook action key, when csops created the task. */
  key?: string | null;
  title: string;
  status: LedgerStatus;
  dueAt?: string | null;
  ownerId?: string | null;
  /** Why it was skipped or closed by csops; the CSM's words when they skipped it. */
  note?: string | null;
  completedAt?: string | null;
}

export interface ListedTask extends RecordedTask {
  overdue: boolean;
  dueToday: boolean;
}

export interface TaskList {
  /** Open work first (overdue, then by due date), then what was done or skipped, newest first. */
  tasks: ListedTask[];
  open: number;
  overdue: number;
}

const NO_DUE = Number.POSITIVE_INFINITY;

function dueMs(t: RecordedTask): number {
  return t.dueAt ? parseInstant(t.dueAt) : NO_DUE;
}

/**
 * The playbook work of one account or a book, as CSMs read it: what is late first. A task is
 * overdue from the UTC day after its due day, as playbook steps are everywhere in csops.
 */
export function playbookTaskList(
  recorded: readonly RecordedTask[],
  asOf: string,
  closedToShow = 5,
): TaskList {
  const today = dayNumber(asOf);
  const listed = recorded.map((t): ListedTask => {
    const day = t.dueAt ? dayNumber(t.dueAt) : null;
    const open = t.status === 'open';
    return { ...t, overdue: open && day !== null && day < today, dueToday: open && day === today };
  });
  const open = listed
    .filter((t) => t.status === 'open')
    .sort((a, b) => dueMs(a) - dueMs(b) || a.title.localeCompare(b.title));
  const closed = listed
    .filter((t) => t.status !== 'open')
    .sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''))
    .slice(0, closedToShow);
  return {
    tasks: [...open, ...closed],
    open: open.length,
    overdue: open.filter((t) => t.overdue).length,
  };
}
