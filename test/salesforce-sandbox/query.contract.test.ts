import { Client } from '@hubspot/api-client';
import { DEMO_ACCOUNTS, SF_DEMO_ACCOUNTS, startSandbox } from '@csops/sandbox';
import type { RunningSandbox } from '@csops/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSalesforce, refusal } from './harness.js';
import type { SfHarness } from './harness.js';

const NOW = new Date('2026-03-02T09:30:00Z');
let sf: SfHarness;
let hubspot: RunningSandbox;

beforeAll(async () => {
  sf = await openSalesforce({ now: () => NOW });
  hubspot = await startSandbox({ port: 0, now: () => NOW });
});
afterAll(async () => {
  await sf.sandbox.close();
  await hubspot.close();
});

interface AccountRow {
  Id: string;
  Name: string;
  Csops_ARR__c: number;
  Csops_Segment__c: string;
  Csops_Renewal_Date__c: string;
  Csops_Active_Users_30d__c: number;
  Csops_Auto_Pay__c: boolean;
  Csops_Last_Activity_At__c: string;
  Owner: { Name: string };
}

describe('the seeded demo portfolio', () => {
  it('holds the named demo accounts, found by name, with the ids the package exports', async () => {
    for (const a of Object.values(SF_DEMO_ACCOUNTS)) {
      const res = await sf.conn.query<AccountRow>(
        `SELECT Id, Name FROM Account WHERE Name = '${a.name.replace(/'/g, "\\'")}'`,
      );
      expect(res.totalSize).toBe(1);
      expect(res.records[0]!.Id).toBe(a.id);
    }
  });

  it('tells the same story as the HubSpot sandbox: the same values on every named account', async () => {
    const client = new Client({
      accessToken: 'demo',
      basePath: hubspot.url,
      numberOfApiCallRetries: 0,
    });
    for (const [key, a] of Object.entries(DEMO_ACCOUNTS)) {
      const company = await client.crm.companies.basicApi.getById(a.id, [
        'csops_arr',
        'csops_segment',
        'csops_renewal_date',
        'csops_active_users_30d',
        'csops_auto_pay',
        'csops_last_activity_at',
      ]);
      const p = company.properties;
      const row = await sf.conn
        .sobject('Account')
        .retrieve(SF_DEMO_ACCOUNTS[key as keyof typeof SF_DEMO_ACCOUNTS].id);
      const account = row as unknown as AccountRow;
      expect(account.Name).toBe(a.name);
      expect(account.Csops_ARR__c).toBe(Number(p.csops_arr));
      expect(account.Csops_Segment__c).toBe(p.csops_segment);
      expect(account.Csops_Renewal_Date__c).toBe(p.csops_renewal_date);
      expect(account.Csops_Active_Users_30d__c).toBe(Number(p.csops_active_users_30d));
      expect(account.Csops_Auto_Pay__c).toBe(p.csops_auto_pay === 'true');
      expect(Date.parse(account.Csops_Last_Activity_At__c.replace('+0000', 'Z'))).toBe(
        Date.parse(p.csops_last_activity_at!),
      );
    }
  });

  it('answers relationship fields: the owner and the routed CSM of an account', async () => {
    const res = await sf.conn.query<AccountRow & { Csops_CSM__r: { Name: string } | null }>(
      `SELECT Name, Owner.Name, Csops_CSM__r.Name FROM Account WHERE Id = '${SF_DEMO_ACCOUNTS.silentChurner.id}'`,
    );
    const row = res.records[0]!;
    expect(row.Owner.Name).toMatch(/^[A-ZÀ-ž][a-zà-ž]+ [A-Z][a-z]+$/);
    expect(row.Csops_CSM__r?.Name).toBe(row.Owner.Name);
  });

  it('reads the csops settings record the way the Apex controller queries it', async () => {
    const res = await sf.conn.query<{
      DeveloperName: string;
      Weight_Usage__c: number;
      Handoff_Required_Roles__c: string;
    }>(
      "SELECT DeveloperName, Weight_Usage__c, Handoff_Required_Roles__c FROM Csops_Settings__mdt WHERE DeveloperName = 'Default' WITH USER_MODE LIMIT 1",
    );
    expect(res.records).toHaveLength(1);
    expect(res.records[0]!.Weight_Usage__c).toBe(25);
    expect(res.records[0]!.Handoff_Required_Roles__c).toBe('champion,executive_sponsor,admin');
  });
});

