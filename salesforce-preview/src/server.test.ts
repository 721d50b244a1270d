import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SF_DEMO_ACCOUNTS,
  SF_DEMO_USERS,
  startSalesforceSandbox,
  type RunningSalesforceSandbox,
} from '@csops/sandbox/salesforce';
import { query, type OrgConnection } from './org.js';
import { startSalesforcePreviewServer, type SalesforcePreviewServer } from './server.js';

let sandbox: RunningSalesforceSandbox;
let host: SalesforcePreviewServer;
let org: OrgConnection;

beforeAll(async () => {
  sandbox = await startSalesforceSandbox({ port: 0 });
  org = { url: sandbox.url, accessToken: sandbox.accessToken, version: sandbox.version };
  host = await startSalesforcePreviewServer({
    org,
    userId: SF_DEMO_USERS[0]!.id,
    accounts: Object.values(SF_DEMO_ACCOUNTS),
    compileAtStart: false,
  });
});

afterAll(async () => {
  await host?.close();
  await sandbox?.close();
});

function call(path: string, init: { method?: string; body?: unknown; headers?: object } = {}) {
  return fetch(`${host.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      'x-csops-preview-token': host.apiToken,
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

const api = () => `/services/data/v${sandbox.version}`;

describe('the org API the record pages call', () => {
  it('refuses a caller without the page token', async () => {
    const { id } = SF_DEMO_ACCOUNTS.silentChurner;
    const res = await fetch(`${host.url}${api()}/ui-api/records/${id}?fields=Account.Name`);
    expect(res.status).toBe(403);
  });

  it('passes getRecord to the UI API and answers the record shape LDS gives', async () => {
    const { id, name } = SF_DEMO_ACCOUNTS.silentChurner;
    const res = await call(`${api()}/ui-api/records/${id}?fields=Account.Name`);
    expect(res.status).toBe(200);
    const record = (await res.json()) as { id: string; fields: { Name: { value: string } } };
    expect(record.id).toBe(id);
    expect(record.fields.Name.value).toBe(name);
  });

  it('passes on no other REST resource', async () => {
    const res = await call(`${api()}/sobjects/Account`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(await res.json())).toMatch(/not a UI API resource/);
  });

  it('of two updates claiming a record as unmodified since the same moment, lets one through', async () => {
    const { id } = SF_DEMO_ACCOUNTS.onboarding;
    const read = await call(`${api()}/ui-api/records/${id}?fields=Account.Name`);
    const { lastModifiedDate } = (await read.json()) as { lastModifiedDate: string };
    const claim = (value: number) =>
      call(`${api()}/ui-api/records/${id}`, {
        method: 'PATCH',
        headers: { 'if-unmodified-since': lastModifiedDate },
        body: { fields: { Csops_Licensed_Seats__c: value } },
      });
    const answers = await Promise.all([claim(41), claim(42)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    const refused = answers.find((a) => a.status === 412)!;
    expect(JSON.stringify(await refused.json())).toMatch(/reload it and try again/);
  });
});

describe('Apex and GraphQL answered from the org', () => {
  it('returns the settings record as Apex hands an SObject over, and null for a missing one', async () => {
    const found = await call('/apex/CsopsSettingsController.getSettings', {
      method: 'POST',
      body: { recordName: 'Default' },
    });
    const record = (await found.json()) as Record<string, unknown>;
    expect(record.DeveloperName).toBe('Default');
    expect(record).not.toHaveProperty('attributes');
    const missing = await call('/apex/CsopsSettingsController.getSettings', {
      method: 'POST',
      body: { recordName: 'Nope' },
    });
    expect(await missing.json()).toBeNull();
  });

  it('names the parameter when an Apex call is malformed, and refuses methods it does not answer', async () => {
    const bad = await call('/apex/CsopsSettingsController.getSettings', {
      method: 'POST',
      body: { recordName: "x' OR Name != '" },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/recordName/);
    const other = await call('/apex/CsopsSettingsDeployer.saveSettings', {
      method: 'POST',
      body: {},
    });
    expect(other.status).toBe(404);
  });

  it("sums each CSM's book as the aggregate query would", async () => {
    const accounts = await query(org, 'SELECT Csops_CSM__c, Csops_ARR__c FROM Account');
    const csmIds = [...new Set(accounts.map((a) => a.Csops_CSM__c).filter(Boolean))] as string[];
    expect(csmIds.length).toBeGreaterThan(1);
    const res = await call(`${api()}/graphql`, {
      method: 'POST',
      body: {
        query: 'query csopsCsmBook($csmIds: [ID]) { uiapi { aggregate { Account } } }',
        variables: { csmIds },
      },
    });
    const { data } = (await res.json()) as {
      data: {
        uiapi: {
          aggregate: {
            Account: {
              edges: {
                node: {
                  aggregate: {
                    Csops_CSM__c: { value: string };
                    Csops_ARR__c: { sum: { value: number } };
                    Id: { count: { value: number } };
                  };
                };
              }[];
            };
          };
        };
      };
    };
    for (const csm of csmIds) {
      const book = accounts.filter((a) => a.Csops_CSM__c === csm);
      const edge = data.uiapi.aggregate.Account.edges.find(
        (e) => e.node.aggregate.Csops_CSM__c.value === csm,
      )!;
      expect(edge.node.aggregate.Id.count.value).toBe(book.length);
      expect(edge.node.aggregate.Csops_ARR__c.sum.value).toBeCloseTo(
        book.reduce((sum, a) => sum + (Number(a.Csops_ARR__c) || 0), 0),
      );
    }
  });

  it('answers an operation it does not know with a GraphQL error naming the ones it does', async () => {
    const res = await call(`${api()}/graphql`, {
      method: 'POST',
      body: {
        query: 'query somethingElse { uiapi { query { Contact { edges { node { Id } } } } } }',
      },
    });
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toMatch(
      /csopsCsmBook, csopsOnboardingTasks; got somethingElse/,
    );
  });
});
