// Slack alerts from a rescore: the core decides which go out for a company; here they get the
// company's link in HubSpot, and the log that keeps each alert to once is read from and written
// to the company (csops_alert_log) with its own result, before anything is sent.
'use strict';

const core = require('@csops/core');

/** HubSpot's object type id of companies, as record links use it. */
const COMPANY_TYPE_ID = '0-2';

/** @param {string} portalId @param {string} companyId */
const companyUrl = (portalId, companyId) =>
  `https://app.hubspot.com/contacts/${portalId}/record/${COMPANY_TYPE_ID}/${companyId}`;

/**
 * The alerts to send for one scored company and the log to store first; null when none.
 * @param {{ snapshot: import('@csops/core').AccountSnapshot, evaluation: import('@csops/core').AccountEvaluation, previous?: import('@csops/core').PreviousHealth }} result
 * @param {import('./crm.js').CrmRecord} company
 * @param {import('@csops/core').Settings} settings
 * @param {string} asOf
 * @param {string} portalId
 * @returns {{ alerts: import('@csops/core').ChannelAlert[], log: string } | null}
 */
function alertsFor(result, company, settings, asOf, portalId) {
  if (settings.alerts.channels.length === 0) return null;
  const planned = core.planAlerts({
    account: {
      id: company.id,
      name: result.snapshot.name ?? `Company ${company.id}`,
      url: companyUrl(portalId, company.id),
    },
    evaluation: result.evaluation,
    previous: result.previous,
    ledger: result.evaluation.ledger,
    championLeftAt: result.snapshot.engagement?.championLeftAt ?? null,
    sent: core.parseAlertLog(company.properties.csops_alert_log),
    settings,
    asOf,
  });
  if (planned.alerts.length === 0) return null;
  return { alerts: planned.alerts, log: core.formatAlertLog(planned.sent) };
}

module.exports = { alertsFor, companyUrl };
