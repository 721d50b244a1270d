// One company rescored where it stands: the saved settings and the account read together, the
// core's evaluation, the changed result written back and the playbook ledger carried out in one
// wave. The health card runs it on every load; the workflow action "Rescore with csops" runs the
// same thing for a company a workflow enrolled.
'use strict';

const { createSettingsStore } = require('./settings-store.js');
const { loadAccount, evaluateRecords } = require('./accounts.js');
const { settleAll } = require('./settle.js');
const { applyLedger } = require('./ledger-tasks.js');

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
  // The write-back and the ledger's writes do not depend on each other: one wave, or none.
  const [, applied] = await settleAll([
    writeBack !== null ? crm.update('companies', company.id, writeBack) : Promise.resolve(null),
    applyLedger(crm, [{ companyId: company.id, company, plan: ledger, tasks }], settings),
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
  };
}

module.exports = { rescoreCompany };
