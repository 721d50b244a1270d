// A new customer with its closed deal, and a complete handoff for it: what the handoff tests submit.
import { defaultSettings } from '@csops/core';
import { DEMO_CSMS, DEMO_SETTINGS_ADMIN } from '@csops/sandbox';
import { expectOk, openPortal, type Portal } from './harness.js';

const DAY = 86_400_000;

/** The function context of the demo portal's super admin, who may change settings. */
export const admin = { user: { id: DEMO_SETTINGS_ADMIN.userId, email: DEMO_SETTINGS_ADMIN.email } };

/** The demo portal with every demo CSM serving every segment, with room to spare. */
export async function openPortalWithRoomyCsms(): Promise<Portal> {
  const portal = await openPortal({ seed: 'demo' });
  const settings = defaultSettings();
  settings.csms = DEMO_CSMS.map((c) => ({
    id: c.ownerId,
    name: c.name,
    email: c.email,
    segments: ['enterprise', 'mid_market', 'smb'],
    maxArr: 50_000_000,
    maxAccounts: 500,
  }));
  expectOk(await portal.run('settings_save', { ...admin, parameters: { settings } }));
  return portal;
}

export const completeHandoff = () => ({
  customerGoals: 'Cut freight planning time in half across three regional hubs',
  successCriteria: 'Planners build weekly schedules in under two hours by March',
  technicalRequirements: 'SSO through Okta and a nightly export to Snowflake',
  implementationRequirements: 'Rollout to the Leeds hub first, then Bristol and Glasgow',
  stakeholders: [
    { name: 'Dana Reyes', email: 'dana@customer.example', role: 'champion' },
    { name: 'Sam Okafor', email: 'sam@customer.example', role: 'executive_sponsor' },
    { name: 'Lee Chan', email: 'lee@customer.example', role: 'admin' },
  ],
  competitiveAlternatives: 'None',
  promisesMade: 'None',
  contractExecuted: true,
  paymentTermsConfirmed: true,
  kickoffDate: new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10),
});

/** A new customer and its closed deal, not yet routed to a CSM. */
export async function newCustomer(portal: Portal, name: string, arr: number) {
  const company = await portal.client.crm.companies.basicApi.create({
    properties: { name, csops_arr: String(arr) },
    associations: [],
  });
  const deal = await portal.client.crm.deals.basicApi.create({
    properties: {
      dealname: `${name} — new business`,
      amount: String(arr),
      pipeline: 'default',
      dealstage: 'closedwon',
    },
    associations: [
      {
        to: { id: company.id },
        types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 5 }],
      },
    ],
  });
  return { companyId: company.id, dealId: deal.id };
}

/** The ids of the tasks associated with a company. */
export async function tasksOf(portal: Portal, companyId: string) {
  const assoc = await portal.client.crm.associations.v4.basicApi.getPage(
    'companies',
    companyId,
    'tasks',
  );
  return assoc.results.map((r) => String(r.toObjectId));
}
