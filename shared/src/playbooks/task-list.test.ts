import { describe, expect, it } from 'vitest';
import { playbookTaskList, type RecordedTask } from './task-list.js';

const asOf = '2026-11-02T09:00:00.000Z';
const task = (
  title: string,
  status: RecordedTask['status'],
  extra: Partial<RecordedTask> = {},
) => ({
  id: title,
  title,
  status,
  ...extra,
});

describe('playbookTaskList', () => {
  it('puts overdue work first, then what is due, then recently closed work', () => {
    const list = playbookTaskList(
      [
        task('Send the renewal proposal', 'open', { dueAt: '2026-11-09T09:00:00.000Z' }),
        task('Kick off', 'done', { completedAt: '2026-10-20T10:00:00.000Z' }),
        task('Call the champion', 'open', { dueAt: '2026-11-02T23:00:00.000Z' }),
        task('Meet a new champion', 'open', { dueAt: '2026-10-30T09:00:00.000Z' }),
        task('Plan', 'skipped', { completedAt: '2026-10-25T10:00:00.000Z', note: 'Not needed' }),
        task('No date', 'open'),
      ],
      asOf,
    );
    expect(list.tasks.map((t) => t.title)).toEqual([
      'Meet a new champion',
      'Call the champion',
      'Send the renewal proposal',
      'No date',
      'Plan',
      'Kick off',
    ]);
    expect(list.tasks.map((t) => [t.overdue, t.dueToday])).toEqual([
      [true, false],
      [false, true],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
    ]);
    expect(list).toMatchObject({ open: 4, overdue: 1 });
  });

  it('never calls done work overdue, and shows only the latest closed tasks', () => {
    const closed = Array.from({ length: 8 }, (_, i) =>
      task(`Done ${i}`, 'done', {
        dueAt: '2026-10-01T09:00:00.000Z',
        completedAt: `2026-10-1${i}T09:00:00.000Z`,
      }),
    );
    const list = playbookTaskList(closed, asOf);
    expect(list.tasks.map((t) => t.title)).toEqual([
      'Done 7',
      'Done 6',
      'Done 5',
      'Done 4',
      'Done 3',
    ]);
    expect(list.tasks.some((t) => t.overdue)).toBe(false);
    expect(list.overdue).toBe(0);
  });
});
