// Reading accounts from HubSpot and scoring them with the core: used by the health card,
// the expansion deal, the settings preview and the portfolio rescore alike.
'use strict';

const core = require('@csops/core');
const mapping = require('./snapshot-mapping.js');

/**
 * Reads everything the snapshot needs for a set of companies, with batch and association calls:
 * 4 association reads per 1,000 companies, then batch reads of 100 associated records.
 * @param {import('./crm.js').Crm} crm
 * @param {import('./crm.js').CrmRecord[]} companies
 * @returns {Promise<Map<string, import('./snapshot-mapping.js').AccountRecords>>}
 */
async function loadAccountRecords(crm, companies) {
  const ids = companies.map((c) => c.id);
  const [dealIds, ticketIds, contactIds, meetingIds] = [
    await crm.associations('companies', 'deals', ids),
    await crm.associations('companies', 'tickets', ids),
    await crm.associations('companies', 'contacts', ids),
    await crm.associations('companies', 'meetings', ids),
  ];
  const all = (/** @type {Map<string, string[]>} */ m) => [...new Set([...m.values()].flat())];
  const byId = (/** @type {import('./crm.js').CrmRecord[]} */ rs) =>
    new Map(rs.map((r) => [r.id, r]));
  const read = async (
    /** @type {string} */ type,
    /** @type {string[]} */ want,
    /** @type {string[]} */ props,
  ) => (want.length > 0 ? byId(await crm.batchRead(type, want, props)) : new Map());
  const deals = await read('deals', all(dealIds), mapping.DEAL_PROPERTIES);
  const tickets = await read('tickets', all(ticketIds), mapping.TICKET_PROPERTIES);
  const contacts = await read('contacts', all(contactIds), mapping.CONTACT_PROPERTIES);
  const meetings = await read('meetings', all(meetingIds), mapping.MEETING_PROPERTIES);

  // Who attended a meeting only matters where an executive sponsor is on record.
  const withSponsor = new Set(
    ids.filter((id) =>
      (contactIds.get(id) ?? []).some(
        (c) => contacts.get(c)?.properties.csops_stakeholder_role === 'executive_sponsor',
      ),
    ),
  );
  const sponsorMeetings = [...withSponsor].flatMap((id) => meetingIds.get(id) ?? []);
  const meetingContacts =
    sponsorMeetings.length > 0
      ? await crm.associations('meetings', 'contacts', sponsorMeetings)
      : new Map();

  const pick = (
    /** @type {Map<string, any>} */ records,
    /** @type {string[] | undefined} */ want,
  ) => (want ?? []).map((id) => records.get(id)).filter((r) => r !== undefined);
  return new Map(
    companies.map((company) => [
      company.id,
      {
        company,
        deals: pick(deals, dealIds.get(company.id)),
        tickets: pick(tickets, ticketIds.get(company.id)),
        contacts: pick(contacts, contactIds.get(company.id)),
        meetings: pick(meetings, meetingIds.get(company.id)),
        meetingContacts,
      },
    ]),
  );
}

/**
 * Maps one account's records to a snapshot and evaluates it with the core.
 * @param {import('./snapshot-mapping.js').AccountRecords} records
 * @param {import('@csops/core').Settings} settings
 * @param {string} asOf
 */
function evaluateRecords(records, settings, asOf) {
  // Loose parsing keeps every valid value and reports the ones HubSpot holds in a wrong shape.
  const parsed = core.parseLooseSnapshot(mapping.toSnapshot(records, asOf));
  if (parsed.snapshot === null) return { ok: /** @type {const} */ (false), issues: parsed.issues };
  const snapshot = parsed.snapshot;
  const previous = mapping.previousHealth(records.company, asOf);
  const openDeal = mapping.openExpansionDeal(records.deals);
  const evaluation = core.evaluateAccount(snapshot, settings, {
    previous,
    openExpansionDeal: openDeal !== null,
  });
  return {
    ok: /** @type {const} */ (true),
    snapshot,
    dataIssues: parsed.issues,
    previous,
    openDeal,
    evaluation,
    writeBack: mapping.healthWriteBack(records.company, evaluation, previous),
  };
}

module.exports = { loadAccountRecords, evaluateRecords };
