// Walks every company in the portal sorted by hs_object_id — 200 per search page, associations
// for 1,000 at a time, writes of 100: each CRM search
// asks for ids above the last one seen, so paging never meets search's 10,000-result cap, and the
// last id finished is the checkpoint a re-run resumes from (redoing at most one batch).
'use strict';

const core = require('@csops/core');
const { loadAccountRecords, evaluateRecords } = require('./accounts.js');
const { COMPANY_PROPERTIES } = require('./snapshot-mapping.js');
const { chunk, BATCH_SIZE } = require('./crm.js');

const SEARCH_PAGE = 200;
/** Companies whose associations are read together: the v4 batch read takes 1,000 ids. */
const ASSOCIATION_CHUNK = 1_000;

/**
 * @typedef {{ load(): Promise<string | undefined>, save(lastId: string): Promise<void> }} Checkpoint
 * @typedef {{ id: string, records: import('./snapshot-mapping.js').AccountRecords }} LoadedAccount
 */

/**
 * @param {{
 *   crm: import('./crm.js').Crm,
 *   afterId?: string,
 *   checkpoint?: Checkpoint,
 *   deadline?: number,
 *   maxAccounts?: number,
 *   onBatch: (accounts: LoadedAccount[]) => Promise<void>,
 * }} options
 * @returns {Promise<{ done: boolean, lastId: string, scanned: number }>}
 */
async function scanPortfolio(options) {
  const { crm, onBatch } = options;
  let lastId = options.afterId ?? (await options.checkpoint?.load()) ?? '0';
  let scanned = 0;
  let searchedTo = lastId;
  let exhausted = false;
  for (;;) {
    // Gather up to 1,000 companies (5 search pages) so each association read covers 1,000 ids.
    /** @type {import('./crm.js').CrmRecord[]} */
    const companies = [];
    while (!exhausted && companies.length < ASSOCIATION_CHUNK) {
      const page = await crm.search('companies', {
        filterGroups: [
          { filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: searchedTo }] },
        ],
        sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
        properties: COMPANY_PROPERTIES,
        limit: SEARCH_PAGE,
      });
      companies.push(...page.results);
      if (page.results.length > 0) searchedTo = /** @type {string} */ (page.results.at(-1)?.id);
      if (page.results.length < SEARCH_PAGE) exhausted = true;
    }
    const loaded = companies.length > 0 ? await loadAccountRecords(crm, companies) : new Map();
    // Results are written and checkpointed per batch of 100, the batch API's limit.
    for (const batch of chunk(companies, BATCH_SIZE)) {
      await onBatch(
        batch.map((c) => ({ id: c.id, records: /** @type {any} */ (loaded.get(c.id)) })),
      );
      lastId = /** @type {string} */ (batch.at(-1)?.id);
      scanned += batch.length;
      await options.checkpoint?.save(lastId);
      const outOfTime = options.deadline !== undefined && Date.now() >= options.deadline;
      const enough = options.maxAccounts !== undefined && scanned >= options.maxAccounts;
      if (outOfTime || enough) return { done: false, lastId, scanned };
    }
    if (exhausted) return { done: true, lastId, scanned };
  }
}

/**
 * Scores every company and writes the results back with batch updates of 100.
 * @param {{ crm: import('./crm.js').Crm, settings: import('@csops/core').Settings, settingsVersion?: number | null, asOf: string, afterId?: string, checkpoint?: Checkpoint, deadline?: number }} options
 */
async function rescorePortfolio(options) {
  const { crm, settings, asOf } = options;
  const settingsVersion = options.settingsVersion ?? null;
  let written = 0;
  /** @type {{ id: string, issues: { path: string, message: string }[] }[]} */
  const refused = [];
  /** @type {Record<string, number>} */
  const bands = { green: 0, yellow: 0, red: 0, unscored: 0 };
  const scan = await scanPortfolio({
    ...options,
    onBatch: async (accounts) => {
      const updates = [];
      for (const a of accounts) {
        const result = evaluateRecords(a.records, settings, asOf, settingsVersion);
        if (!result.ok) {
          refused.push({ id: a.id, issues: result.issues });
          continue;
        }
        const band = result.evaluation.health.band ?? 'unscored';
        bands[band] = (bands[band] ?? 0) + 1;
        if (result.writeBack !== null) updates.push({ id: a.id, properties: result.writeBack });
      }
      if (updates.length > 0) await crm.batchUpdate('companies', updates);
      written += updates.length;
    },
  });
  return { ...scan, written, refused, bands };
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
