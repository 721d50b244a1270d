import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT_COUNT } from '../seed/index.js';
import { seedPortal } from '../seed/index.js';
import { fieldOf, sobject } from './model/sobjects.js';
import { createRecords } from '../crm/records.js';
import {
  ACCOUNT_FIELD_OF,
  SF_DEMO_ACCOUNTS,
  SF_DEMO_USERS,
  orgFromPortal,
  seedOrg,
} from './seed.js';

const NOW = new Date('2026-03-02T09:30:00Z');

describe('the Salesforce demo org', () => {
  const org = seedOrg('demo', NOW);
  const hubspot = seedPortal('demo', 1, NOW);
  const companies = hubspot.listRecords(hubspot.objectType('companies')!.objectTypeId);

  it('carries every csops company property the HubSpot demo sets to an Account field', () => {
    const set = new Set(
      companies.flatMap((c) =>
        Object.entries(c.properties)
          .filter(([k, v]) => k.startsWith('csops_') && v !== '')
          .map(([k]) => k),
      ),
    );
    set.delete('csops_csm_owner_id'); // a HubSpot owner, carried as the Csops_CSM__c User lookup
    for (const prop of set) expect(ACCOUNT_FIELD_OF, prop).toHaveProperty(prop);
    for (const field of Object.values(ACCOUNT_FIELD_OF))
      expect(fieldOf(sobject('Account')!, field), field).toBeDefined();
  });

  it('holds one Account per company and one Contact per contact, the named ones at their exported ids', () => {
    const counts = org.counts();
    expect(counts.Account).toBe(DEMO_ACCOUNT_COUNT);
    expect(counts.Contact).toBe(
      hubspot.listRecords(hubspot.objectType('contacts')!.objectTypeId).length,
    );
    expect(counts.Opportunity).toBe(
      hubspot.listRecords(hubspot.objectType('deals')!.objectTypeId).length,
    );
    expect(counts.User).toBe(SF_DEMO_USERS.length);
    for (const a of Object.values(SF_DEMO_ACCOUNTS))
      expect(org.get('Account', a.id)?.Name).toBe(a.name);
  });

  it('routes every account to a CSM User, as the HubSpot demo does', () => {
    const users = new Set(SF_DEMO_USERS.map((u) => u.id));
    for (const a of org.list('Account')) expect(users.has(a.Csops_CSM__c as string)).toBe(true);
  });

  it('carries HubSpot tasks over as Tasks on the Account, keeping their csops action key', () => {
    const portal = seedPortal('demo', 1, NOW);
    const company = portal.listRecords(portal.objectType('companies')!.objectTypeId)[0]!;
    createRecords(
      portal,
      portal.objectType('tasks')!,
      [
        {
          properties: {
            hs_task_subject: 'Hold the kickoff call',
            hs_task_status: 'COMPLETED',
            hs_task_priority: 'HIGH',
            hs_timestamp: '2026-03-05T00:00:00.000Z',
            csops_action_key: 'csops:kickoff',
          },
          associations: [{ toId: company.id, typeIds: [192] }],
        },
      ],
      NOW.toISOString(),
    );
    // The demo's own playbook tasks come over too; this one is told apart by its key.
    const task = orgFromPortal(portal, NOW)
      .list('Task')
      .find((t) => t.Csops_Action_Key__c === 'csops:kickoff');
    expect(task).toMatchObject({
      Subject: 'Hold the kickoff call',
      Status: 'Completed',
      IsClosed: true,
      Priority: 'High',
      ActivityDate: '2026-03-05',
      WhatId: SF_DEMO_ACCOUNTS.healthyEnterprise.id,
      Csops_Action_Key__c: 'csops:kickoff',
    });
  });
});
