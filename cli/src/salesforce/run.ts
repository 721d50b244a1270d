// `csops rescore salesforce`: every Account in Id order, a page at a time. Per page: its related
// records and csops Tasks in one composite read, the core's evaluation of each Account (write back
// only a changed result; the ledger's Tasks to create and to close), the writes in collections of
// 200 or, for a set large enough, one Bulk API 2.0 job, then the checkpoint. A page redone after a crash reads its Tasks again, so nothing is
// created twice and every write the crash lost is made.
import { evaluateAccount, formatIssues, parseSnapshot } from '@csops/core';
import type { Settings } from '@csops/core';
import { ledgerEntry, taskToClose, taskToCreate, TASK_FIELDS } from './ledger-tasks.js';
import type { SalesforceModules } from './lwc.js';
import type { OrgClient } from './org-client.js';
import { OrgReader } from './reads.js';
import { relatedByAccount, toLds } from './records.js';
import type { Row } from './records.js';
import { fieldList, inList, quote, soqlDateTime } from './soql.js';
import { BULK_FROM } from './bulk.js';
import { createTaskSet, updateSets } from './write-sets.js';
import type { Write, WriteOutcome } from './writes.js';

export interface RescoreTotals {
  read: number;
  rescored: number;
  unchanged: number;
  failed: number;
  tasksCreated: number;
  tasksClosed: number;
}
export const NO_TOTALS: RescoreTotals = {
  read: 0,
  rescored: 0,
  unchanged: 0,
  failed: 0,
  tasksCreated: 0,
  tasksClosed: 0,
};
export const addTotals = (a: RescoreTotals, b: RescoreTotals): RescoreTotals => ({
  read: a.read + b.read,
  rescored: a.rescored + b.rescored,
  unchanged: a.unchanged + b.unchanged,
  failed: a.failed + b.failed,
  tasksCreated: a.tasksCreated + b.tasksCreated,
  tasksClosed: a.tasksClosed + b.tasksClosed,
});

/** The settings record the core refused, by field, in the Account page's words. */
export class SettingsRefused extends Error {}

export interface RescoreRun {
  client: OrgClient;
  modules: SalesforceModules;
  version: string;
  asOf: string;
  settingsRecord: string;
  pageSize: number;
  /** Write sets of this many records or more go through one Bulk API 2.0 job (default BULK_FROM). */
  bulkFrom?: number;
  since?: string;
  /** Resume after this Account Id (the checkpoint's). */
  after?: string;
  /** After every page's writes: where the run stands. */
  onPage?: (lastId: string, page: RescoreTotals) => Promise<void> | void;
  onProgress?: (read: number, total: number) => void;
  onFailure?: (accountId: string, message: string) => void;
}

async function readSettings(reader: OrgReader, m: SalesforceModules, name: string) {
  const s = m.settings;
  const fields = [
    ...new Set([...Object.values(s.TYPED_FIELDS), s.MODEL_FIELD, s.REQUIRED_ITEMS_FIELD]),
  ];
  const found = await reader.queryAll({
    settings: `SELECT ${fieldList(fields)} FROM ${s.SETTINGS_OBJECT} WHERE DeveloperName = ${quote(name)} LIMIT 1`,
  });
  const record = found.settings![0] ?? null;
  const result = s.settingsFromRecord(record);
  if ('issues' in result)
    throw new SettingsRefused(
      `the ${s.SETTINGS_OBJECT} record ${name} is refused: ${result.issues.map((i) => i.text).join('; ')}`,
    );
  return result.settings;
}

export async function rescoreSalesforce(run: RescoreRun): Promise<RescoreTotals> {
  const reader = new OrgReader(run.client, run.version);
  const settings = await readSettings(reader, run.modules, run.settingsRecord);
  const { mapping, onboarding } = run.modules;
  const accountFields = fieldList(mapping.ACCOUNT_FIELDS, onboarding.ACCOUNT_ROUTING_FIELDS, [
    'Account.OwnerId',
  ]);
  const where = [
    ...(run.after ? [`Id > ${quote(run.after)}`] : []),
    ...(run.since ? [`LastModifiedDate >= ${soqlDateTime(run.since)}`] : []),
  ];
  const soql = `SELECT ${accountFields} FROM Account${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY Id`;
  let totals = NO_TOTALS;
  for await (const page of reader.pages(soql, run.pageSize)) {
    if (!page.records.length) break;
    const pageTotals = await rescorePage(run, reader, settings, page.records);
    totals = addTotals(totals, pageTotals);
    await run.onPage?.(page.records[page.records.length - 1]!.Id, pageTotals);
    run.onProgress?.(totals.read, page.totalSize);
  }
  return totals;
}