describe('query and queryMore', () => {
  it('pages a large result through nextRecordsUrl, every record once', async () => {
    const first = await sf.conn.query<{ Id: string }>('SELECT Id FROM Contact', {
      headers: { 'Sforce-Query-Options': 'batchSize=200' },
    });
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(200);
    expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v66\.0\/query\/01g\w+-200$/);
    const ids = first.records.map((r) => r.Id);
    let page = first;
    while (!page.done) {
      page = await sf.conn.queryMore<{ Id: string }>(page.nextRecordsUrl!);
      ids.push(...page.records.map((r) => r.Id));
    }
    expect(ids).toHaveLength(first.totalSize);
    expect(new Set(ids).size).toBe(first.totalSize);
    const count = await sf.conn.query('SELECT COUNT() FROM Contact');
    expect(count.totalSize).toBe(first.totalSize);
  });

  it('fetches all pages with jsforce autoFetch', async () => {
    const res = await sf.conn.query<{ Id: string }>('SELECT Id FROM Contact', {
      headers: { 'Sforce-Query-Options': 'batchSize=500' },
      autoFetch: true,
      maxFetch: 10_000,
    });
    const records = res.records;
    expect(records).toHaveLength(res.totalSize);
    expect(records.length).toBeGreaterThan(1_000);
    expect(new Set(records.map((r) => r.Id)).size).toBe(records.length);
  });

  it('filters, orders, limits and offsets as SOQL does', async () => {
    const { records: all } = await sf.conn.query<AccountRow>(
      'SELECT Id, Csops_ARR__c FROM Account',
      { autoFetch: true, maxFetch: 10_000 },
    );
    const big = all
      .filter((r) => r.Csops_ARR__c >= 100_000)
      .sort((a, b) => b.Csops_ARR__c - a.Csops_ARR__c);
    const res = await sf.conn.query<AccountRow>(
      "SELECT Id, Csops_ARR__c FROM Account WHERE Csops_ARR__c >= 100000 AND Csops_Segment__c IN ('enterprise') ORDER BY Csops_ARR__c DESC, Id LIMIT 5 OFFSET 2",
    );
    expect(res.records.map((r) => r.Csops_ARR__c)).toEqual(
      big.slice(2, 7).map((r) => r.Csops_ARR__c),
    );
    const notEnterprise = await sf.conn.query(
      "SELECT COUNT() FROM Account WHERE NOT Csops_Segment__c = 'enterprise'",
    );
    const enterprise = await sf.conn.query(
      "SELECT COUNT() FROM Account WHERE Csops_Segment__c = 'enterprise'",
    );
    expect(notEnterprise.totalSize + enterprise.totalSize).toBe(all.length);
    expect(enterprise.totalSize).toBe(big.length);
  });

  it('matches LIKE case-insensitively and date literals against the clock', async () => {
    const like = await sf.conn.query<AccountRow>(
      "SELECT Name FROM Account WHERE Name LIKE 'northwind%'",
    );
    expect(like.records.map((r) => r.Name)).toContain(SF_DEMO_ACCOUNTS.healthyEnterprise.name);
    const recent = await sf.conn.query<{ Csops_Last_Activity_At__c: string }>(
      'SELECT Csops_Last_Activity_At__c FROM Account WHERE Csops_Last_Activity_At__c = LAST_N_DAYS:7',
    );
    expect(recent.totalSize).toBeGreaterThan(0);
    for (const r of recent.records) {
      const ms = Date.parse(r.Csops_Last_Activity_At__c.replace('+0000', 'Z'));
      expect(ms).toBeGreaterThanOrEqual(Date.UTC(2026, 1, 23));
    }
    const renewing = await sf.conn.query<{ Csops_Renewal_Date__c: string }>(
      'SELECT Csops_Renewal_Date__c FROM Account WHERE Csops_Renewal_Date__c < 2026-06-01 AND Csops_Renewal_Date__c > TODAY',
    );
    for (const r of renewing.records) {
      expect(r.Csops_Renewal_Date__c > '2026-03-02').toBe(true);
      expect(r.Csops_Renewal_Date__c < '2026-06-01').toBe(true);
    }
  });

  it("answers the SOQL jsforce's query builder writes", async () => {
    const built = await sf.conn
      .sobject('Account')
      .find({ Csops_Segment__c: { $in: ['enterprise'] }, Csops_ARR__c: { $gte: 100_000 } }, [
        'Id',
        'Owner.Name',
      ])
      .sort({ Csops_ARR__c: -1, Id: 1 })
      .limit(3);
    const written = await sf.conn.query<{ Id: string }>(
      "SELECT Id FROM Account WHERE Csops_Segment__c = 'enterprise' AND Csops_ARR__c >= 100000 ORDER BY Csops_ARR__c DESC, Id LIMIT 3",
    );
    expect(built.map((r) => r.Id)).toEqual(written.records.map((r) => r.Id));
    expect(built[0]).toHaveProperty('Owner.Name');
    const autoRenew = await sf.conn.sobject('Account').count({ Csops_Auto_Renew__c: true });
    const notAutoRenew = await sf.conn.sobject('Account').count({ Csops_Auto_Renew__c: false });
    expect(autoRenew + notAutoRenew).toBe(300);
    expect(autoRenew).toBeGreaterThan(0);
  });

  it('refuses a misspelt field and a malformed query in Salesforce error shape', async () => {
    const field = await refusal(sf.conn.query('SELECT Nmae FROM Account'));
    expect(field.errorCode).toBe('INVALID_FIELD');
    expect(field.message).toContain("No such column 'Nmae' on entity 'Account'");
    const malformed = await refusal(sf.conn.query('SELECT Name FROM Account WHERE'));
    expect(malformed.errorCode).toBe('MALFORMED_QUERY');
    const type = await refusal(sf.conn.query('SELECT Id FROM Acount'));
    expect(type.errorCode).toBe('INVALID_TYPE');
  });
});

