// Reading accounts from HubSpot and scoring them with the core: used by the health card,
// the expansion deal, the settings preview and the portfolio rescore alike.
'use strict';

const core = require('@csops/core');
const mapping = require('./snapshot-mapping.js');
const { settleAll } = require('./settle.js');
const ledgerTasks = require('./ledger-tasks.js');

/** @typedef {import('./crm.js').CrmRecord} CrmRecord */

/**
 * Reads the records associated with a set of companies, in three waves of requests in flight
 * together: the 4 association reads (1 per type per 1,000 companies), then the batch reads of 100
 * of every type, then who attended the meetings of companies with an executive sponsor on record.
 * `eagerAttendees` reads the attendees of every meeting in the second wave instead: a round trip
 * less for one account, at the cost of a request where no executive sponsor is on record.
 * `tasks` also reads the companies' csops tasks (the playbook ledger) in the same two waves.
 * @param {import('./crm.js').Crm} crm
 * @param {string[]} ids company ids
 * @param {{ eagerAttendees?: boolean, tasks?: boolean }} [options]
 */
async function readAssociated(crm, ids, options = {}) {
  /** @type {Promise<Map<string, string[]> | undefined>} */
  const noTasks = Promise.resolve(undefined);
  const [dealIds, ticketIds, contactIds, meetingIds, taskIds] = await settleAll([
    crm.associations('companies', 'deals', ids),
    crm.associations('companies', 'tickets', ids),
    crm.associations('companies', 'contacts', ids),
    crm.associations('companies', 'meetings', ids),
    options.tasks ? crm.associations('companies', 'tasks', ids) : noTasks,
  ]);
  const all = (/** @type {Map<string, string[]>} */ m) => [...new Set([...m.values()].flat())];
  const byId = (/** @type {CrmRecord[]} */ rs) => new Map(rs.map((r) => [r.id, r]));
  const read = async (
    /** @type {string} */ type,
    /** @type {string[]} */ want,
    /** @type {string[]} */ props,
  ) => (want.length > 0 ? byId(await crm.batchRead(type, want, props)) : new Map());
  const attendeesOf = async (/** @type {string[]} */ meetings) =>
    meetings.length > 0
      ? crm.associations('meetings', 'contacts', meetings)
      : /** @type {Map<string, string[]>} */ (new Map());
  const [deals, tickets, contacts, meetings, eager, tasks] = await settleAll([
    read('deals', all(dealIds), mapping.DEAL_PROPERTIES),
    read('tickets', all(ticketIds), mapping.TICKET_PROPERTIES),
    read('contacts', all(contactIds), mapping.CONTACT_PROPERTIES),
    read('meetings', all(meetingIds), mapping.MEETING_PROPERTIES),
    options.eagerAttendees ? attendeesOf(all(meetingIds)) : Promise.resolve(undefined),
    taskIds ? ledgerTasks.readTasks(crm, taskIds) : Promise.resolve(undefined),
  ]);

  // Who attended a meeting only matters where an executive sponsor is on record.
  const withSponsor = new Set(
    ids.filter((id) =>
      (contactIds.get(id) ?? []).some(
        (c) => contacts.get(c)?.properties.csops_stakeholder_role === 'executive_sponsor',
      ),
    ),
  );
  const meetingContacts =
    eager ?? (await attendeesOf([...withSponsor].flatMap((id) => meetingIds.get(id) ?? [])));
  return {
    dealIds,
    ticketIds,
    contactIds,
    meetingIds,
    deals,
    tickets,
    contacts,
    meetings,
    meetingContacts,
    taskIds,
    tasks,
  };
}

/**
 * One company's records as the snapshot mapping takes them.
 * @param {CrmRecord} company
 * @param {string} id the id its associations were read under
 * @param {Awaited<ReturnType<typeof readAssociated>>} associated
 * @returns {import('./snapshot-mapping.js').AccountRecords}
 */
