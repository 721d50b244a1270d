// Walks every company in the portal sorted by hs_object_id — 200 per search page, associations
// for 1,000 at a time, writes of 100: each CRM search
// asks for ids above the last one seen, so paging never meets search's 10,000-result cap, and the
// last id finished is the checkpoint a re-run resumes from (redoing at most one batch).
// The app function (portfolio-rescore.js) and `csops rescore hubspot` run this same loop.
'use strict';

const core = require('@csops/core');
const { loadAccountRecords, evaluateRecords } = require('./accounts.js');
const { COMPANY_PROPERTIES } = require('./snapshot-mapping.js');
const { chunk, BATCH_SIZE } = require('./crm.js');
const { alertsFor } = require('./account-alerts.js');
const { applyLedger } = require('./ledger-tasks.js');
const { settleAll } = require('./settle.js');

const SEARCH_PAGE = 200;
/** Companies whose associations are read together: the v4 batch read takes 1,000 ids. */
const ASSOCIATION_CHUNK = 1_000;
/** How many chunks of 1,000 a rescore's searches may run ahead of its writes. */
const SEARCHES_AHEAD = 3;

/**
 * @typedef {{
 *   load(): Promise<string | undefined>,
 *   save(lastId: string, totals: RescoreTotals, pending: import('./ledger-tasks.js').PendingTask[]): Promise<void>,
 *   pending?(): Promise<import('./ledger-tasks.js').PendingTask[]>,
 * }} Checkpoint
 * A checkpoint keeps the last company finished and the task creates held for a full call.
 * @typedef {{ id: string, records: import('./snapshot-mapping.js').AccountRecords }} LoadedAccount
 * @typedef {{ read: number, rescored: number, unchanged: number, failed: number, tasksCreated: number, tasksClosed: number, escalationsCreated: number, alertsSent: number, alertsFailed: number }} RescoreTotals
 * @typedef {{ portalId: string, send(alerts: import('@csops/core').ChannelAlert[]): Promise<{ sent: number, failed: number }> }} AlertSender
 * @typedef {{ scanned: number, total: number }} ScanProgress
 */

/**
 * @param {{
 *   crm: import('./crm.js').Crm,
 *   afterId?: string,
 *   checkpoint?: Checkpoint,
 *   deadline?: number,
 *   maxAccounts?: number,
 *   since?: string,
 *   tasks?: boolean,
 *   readAhead?: boolean,
 *   onBatch: (accounts: LoadedAccount[]) => Promise<void>,
 *   afterBatch?: (lastId: string, progress: ScanProgress) => Promise<void>,
 * }} options
 * `since` keeps only companies modified at or after it; `tasks` also reads their csops tasks;
 * `readAhead` reads the next 1,000 companies while the current ones are written.
 * @returns {Promise<{ done: boolean, lastId: string, scanned: number }>}
 */
