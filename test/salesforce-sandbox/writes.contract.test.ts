import { SF_DEMO_ACCOUNTS, SF_DEMO_USERS } from '@csops/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSalesforce, refusal } from './harness.js';
import type { SfHarness } from './harness.js';

let sf: SfHarness;
beforeAll(async () => {
  sf = await openSalesforce({ seed: 'empty' });
});
afterAll(() => sf.sandbox.close());

const accounts = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({ Name: `${prefix} ${i}`, Csops_ARR__c: 1_000 * i }));

const count = async (where: string) =>
  (await sf.conn.query(`SELECT COUNT() FROM Account WHERE ${where}`)).totalSize;

describe('sObject CRUD', () => {
  it('creates, reads, updates and deletes an Account with 18-character ids', async () => {
    const created = await sf.conn
      .sobject('Account')
      .create({ Name: 'Quill & Ink', Csops_ARR__c: 42_000 });
    expect(created.success).toBe(true);
    const id = (created as { id: string }).id;
    expect(id).toMatch(/^001[0-9A-Za-z]{15}$/);
    await sf.conn.sobject('Account').update({ Id: id, Csops_Segment__c: 'mid_market' });
    const read = (await sf.conn.sobject('Account').retrieve(id)) as Record<string, unknown>;
    expect(read).toMatchObject({
      Name: 'Quill & Ink',
      Csops_ARR__c: 42_000,
      Csops_Segment__c: 'mid_market',
    });
    expect(read.OwnerId).toBe(SF_DEMO_USERS[0]!.id);
    // A 15-character id reaches the same record.
    expect(
      ((await sf.conn.sobject('Account').retrieve(id.slice(0, 15))) as { Id: string }).Id,
    ).toBe(id);
    await sf.conn.sobject('Account').destroy(id);
    expect((await refusal(sf.conn.sobject('Account').retrieve(id))).errorCode).toBe('NOT_FOUND');
  });

  it('refuses a missing required field, a bad picklist value and a read-only field, naming the field', async () => {
    const missing = await refusal(
      sf.conn.sobject('Account').create({ Csops_ARR__c: 1 }, { allOrNone: true }),
    );
    expect(missing).toMatchObject({
      errorCode: 'REQUIRED_FIELD_MISSING',
      message: 'Required fields are missing: [Name]',
    });
    const band = await refusal(
      sf.conn.requestPost(`/services/data/v66.0/sobjects/Account`, {
        Name: 'X',
        Csops_Health_Band__c: 'purple',
      }),
    );
    expect(band.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
    expect(band.data).toMatchObject({ fields: ['Csops_Health_Band__c'] });
    const locked = await refusal(
      sf.conn.requestPost(`/services/data/v66.0/sobjects/Account`, {
        Name: 'X',
        CreatedDate: '2020-01-01T00:00:00Z',
      }),
    );
    expect(locked.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(await count("Name = 'X'")).toBe(0);
  });
});

describe('sObject Collections', () => {
  it('creates 200 records in one call', async () => {
    const results = await sf.conn
      .sobject('Account')
      .create(accounts(200, 'Bulk'), { allOrNone: true });
    expect(results).toHaveLength(200);
    expect(results.every((r) => r.success)).toBe(true);
    expect(await count("Name LIKE 'Bulk %'")).toBe(200);
  });

  it("refuses 201 records with Salesforce's EXCEEDED_ID_LIMIT, creating none", async () => {
    const r = await refusal(sf.conn.sobject('Account').create(accounts(201, 'Over')));
    expect(r.errorCode).toBe('EXCEEDED_ID_LIMIT');
    expect(r.message).toContain('cannot submit more than 200 records');
    expect(await count("Name LIKE 'Over %'")).toBe(0);
  });

  it('with allOrNone, rolls every record back when one fails', async () => {
    const records = [...accounts(3, 'Atomic'), { Csops_ARR__c: 5 }];
    const results = await sf.conn.sobject('Account').create(records, { allOrNone: true });
    expect(results.map((r) => r.success)).toEqual([false, false, false, false]);
    expect(results[0]!.errors[0]).toMatchObject({
      statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
    });
    expect(results[3]!.errors[0]).toMatchObject({
      statusCode: 'REQUIRED_FIELD_MISSING',
      fields: ['Name'],
    });
    expect(await count("Name LIKE 'Atomic %'")).toBe(0);
  });

  it('without allOrNone, keeps the records that succeeded', async () => {
    const results = await sf.conn
      .sobject('Account')
      .create([...accounts(2, 'Partial'), { Csops_ARR__c: 5 }]);
    expect(results.map((r) => r.success)).toEqual([true, true, false]);
    expect(await count("Name LIKE 'Partial %'")).toBe(2);
  });

  it('updates a collection', async () => {
    const created = await sf.conn.sobject('Account').create(accounts(3, 'Renamed'));
    const ids = created.map((r) => (r as { id: string }).id);
    const updated = await sf.conn
      .sobject('Account')
      .update(ids.map((Id) => ({ Id, Csops_Segment__c: 'smb' })));
    expect(updated.every((r) => r.success)).toBe(true);
    expect(await count("Name LIKE 'Renamed %' AND Csops_Segment__c = 'smb'")).toBe(3);
  });
});

describe('upsert by external id', () => {
  const expansion = (key: string, name: string) => ({
    Csops_Expansion_Key__c: key,
    Name: name,
    StageName: 'Prospecting',
    CloseDate: '2026-06-30',
  });

  it('creates an expansion Opportunity for a new key and updates the same one on the retry', async () => {
    const key = 'csops:expansion:upsert-co:2026-03-01';
    const first = await sf.conn
      .sobject('Opportunity')
      .upsert(expansion(key, 'Upsert Co — expansion'), 'Csops_Expansion_Key__c');
    expect(first).toMatchObject({ success: true, created: true });
    const again = await sf.conn
      .sobject('Opportunity')
      .upsert(
        { ...expansion(key, 'Upsert Co — expansion'), StageName: 'Qualification' },
        'Csops_Expansion_Key__c',
      );
    expect(again).toMatchObject({
      success: true,
      created: false,
      id: (first as { id: string }).id,
    });
    const opps = await sf.conn.query<{ StageName: string }>(
      `SELECT StageName FROM Opportunity WHERE Csops_Expansion_Key__c = '${key}'`,
    );
    expect(opps.records).toEqual([expect.objectContaining({ StageName: 'Qualification' })]);
  });

  it('refuses a second Opportunity with the same expansion key as DUPLICATE_VALUE', async () => {
    await sf.conn.sobject('Opportunity').create(expansion('csops:dup', 'Once'));
    const r = await refusal(
      sf.conn.requestPost(
        '/services/data/v66.0/sobjects/Opportunity',
        expansion('csops:dup', 'Twice'),
      ),
    );
    expect(r.errorCode).toBe('DUPLICATE_VALUE');
  });

  it('creates one Opportunity when the same key is upserted by many callers at once', async () => {
    const key = 'csops:expansion:concurrent';
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        sf.conn
          .sobject('Opportunity')
          .upsert(expansion(key, `Attempt ${i}`), 'Csops_Expansion_Key__c'),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => (r as { id: string }).id)).size).toBe(1);
    const opps = await sf.conn.query(
      `SELECT Id FROM Opportunity WHERE Csops_Expansion_Key__c = '${key}'`,
    );
    expect(opps.totalSize).toBe(1);
  });

  it('upserts a collection by external id', async () => {
    const rows = ['a', 'b'].map((k) => expansion(`csops:bulk:${k}`, `Step ${k}`));
    const first = await sf.conn.sobject('Opportunity').upsert(rows, 'Csops_Expansion_Key__c');
    const second = await sf.conn.sobject('Opportunity').upsert(rows, 'Csops_Expansion_Key__c');
    expect(first.map((r) => r.created)).toEqual([true, true]);
    expect(second.map((r) => r.created)).toEqual([false, false]);
  });

  it('refuses an upsert by the Task action key, which is no external id', async () => {
    const r = await refusal(
      sf.conn.requestPatch('/services/data/v66.0/sobjects/Task/Csops_Action_Key__c/csops:x', {
        Subject: 'Not by key',
      }),
    );
    expect(r.errorCode).toMatch(/NOT_FOUND|INVALID_FIELD/);
  });

  it('keeps a second Task with the same action key, as Salesforce does: the key is plain text', async () => {
    await sf.conn.sobject('Task').create({ Subject: 'Once', Csops_Action_Key__c: 'csops:twice' });
    await sf.conn.sobject('Task').create({ Subject: 'Twice', Csops_Action_Key__c: 'csops:twice' });
    const tasks = await sf.conn.query(
      `SELECT Id FROM Task WHERE Csops_Action_Key__c = 'csops:twice'`,
    );
    expect(tasks.totalSize).toBe(2);
  });
});