function accountRecords(company, id, associated) {
  const pick = (
    /** @type {Map<string, any>} */ records,
    /** @type {string[] | undefined} */ want,
  ) => (want ?? []).map((i) => records.get(i)).filter((r) => r !== undefined);
  const taskIds = associated.taskIds;
  const tasks = associated.tasks;
  return {
    company,
    deals: pick(associated.deals, associated.dealIds.get(id)),
    tickets: pick(associated.tickets, associated.ticketIds.get(id)),
    contacts: pick(associated.contacts, associated.contactIds.get(id)),
    meetings: pick(associated.meetings, associated.meetingIds.get(id)),
    meetingContacts: associated.meetingContacts,
    ...(taskIds && tasks ? { tasks: pick(tasks, taskIds.get(id)) } : {}),
  };
}

/**
 * Reads everything the snapshot needs for a set of companies, with batch and association calls:
 * 4 association reads per 1,000 companies, then batch reads of 100 associated records.
 * @param {import('./crm.js').Crm} crm
 * @param {CrmRecord[]} companies
 * @param {{ tasks?: boolean }} [options] `tasks`: read their csops tasks too
 * @returns {Promise<Map<string, import('./snapshot-mapping.js').AccountRecords>>}
 */
async function loadAccountRecords(crm, companies, options = {}) {
  const associated = await readAssociated(
    crm,
    companies.map((c) => c.id),
    options,
  );
  return new Map(companies.map((c) => [c.id, accountRecords(c, c.id, associated)]));
}

/**
 * One company by id, for a card: the id is all the association reads need, so they go out with
 * the company's GET, and the attendees with the batch reads: two waves in all.
 * @param {import('./crm.js').Crm} crm
 * @param {string} companyId
 * @param {{ tasks?: boolean }} [options] `tasks`: read its csops tasks too
 */
async function loadAccount(crm, companyId, options = {}) {
  const [company, associated] = await settleAll([
    crm.get('companies', companyId, mapping.COMPANY_PROPERTIES),
    readAssociated(crm, [companyId], { eagerAttendees: true, ...options }),
  ]);
  // HubSpot may answer under another spelling of the id (say, without leading zeros).
  if (company.id !== companyId)
    return accountRecords(
      company,
      company.id,
      await readAssociated(crm, [company.id], { eagerAttendees: true, ...options }),
    );
  return accountRecords(company, companyId, associated);
}

/**
 * Maps one account's records to a snapshot and evaluates it with the core.
 * @param {import('./snapshot-mapping.js').AccountRecords} records
 * @param {import('@csops/core').Settings} settings
 * @param {string} asOf
 * @param {number | null} [settingsVersion] the saved version `settings` is, written with the result
 */
function evaluateRecords(records, settings, asOf, settingsVersion = null) {
  // Loose parsing keeps every valid value and reports the ones HubSpot holds in a wrong shape.
  const parsed = core.parseLooseSnapshot(mapping.toSnapshot(records, asOf));
  if (parsed.snapshot === null) return { ok: /** @type {const} */ (false), issues: parsed.issues };
  const snapshot = parsed.snapshot;
  const previous = mapping.previousHealth(records.company, asOf);
  const openDeal = mapping.openExpansionDeal(records.deals);
  // With its csops tasks read, the core also says what the playbook ledger should hold now.
  const evaluation = core.evaluateAccount(snapshot, settings, {
    previous,
    openExpansionDeal: openDeal !== null,
    ...(records.tasks ? { ledger: records.tasks.map(ledgerTasks.toLedgerEntry) } : {}),
  });
  return {
    ok: /** @type {const} */ (true),
    snapshot,
    dataIssues: parsed.issues,
    previous,
    openDeal,
    evaluation,
    writeBack: mapping.healthWriteBack(records.company, evaluation, previous, settingsVersion),
  };
}

module.exports = { loadAccountRecords, loadAccount, evaluateRecords };