async function scanPortfolio(options) {
  const { crm, onBatch } = options;
  let lastId = options.afterId ?? (await options.checkpoint?.load()) ?? '0';
  let scanned = 0;
  /** @type {number | null} companies left when the scan started, from the first search's total */
  let total = null;
  const modifiedSince = options.since
    ? [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: options.since }]
    : [];

  /**
   * Up to 1,000 companies after `from` (5 search pages), so each association read covers 1,000
   * ids; null past the last one.
   * @param {string} from
   */
  const searchChunk = async (from) => {
    /** @type {import('./crm.js').CrmRecord[]} */
    const companies = [];
    let searchedTo = from;
    let exhausted = false;
    while (!exhausted && companies.length < ASSOCIATION_CHUNK) {
      const page = await crm.search('companies', {
        filterGroups: [
          {
            filters: [
              { propertyName: 'hs_object_id', operator: 'GT', value: searchedTo },
              ...modifiedSince,
            ],
          },
        ],
        sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
        properties: COMPANY_PROPERTIES,
        limit: SEARCH_PAGE,
      });
      total ??= page.total;
      companies.push(...page.results);
      if (page.results.length > 0) searchedTo = /** @type {string} */ (page.results.at(-1)?.id);
      if (page.results.length < SEARCH_PAGE) exhausted = true;
    }
    return { companies, searchedTo, exhausted };
  };
  /** @typedef {Awaited<ReturnType<typeof searchChunk>> | null} Searched */
  /** @param {Searched} found */
  const loadChunk = async (found) =>
    found === null
      ? null
      : {
          ...found,
          loaded:
            found.companies.length > 0
              ? await loadAccountRecords(crm, found.companies, { tasks: options.tasks })
              : new Map(),
        };

  // Searches run up to SEARCHES_AHEAD chunks ahead and the next chunk's records are read while
  // this one is written (`readAhead`), so neither search's own per-second limit nor a read waits
  // on the writes. Every promise is settled before the scan answers.
  /** @type {Promise<Searched>[]} */
  const searches = [searchChunk(lastId)];
  const searchAfter = (/** @type {Promise<Searched>} */ previous) =>
    previous.then((r) => (r === null || r.exhausted ? null : searchChunk(r.searchedTo)));
  /** @type {Promise<unknown>[]} */
  const inFlight = [];
  /** @template T @param {Promise<T>} p */
  const track = (p) => {
    p.catch(() => undefined);
    inFlight.push(p);
    return p;
  };
  track(/** @type {Promise<Searched>} */ (searches[0]));
  const depth = options.readAhead ? SEARCHES_AHEAD : 0;
  const finish = async () => {
    await Promise.allSettled(inFlight);
  };

  let next = track(loadChunk(await /** @type {Promise<Searched>} */ (searches[0])));
  for (let k = 0; ; k++) {
    const current = await next.catch(async (error) => {
      await finish();
      throw error;
    });
    if (current === null) {
      await finish();
      return { done: true, lastId, scanned };
    }
    if (options.readAhead) {
      while (searches.length <= k + 1 + depth)
        searches.push(track(searchAfter(/** @type {Promise<Searched>} */ (searches.at(-1)))));
      next = track(/** @type {Promise<Searched>} */ (searches[k + 1]).then(loadChunk));
    }
    const { companies, loaded, searchedTo, exhausted } = current;
    // Results are written and checkpointed per batch of 100, the batch API's limit.
    for (const batch of chunk(companies, BATCH_SIZE)) {
      try {
        await onBatch(
          batch.map((c) => ({ id: c.id, records: /** @type {any} */ (loaded.get(c.id)) })),
        );
      } catch (error) {
        await finish();
        throw error;
      }
      lastId = /** @type {string} */ (batch.at(-1)?.id);
      scanned += batch.length;
      await options.afterBatch?.(lastId, { scanned, total: Math.max(total ?? 0, scanned) });
      const outOfTime = options.deadline !== undefined && Date.now() >= options.deadline;
      const enough = options.maxAccounts !== undefined && scanned >= options.maxAccounts;
      if (outOfTime || enough) {
        await finish();
        return { done: false, lastId, scanned };
      }
    }
    if (exhausted) {
      await finish();
      return { done: true, lastId, scanned };
    }
    if (!options.readAhead) next = track(searchChunk(searchedTo).then(loadChunk));
  }
}

/**
 * Scores every company (or those modified since `since`), writes the results the core says
 * changed with batch updates of 100, and carries out each batch's playbook ledger: tasks created,
 * escalations due, moot steps closed. The checkpoint is saved after each batch's writes.
 * @param {{
 *   crm: import('./crm.js').Crm,
 *   settings: import('@csops/core').Settings,
 *   settingsVersion?: number | null,
 *   asOf: string,
 *   afterId?: string,
 *   checkpoint?: Checkpoint,
 *   deadline?: number,
 *   since?: string,
 *   onProgress?: (progress: ScanProgress & { totals: RescoreTotals }) => void,
 *   alerts?: AlertSender,
 * }} options
 */
