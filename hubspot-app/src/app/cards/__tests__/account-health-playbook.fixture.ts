// What account_health answers for a company whose health fell to red, with the csops tasks the
// CRM holds for it: the red-recovery steps the ledger created on this load, an earlier usage-drop
// step now overdue, and two closed ones. Built with the core, as the function builds it.
import {
  defaultSettings,
  evaluateAccount,
  playbookTaskList,
  type LedgerEntry,
  type RecordedTask,
} from '@csops/core';
import { GOLDEN_ACCOUNTS } from '@csops/core/fixtures';
import type { AccountHealthResponse, PlaybookTaskView, PlaybookView } from '../common/responses.js';

const golden = GOLDEN_ACCOUNTS.find((g) => g.key === 'fell-to-red-with-open-deal');
if (!golden) throw new Error('no golden account fell-to-red-with-open-deal');
const account = golden.snapshot.accountId;
const red = `csops:${account}:health-red:health_below_band:red:2026-11-02`;
const usageDrop = (day: string) => `csops:${account}:usage-drop:usage_drop:30:${day}:investigate`;

export const PORTAL = 123;
export const PRIYA = { id: '8100002', name: 'Priya Natarajan' };

const taskUrl = (id: string) => `https://app.hubspot.com/contacts/${PORTAL}/record/0-27/${id}`;

/** The tasks as the CRM holds them, each with its owner's name. */
const recorded: (RecordedTask & { ownerName: string | null })[] = [
  {
    id: '9101',
    key: `${red}:alert`,
    title: 'Health dropped to red',
    status: 'open',
    dueAt: '2026-11-02T09:00:00.000Z',
    ownerId: PRIYA.id,
    ownerName: PRIYA.name,
  },
  {
    id: '9102',
    key: `${red}:diagnose`,
    title: 'Review the drivers and call the champion',
    status: 'open',
    dueAt: '2026-11-04T09:00:00.000Z',
    ownerId: null,
    ownerName: null,
  },
  {
    id: '9093',
    key: usageDrop('2026-10-27'),
    title: 'Find out why active users fell',
    status: 'open',
    dueAt: '2026-10-30T09:00:00.000Z',
    ownerId: PRIYA.id,
    ownerName: PRIYA.name,
  },
  {
    id: '9095',
    key: `csops:${account}:champion-left:champion_left:2026-10-13:new-champion`,
    title: 'Identify and meet a new champion',
    status: 'skipped',
    dueAt: '2026-10-20T00:00:00.000Z',
    ownerId: PRIYA.id,
    ownerName: PRIYA.name,
    note: 'The champion is back from leave; nobody left',
    completedAt: '2026-10-25T14:12:00.000Z',
  },
  {
    id: '9090',
    key: usageDrop('2026-09-14'),
    title: 'Find out why active users fell',
    status: 'done',
    dueAt: '2026-09-17T09:00:00.000Z',
    ownerId: PRIYA.id,
    ownerName: PRIYA.name,
    completedAt: '2026-09-16T10:30:00.000Z',
  },
];

/** The answer, with `playbook` as a function that reads the CRM's tasks gives it. */
export function healthWithPlaybook(): { ok: true; data: AccountHealthResponse } {
  if (!golden) throw new Error('unreachable');
  const ledger: LedgerEntry[] = recorded.flatMap((t) =>
    t.key ? [{ key: t.key, status: t.status, triggeredAt: '2026-11-02T09:00:00.000Z' }] : [],
  );
  const evaluation = evaluateAccount(golden.snapshot, defaultSettings(), {
    previous: golden.previous,
    openExpansionDeal: false,
    ledger,
  });
  const listed = playbookTaskList(recorded, golden.snapshot.asOf);
  const playbook: PlaybookView = {
    tasks: listed.tasks.map((t) => ({ ...(t as PlaybookTaskView), url: taskUrl(t.id) })),
    open: listed.open,
    overdue: listed.overdue,
    waiting: evaluation.ledger?.waiting ?? [],
    created: 2,
  };
  return {
    ok: true,
    data: {
      company: { id: '101', name: golden.snapshot.name ?? '' },
      asOf: golden.snapshot.asOf,
      settingsVersion: null,
      evaluation,
      openExpansionDeal: null,
      dataIssues: [],
      playbook,
    },
  };
}

/** What playbook_task_update answers for one of these tasks once it is closed. */
export function closedAnswer(
  id: string,
  outcome: 'done' | 'skipped',
  note: string | null = null,
  // The function answers with no owner name or link when it could not read them.
  extra: Partial<PlaybookTaskView> = {},
) {
  const task = recorded.find((t) => t.id === id);
  if (!task) throw new Error(`no task ${id}`);
  return {
    ok: true as const,
    data: {
      task: {
        ...task,
        status: outcome,
        note,
        completedAt: '2026-11-02T10:15:00.000Z',
        overdue: false,
        dueToday: false,
        url: taskUrl(id),
        ...extra,
      } satisfies PlaybookTaskView,
    },
  };
}
