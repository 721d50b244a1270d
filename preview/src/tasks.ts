// The csops playbook tasks the preview shows: a company's tasks on its record page, and the book's
// tasks on the Tasks page, read from the CRM through HubSpot's own client as HubSpot keeps them.
import type { Client } from '@hubspot/api-client';
import { isoDate } from '@csops/core';
import { z } from 'zod';
import { readOwnerNames } from './crm.js';

// Only a completed task is closed; csops_outcome says whether it was done or skipped, as csops
// and the health card record it. Deferred is still work someone owes.
const OPEN_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'DEFERRED'];
const CLOSED_STATUSES = ['COMPLETED'];
const TASK_PROPERTIES = [
  'hs_task_subject',
  'hs_task_status',
  'hs_timestamp',
  'hs_task_completion_date',
  'hubspot_owner_id',
  'csops_action_key',
  'csops_action_type',
  'csops_outcome',
  'csops_closed_note',
];
export const TASKS_PAGE_SIZE = 50;
// Search pages by offset and stops at 10,000 results.
const SEARCH_CAP = 10_000;

export interface TaskRow {
  id: string;
  subject: string;
  status: string | null;
  /** HubSpot's label for the status ("Not started", "Completed"). */
  statusLabel: string | null;
  open: boolean;
  dueAt: string | null;
  /** Open, and due on a UTC day before today's: the day rule the playbooks' actions use. */
  overdue: boolean;
  completedAt: string | null;
  ownerId: string | null;
  ownerName: string | null;
  actionType: string | null;
  closedNote: string | null;
  company: { id: string; name: string } | null;
}

export const taskQuerySchema = z.object({
  filter: z.enum(['open', 'overdue', 'done']).default('open'),
  sort: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(SEARCH_CAP / TASKS_PAGE_SIZE)
    .default(1),
});
export type TaskQuery = z.output<typeof taskQuerySchema>;

export interface TaskPage {
  tasks: TaskRow[];
  total: number;
  page: number;
  pages: number;
  query: TaskQuery;
}

// HubSpot's documented sort form; the client's type says string.
const byDue = (direction: 'ASCENDING' | 'DESCENDING') =>
  ({ propertyName: 'hs_timestamp', direction }) as never;

/** Start of the UTC day `now` falls on: tasks due before it are overdue. */
function startOfDay(now: string): string {
  return `${isoDate(now)}T00:00:00.000Z`;
}

function isOverdue(status: string | null, dueAt: string | null, now: string): boolean {
  if (!dueAt || !OPEN_STATUSES.includes(status ?? 'NOT_STARTED')) return false;
  return isoDate(dueAt) < isoDate(now);
}

async function statusLabels(client: Client): Promise<Map<string, string>> {
  try {
    const def = await client.crm.properties.coreApi.getByName('tasks', 'hs_task_status');
    return new Map(def.options.map((o) => [o.value, o.label]));
  } catch {
    return new Map();
  }
}

type Found = { id: string; properties: Record<string, string | null> };
type RowCompany = { id: string; name: string };

/** Each task's company (its first), named. */
async function companiesOf(client: Client, ids: string[]): Promise<Map<string, RowCompany>> {
  const out = new Map<string, RowCompany>();
  if (ids.length === 0) return out;
  const links = await client.crm.associations.v4.batchApi.getPage('tasks', 'companies', {
    inputs: ids.map((id) => ({ id })),
  });
  const companyOf = new Map<string, string>();
  for (const r of links.results) {
    const to = r.to[0];
    if (to) companyOf.set(r._from.id, String(to.toObjectId));
  }
  const companyIds = [...new Set(companyOf.values())];
  const names = new Map<string, string>();
  if (companyIds.length) {
    const read = await client.crm.companies.batchApi.read({
      inputs: companyIds.map((id) => ({ id })),
      properties: ['name'],
      propertiesWithHistory: [],
    });
    for (const c of read.results) names.set(c.id, c.properties.name ?? `Company ${c.id}`);
  }
  for (const [taskId, companyId] of companyOf) {
    out.set(taskId, { id: companyId, name: names.get(companyId) ?? `Company ${companyId}` });
  }
  return out;
}

