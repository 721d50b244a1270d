// One company rescored where it stands: the saved settings and the account read together, the
// core's evaluation, the changed result written back and the playbook ledger carried out in one
// wave. The health card runs it on every load; the workflow action "Rescore with csops" runs the
// same thing for a company a workflow enrolled.
'use strict';

const { createSettingsStore } = require('./settings-store.js');
const { loadAccount, evaluateRecords } = require('./accounts.js');
const { settleAll } = require('./settle.js');
const { applyLedger } = require('./ledger-tasks.js');
const { ownerNameOf } = require('./owner-name.js');

/**
 * @param {import('./crm.js').Crm} crm
 * @param {string} companyId
 * @param {string} asOf
 */
async function rescoreCompany(crm, companyId, asOf) {
  // Settings and the account are read together in two waves; the writes are the third.
  const [{ settings, version }, records] = await settleAll([
    createSettingsStore(crm).current(),
    loadAccount(crm, companyId, { tasks: true }),
  ]);
  const { company } = records;
  const result = evaluateRecords(records, settings, asOf, version?.version ?? null);
  if (!result.ok) return { ok: /** @type {const} */ (false), issues: result.issues };
  const writeBack = result.writeBack;
  const ledger = /** @type {import('@csops/core').LedgerPlan} */ (result.evaluation.ledger);
  const tasks = records.tasks ?? [];
  // The write-back, the ledger's writes and the names of the people tasks go to do not depend on
  // each other: one wave.
  const [, applied, ownerNames] = await settleAll([
    writeBack !== null ? crm.update('companies', company.id, writeBack) : Promise.resolve(null),
    applyLedger(crm, [{ companyId: company.id, company, plan: ledger, tasks }], settings),
    namesOfPeopleOn(crm, company, settings),
  ]);
  return {
    ok: /** @type {const} */ (true),
    company,
    result,
    settings,
    version,
    ledger,
    applied,
    tasks: applied.tasksOf.get(company.id) ?? tasks,
    ownerNames,
  };
}

/**
 * The names of the CSM and the account owner, who own the company's playbook tasks, when settings
 * do not name them: an unreadable owner (deleted, no owners scope) is left unnamed.
 * @param {import('./crm.js').Crm} crm
 * @param {import('./crm.js').CrmRecord} company
 * @param {import('@csops/core').Settings} settings
 * @returns {Promise<Map<string, string>>}
 */
async function namesOfPeopleOn(crm, company, settings) {
  const named = new Set([...settings.csms.map((c) => c.id), settings.team.manager?.id]);
  const ids = [
    ...new Set([company.properties.csops_csm_owner_id, company.properties.hubspot_owner_id]),
  ].filter((id) => typeof id === 'string' && !named.has(id));
  const names = await settleAll(ids.map(async (id) => [id, await ownerNameOf(crm, id)]));
  return new Map(/** @type {[string, string][]} */ (names.filter(([, name]) => name !== null)));
}

module.exports = { rescoreCompany };