async function rescorePage(
  run: RescoreRun,
  reader: OrgReader,
  settings: Settings,
  accounts: Row[],
): Promise<RescoreTotals> {
  const { mapping, onboarding } = run.modules;
  const { CASES, CONTACTS, OPPORTUNITIES, EVENTS, RELATED_PAGE_SIZE } = mapping;
  const keyField = onboarding.ACTION_KEY_FIELD;
  const ids = inList(accounts.map((a) => a.Id));
  const fields = (list: typeof CASES, parent: string) =>
    fieldList(list.fields, list.optionalFields ?? [], [parent]);
  const rows = await reader.queryAll({
    cases: `SELECT ${fields(CASES, 'AccountId')} FROM Case WHERE AccountId IN ${ids}`,
    contacts: `SELECT ${fields(CONTACTS, 'AccountId')} FROM Contact WHERE AccountId IN ${ids}`,
    opportunities: `SELECT ${fields(OPPORTUNITIES, 'AccountId')} FROM Opportunity WHERE AccountId IN ${ids}`,
    events: `SELECT ${fields(EVENTS, 'WhatId')} FROM Event WHERE WhatId IN ${ids}`,
    tasks: `SELECT ${fieldList([keyField], TASK_FIELDS)} FROM Task WHERE WhatId IN ${ids} AND ${keyField} != null`,
  });
  const by = (key: string, parent: string, list: typeof CASES) =>
    relatedByAccount(rows[key]!, parent, list, RELATED_PAGE_SIZE);
  const cases = by('cases', 'AccountId', CASES);
  const contacts = by('contacts', 'AccountId', CONTACTS);
  const opportunities = by('opportunities', 'AccountId', OPPORTUNITIES);
  const events = by('events', 'WhatId', EVENTS);
  const tasksOf = new Map<string, Row[]>();
  for (const t of rows.tasks!) {
    const id = String(t.WhatId);
    tasksOf.set(id, [...(tasksOf.get(id) ?? []), t]);
  }

  const failures = new Map<string, string>();
  const fail = (accountId: string, message: string) => {
    if (!failures.has(accountId)) failures.set(accountId, message);
    run.onFailure?.(accountId, message);
  };
  const results: Write[] = [];
  const closes: Write[] = [];
  const creates: Write[] = [];
  const writtenBack = new Set<string>();
  const empty = { records: [] };
  for (const row of accounts) {
    const account = toLds(row);
    const related = {
      cases: cases.get(row.Id) ?? empty,
      contacts: contacts.get(row.Id) ?? empty,
      opportunities: opportunities.get(row.Id) ?? empty,
      events: events.get(row.Id) ?? empty,
    };
    const parsed = parseSnapshot(
      mapping.toAccountSnapshot({ account, ...related, asOf: run.asOf }),
    );
    if (!parsed.success) {
      fail(row.Id, `not scored: ${formatIssues(parsed.issues)}`);
      continue;
    }
    const tasks = tasksOf.get(row.Id) ?? [];
    const ledger = tasks.flatMap((t) => ledgerEntry(t, keyField) ?? []);
    const evaluation = evaluateAccount(parsed.data, settings, {
      stored: mapping.storedHealth(account),
      openExpansionDeal: mapping.hasOpenExpansion(related.opportunities),
      ledger,
    });
    const writeBack = mapping.healthWriteBack(account, evaluation.writeBack);
    if (writeBack) {
      writtenBack.add(row.Id);
      results.push({
        accountId: row.Id,
        record: { attributes: { type: 'Account' }, ...writeBack.fields },
      });
    }
    const people = {
      accountId: row.Id,
      csmId: onboarding.currentCsm(account),
      ownerId: typeof row.OwnerId === 'string' ? row.OwnerId : null,
    };
    for (const action of evaluation.ledger!.create)
      creates.push({
        accountId: row.Id,
        key: action.key,
        record: taskToCreate(action, people, settings, onboarding),
      });
    for (const closure of evaluation.ledger!.close)
      for (const t of tasks.filter((t) => t[keyField] === closure.key && t.Status !== 'Completed'))
        closes.push({ accountId: row.Id, record: taskToClose(t, closure) });
  }

  const bulkFrom = run.bulkFrom ?? BULK_FROM;
  const created = await createTaskSet(run.client, reader, run.version, keyField, creates, bulkFrom);
  const updated = await updateSets(run.client, run.version, [results, closes], bulkFrom);
  const report = (outcomes: WriteOutcome[], what: (w: Write) => string) => {
    for (const o of outcomes) if (!o.ok) fail(o.write.accountId, `${what(o.write)}: ${o.error}`);
  };
  report(created, (w) => `Task "${String(w.record.Subject)}" not created`);
  report(updated, (w) =>
    w.record.Id === w.accountId
      ? 'result not written back'
      : `Task ${String(w.record.Id)} not closed`,
  );
  const isTask = (o: WriteOutcome) => o.write.record.Id !== o.write.accountId;
  const failed = failures.size;
  const rescored = [...writtenBack].filter((id) => !failures.has(id)).length;
  return {
    read: accounts.length,
    rescored,
    unchanged: accounts.length - failed - rescored,
    failed,
    tasksCreated: created.filter((o) => o.ok).length,
    tasksClosed: updated.filter((o) => o.ok && isTask(o)).length,
  };
}