async function rescorePortfolio(options) {
  const { crm, settings, asOf } = options;
  const settingsVersion = options.settingsVersion ?? null;
  /** @type {RescoreTotals} */
  const totals = {
    read: 0,
    rescored: 0,
    unchanged: 0,
    failed: 0,
    tasksCreated: 0,
    tasksClosed: 0,
    escalationsCreated: 0,
    alertsSent: 0,
    alertsFailed: 0,
  };
  /** @type {{ id: string, issues: { path: string, message: string }[] }[]} */
  const refused = [];
  /** @type {Record<string, number>} */
  const bands = { green: 0, yellow: 0, red: 0, unscored: 0 };
  /** @type {import('./ledger-tasks.js').PendingTask[]} task creates held for a full call of 100 */
  let held = options.afterId ? [] : ((await options.checkpoint?.pending?.()) ?? []);
  /** @param {Awaited<ReturnType<typeof applyLedger>>} applied */
  const count = (applied) => {
    totals.tasksCreated += applied.created;
    totals.tasksClosed += applied.closed;
    totals.escalationsCreated += applied.escalations;
  };
  const scan = await scanPortfolio({
    ...options,
    tasks: true,
    // A run that stops at a time budget would read a chunk it never writes.
    readAhead: options.deadline === undefined,
    onBatch: async (accounts) => {
      const updates = [];
      /** @type {import('./ledger-tasks.js').AccountLedger[]} */
      const ledgers = [];
      /** @type {import('@csops/core').ChannelAlert[]} */
      const alerts = [];
      let failed = 0;
      let rescored = 0;
      for (const a of accounts) {
        const result = evaluateRecords(a.records, settings, asOf, settingsVersion);
        if (!result.ok) {
          refused.push({ id: a.id, issues: result.issues });
          failed += 1;
          continue;
        }
        const band = result.evaluation.health.band ?? 'unscored';
        bands[band] = (bands[band] ?? 0) + 1;
        if (result.writeBack !== null) rescored += 1;
        const notice = options.alerts
          ? alertsFor(result, a.records.company, settings, asOf, options.alerts.portalId)
          : null;
        if (notice) alerts.push(...notice.alerts);
        // The alert log rides on the company's own write, which lands before anything is sent.
        const properties = notice
          ? { ...(result.writeBack ?? {}), csops_alert_log: notice.log }
          : result.writeBack;
        if (properties !== null) updates.push({ id: a.id, properties });
        const plan = result.evaluation.ledger;
        if (plan && (plan.create.length > 0 || plan.close.length > 0))
          ledgers.push({
            companyId: a.id,
            company: a.records.company,
            plan,
            tasks: a.records.tasks ?? [],
          });
      }
      // The company writes and the ledger's touch different records: they go out together.
      const [, applied] = await settleAll([
        updates.length > 0 ? crm.batchUpdate('companies', updates) : Promise.resolve(),
        applyLedger(crm, ledgers, settings, { carried: held, holdBack: true }),
      ]);
      held = applied.held;
      if (alerts.length > 0 && options.alerts) {
        const delivered = await options.alerts.send(alerts);
        totals.alertsSent += delivered.sent;
        totals.alertsFailed += delivered.failed;
      }
      totals.read += accounts.length;
      totals.rescored += rescored;
      totals.failed += failed;
      totals.unchanged = totals.read - totals.rescored - totals.failed;
      count(applied);
    },
    afterBatch: async (lastId, progress) => {
      await options.checkpoint?.save(lastId, { ...totals }, held);
      options.onProgress?.({ ...progress, totals: { ...totals } });
    },
  });
  // Whatever is still held goes out before the run answers, so no run leaves a step unrecorded.
  if (held.length > 0) {
    count(await applyLedger(crm, [], settings, { carried: held }));
    held = [];
    await options.checkpoint?.save(scan.lastId, { ...totals }, held);
  }
  return { ...scan, written: totals.rescored, refused, bands, ...totals };
}

/**
 * How many accounts would change band under draft settings, against the saved ones. Reads only.
 * @param {{ crm: import('./crm.js').Crm, saved: import('@csops/core').Settings, draft: import('@csops/core').Settings, asOf: string, maxAccounts?: number, deadline?: number }} options
 */
async function previewBandChanges(options) {
  const { saved, draft, asOf } = options;
  /** @type {import('@csops/core').BandChangePreview} */
  const preview = { scanned: 0, scored: 0, changed: 0, moves: {}, complete: false };
  const scan = await scanPortfolio({
    crm: options.crm,
    maxAccounts: options.maxAccounts,
    deadline: options.deadline,
    onBatch: async (accounts) => {
      for (const a of accounts) {
        const before = evaluateRecords(a.records, saved, asOf);
        const after = evaluateRecords(a.records, draft, asOf);
        if (!before.ok || !after.ok) continue;
        core.countBandMove(preview, before.evaluation.health.band, after.evaluation.health.band);
      }
    },
  });
  return { ...preview, scanned: scan.scanned, complete: scan.done };
}

module.exports = { scanPortfolio, rescorePortfolio, previewBandChanges, SEARCH_PAGE };