describe('composite', () => {
  it('runs subrequests in order, each able to use what an earlier one answered', async () => {
    const res = await sf.conn.requestPost<{
      compositeResponse: { httpStatusCode: number; body: unknown; referenceId: string }[];
    }>('/services/data/v66.0/composite', {
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v66.0/sobjects/Account',
          referenceId: 'acct',
          body: { Name: 'Composite Co' },
        },
        {
          method: 'POST',
          url: '/services/data/v66.0/sobjects/Opportunity',
          referenceId: 'opp',
          body: {
            Name: 'Composite Co — new business',
            AccountId: '@{acct.id}',
            StageName: 'Prospecting',
            CloseDate: '2026-06-30',
          },
        },
        {
          method: 'GET',
          url: '/services/data/v66.0/sobjects/Opportunity/@{opp.id}?fields=AccountId,IsClosed',
          referenceId: 'read',
        },
      ],
    });
    const [acct, , read] = res.compositeResponse;
    expect(res.compositeResponse.map((r) => r.httpStatusCode)).toEqual([201, 201, 200]);
    expect(read!.body).toMatchObject({
      AccountId: (acct!.body as { id: string }).id,
      IsClosed: false,
    });
  });

  it('with allOrNone, undoes the earlier subrequests when a later one fails', async () => {
    const res = await sf.conn.requestPost<{
      compositeResponse: { httpStatusCode: number; body: { errorCode: string }[] }[];
    }>('/services/data/v66.0/composite', {
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v66.0/sobjects/Account',
          referenceId: 'ok',
          body: { Name: 'Halted Co' },
        },
        {
          method: 'POST',
          url: '/services/data/v66.0/sobjects/Account',
          referenceId: 'bad',
          body: { Nmae: 'typo' },
        },
      ],
    });
    expect(res.compositeResponse.map((r) => r.httpStatusCode)).toEqual([400, 400]);
    expect(res.compositeResponse[0]!.body[0]!.errorCode).toBe('PROCESSING_HALTED');
    expect(res.compositeResponse[1]!.body[0]!.errorCode).toBe('INVALID_FIELD');
    expect(await count("Name = 'Halted Co'")).toBe(0);
  });

  it('refuses a malformed composite request naming the field, running none of it', async () => {
    const r = await refusal(
      sf.conn.requestPost('/services/data/v66.0/composite', {
        compositeRequest: [
          {
            method: 'POST',
            url: '/services/data/v66.0/sobjects/Account',
            referenceId: 'a',
            body: { Name: 'Never Run' },
          },
          {
            method: 'POST',
            url: '/services/data/v66.0/sobjects/Account',
            body: { Name: 'No Reference' },
          },
        ],
      }),
    );
    expect(r).toMatchObject({
      errorCode: 'JSON_PARSER_ERROR',
      message: 'compositeRequest.1.referenceId: is required',
    });
    expect(await count("Name = 'Never Run'")).toBe(0);
  });

  it('runs a batch of independent subrequests', async () => {
    const res = await sf.conn.requestPost<{
      hasErrors: boolean;
      results: { statusCode: number }[];
    }>('/services/data/v66.0/composite/batch', {
      batchRequests: [
        { method: 'POST', url: 'v66.0/sobjects/Account', richInput: { Name: 'Batch Co' } },
        { method: 'GET', url: 'v66.0/sobjects/Account/001000000000000AAA' },
      ],
    });
    expect(res.hasErrors).toBe(true);
    expect(res.results.map((r) => r.statusCode)).toEqual([201, 404]);
  });
});