describe('describe', () => {
  it('lists the csops custom fields with their types: a plain action key on Task, the expansion key unique on Opportunity', async () => {
    const account = await sf.conn.sobject('Account').describe();
    const arr = account.fields.find((f) => f.name === 'Csops_ARR__c')!;
    expect(arr).toMatchObject({
      type: 'currency',
      label: 'ARR',
      updateable: true,
      custom: true,
      precision: 18,
      scale: 2,
    });
    const band = account.fields.find((f) => f.name === 'Csops_Health_Band__c')!;
    expect(band.picklistValues!.map((v) => v.value)).toEqual(['green', 'yellow', 'red']);
    expect(account.fields.find((f) => f.name === 'Csops_CSM__c')).toMatchObject({
      type: 'reference',
      referenceTo: ['User'],
      relationshipName: 'Csops_CSM__r',
    });
    expect(account.fields.find((f) => f.name === 'CreatedDate')).toMatchObject({
      updateable: false,
      createable: false,
    });
    // Activity custom fields take neither Unique nor External ID in Salesforce: csops looks for a
    // Task's key before it creates one instead.
    const task = await sf.conn.sobject('Task').describe();
    expect(task.fields.find((f) => f.name === 'Csops_Action_Key__c')).toMatchObject({
      type: 'string',
      unique: false,
      externalId: false,
    });
    const opportunity = await sf.conn.sobject('Opportunity').describe();
    expect(opportunity.fields.find((f) => f.name === 'Csops_Expansion_Key__c')).toMatchObject({
      type: 'string',
      unique: true,
      externalId: true,
      caseSensitive: true,
    });
    expect(account.keyPrefix).toBe('001');
  });

  it('answers 404 NOT_FOUND for an object the org does not have', async () => {
    const r = await refusal(sf.conn.sobject('Widget__c').describe());
    expect(r.errorCode).toBe('NOT_FOUND');
  });
});