async function toRows(
  client: Client,
  found: Found[],
  now: string,
  company?: RowCompany,
): Promise<TaskRow[]> {
  const [labels, owners, companies] = await Promise.all([
    statusLabels(client),
    readOwnerNames(
      client,
      found.map((t) => t.properties.hubspot_owner_id ?? ''),
    ),
    company
      ? Promise.resolve(new Map<string, RowCompany>())
      : companiesOf(
          client,
          found.map((t) => t.id),
        ),
  ]);
  return found.map((t) => {
    const p = t.properties;
    const status = p.hs_task_status || null;
    const dueAt = p.hs_timestamp || null;
    const ownerId = p.hubspot_owner_id || null;
    return {
      id: t.id,
      subject: p.hs_task_subject || `Task ${t.id}`,
      status,
      // A step csops or the CSM skipped reads as skipped, not as HubSpot's plain "Completed".
      statusLabel:
        status === 'COMPLETED' && p.csops_outcome === 'skipped'
          ? 'Skipped'
          : status
            ? (labels.get(status) ?? status)
            : null,
      open: !CLOSED_STATUSES.includes(status ?? ''),
      dueAt,
      overdue: isOverdue(status, dueAt, now),
      completedAt: p.hs_task_completion_date || null,
      ownerId,
      ownerName: ownerId ? (owners.get(ownerId) ?? null) : null,
      actionType: p.csops_action_type || null,
      closedNote: p.csops_closed_note || null,
      company: company ?? companies.get(t.id) ?? null,
    };
  });
}

/** A company's tasks, soonest due first (every one of them, 200 a search page). */
export async function readCompanyTasks(
  client: Client,
  companyId: string,
  now: string,
): Promise<TaskRow[]> {
  const found: Found[] = [];
  let after: string | undefined;
  do {
    const page = await client.crm.objects.tasks.searchApi.doSearch({
      filterGroups: [
        {
          filters: [
            { propertyName: 'associations.company', operator: 'EQ' as never, value: companyId },
          ],
        },
      ],
      sorts: [byDue('ASCENDING')],
      properties: TASK_PROPERTIES,
      limit: 200,
      after,
    });
    found.push(...page.results);
    after = page.paging?.next?.after;
  } while (after && found.length < SEARCH_CAP);
  const company = await client.crm.companies.basicApi.getById(companyId, ['name']);
  return toRows(client, found, now, {
    id: companyId,
    name: company.properties.name ?? `Company ${companyId}`,
  });
}

/** One page of the book's csops tasks: open, overdue or done, by due date. */
export async function readTaskPage(
  client: Client,
  query: TaskQuery,
  now: string,
): Promise<TaskPage> {
  const filters: { propertyName: string; operator: never; value?: string; values?: string[] }[] = [
    { propertyName: 'csops_action_key', operator: 'HAS_PROPERTY' as never },
    {
      propertyName: 'hs_task_status',
      operator: 'IN' as never,
      values: query.filter === 'done' ? CLOSED_STATUSES : OPEN_STATUSES,
    },
  ];
  if (query.filter === 'overdue') {
    filters.push({ propertyName: 'hs_timestamp', operator: 'LT' as never, value: startOfDay(now) });
  }
  const result = await client.crm.objects.tasks.searchApi.doSearch({
    filterGroups: [{ filters }],
    sorts: [byDue(query.sort === 'asc' ? 'ASCENDING' : 'DESCENDING')],
    properties: TASK_PROPERTIES,
    limit: TASKS_PAGE_SIZE,
    after: query.page > 1 ? String((query.page - 1) * TASKS_PAGE_SIZE) : undefined,
  });
  const reachable = Math.min(result.total, SEARCH_CAP);
  return {
    tasks: await toRows(client, result.results, now),
    total: result.total,
    page: query.page,
    pages: Math.max(1, Math.ceil(reachable / TASKS_PAGE_SIZE)),
    query,
  };
}