describe('UI API, as the Lightning components read and write', () => {
  it('reads a record with getRecord fields and optionalFields, dropping optional ones it lacks', async () => {
    const demo = await openSalesforce({ seed: 'demo' });
    try {
      const id = SF_DEMO_ACCOUNTS.expansionReady.id;
      const rec = await demo.conn.request<{
        apiName: string;
        fields: Record<string, { value: unknown }>;
      }>(
        `/services/data/v66.0/ui-api/records/${id}?fields=Account.Name&optionalFields=Account.Csops_ARR__c,Account.Owner.Name,Account.No_Such__c`,
      );
      expect(rec.apiName).toBe('Account');
      expect(rec.fields.Name!.value).toBe(SF_DEMO_ACCOUNTS.expansionReady.name);
      expect(typeof rec.fields.Csops_ARR__c!.value).toBe('number');
      expect(rec.fields.Owner!.value).toMatchObject({
        apiName: 'User',
        fields: { Name: { value: expect.any(String) } },
      });
      expect(rec.fields).not.toHaveProperty('No_Such__c');
      const contacts = await demo.conn.request<{
        records: { fields: Record<string, { value: unknown }> }[];
      }>(
        `/services/data/v66.0/ui-api/related-list-records/${id}/Contacts?fields=Contact.Id,Contact.Name&optionalFields=Contact.Csops_Stakeholder_Role__c&pageSize=200`,
      );
      expect(contacts.records.map((r) => r.fields.Csops_Stakeholder_Role__c!.value)).toEqual(
        expect.arrayContaining(['champion', 'executive_sponsor', 'admin']),
      );
      const info = await demo.conn.request<{ fields: Record<string, { dataType: string }> }>(
        '/services/data/v66.0/ui-api/object-info/Account',
      );
      expect(info.fields.Csops_Health_Score__c!.dataType).toBe('Double');
    } finally {
      await demo.sandbox.close();
    }
  });

  it('creates onboarding Tasks with createRecord, and refuses a second expansion with one key', async () => {
    const first = await sf.conn.requestPost<{ id: string; apiName: string }>(
      '/services/data/v66.0/ui-api/records',
      {
        apiName: 'Task',
        fields: { Subject: 'Hold the kickoff call', Csops_Action_Key__c: 'csops:ui:kickoff' },
      },
    );
    expect(first).toMatchObject({ apiName: 'Task', id: expect.stringMatching(/^00T/) });
    const input = {
      apiName: 'Opportunity',
      fields: {
        Name: 'UI Co — expansion',
        StageName: 'Prospecting',
        CloseDate: '2026-06-30',
        Csops_Expansion_Key__c: 'csops:ui:expansion',
      },
    };
    await sf.conn.requestPost('/services/data/v66.0/ui-api/records', input);
    const second = await refusal(sf.conn.requestPost('/services/data/v66.0/ui-api/records', input));
    expect(second.errorCode).toBe('DUPLICATE_VALUE');
  });

  it('writes back health results with updateRecord', async () => {
    const created = await sf.conn.sobject('Account').create({ Name: 'Write-back Co' });
    const id = (created as { id: string }).id;
    const res = await sf.conn.request<{ fields: Record<string, { value: unknown }> }>({
      method: 'PATCH',
      url: `/services/data/v66.0/ui-api/records/${id}`,
      body: JSON.stringify({
        fields: { Csops_Health_Score__c: 71, Csops_Health_Band__c: 'yellow' },
      }),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.fields.Csops_Health_Band__c!.value).toBe('yellow');
    expect(
      ((await sf.conn.sobject('Account').retrieve(id)) as Record<string, unknown>)
        .Csops_Health_Score__c,
    ).toBe(71);
  });
});
