// The playbook section's data after a task changes: the core lists the tasks again, so order,
// flags and counts stay the core's.
import { playbookTaskList, type PlaybookAction } from '@csops/core';
import type { PlaybookTaskView, PlaybookView } from '../common/responses.js';

/**
 * The playbook with one task as the function answered it. A link or owner name the answer could
 * not give (no portal id, owners not readable) stays as the load gave it.
 */
export function withTask(
  playbook: PlaybookView,
  task: PlaybookTaskView,
  asOf: string,
): PlaybookView {
  const known = playbook.tasks.find((t) => t.id === task.id);
  const updated: PlaybookTaskView = {
    ...task,
    url: task.url ?? known?.url ?? null,
    ownerName: task.ownerName ?? known?.ownerName ?? null,
  };
  const listed = playbookTaskList(
    [...playbook.tasks.filter((t) => t.id !== task.id), updated],
    asOf,
  );
  return {
    ...playbook,
    // The core keeps each task's own fields (link, owner name) and adds its flags.
    tasks: listed.tasks as PlaybookTaskView[],
    open: listed.open,
    overdue: listed.overdue,
  };
}

/** The firing behind each task, by its action key: which playbook, and why it fired. */
export function firingsByKey(actions: readonly PlaybookAction[]): Map<string, PlaybookAction> {
  return new Map(actions.map((a) => [a.key, a]));
}
