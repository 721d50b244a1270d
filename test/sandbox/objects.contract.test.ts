import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AssociationSpecAssociationCategoryEnum,
  FilterOperatorEnum,
} from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import type {
  Filter,
  PublicObjectSearchRequest,
} from '@hubspot/api-client/lib/codegen/crm/objects/index.js';
import { DEMO_ACCOUNTS } from '@csops/sandbox';
import { checkModel } from './model-check.js';
import { openSandbox, refusal } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await openSandbox({ seed: 'demo' });
});
afterAll(() => h.sandbox.close());

const objects = () => h.client.crm.objects;
const HUBSPOT = AssociationSpecAssociationCategoryEnum.HubspotDefined;

describe('records through @hubspot/api-client', () => {
  it('lists companies page by page, every page a well-formed collection and no record twice', async () => {
    const { total } = await objects().searchApi.doSearch('companies', {
      filterGroups: [],
      limit: 1,
    } as PublicObjectSearchRequest);
    const seen = new Set<string>();
    let after: string | undefined;
    let pages = 0;
    do {
      const res = await objects().basicApi.getPage('companies', 100, after, ['name', 'csops_arr']);
      expect(
        checkModel(
          res,
          'objects',
          'CollectionResponseSimplePublicObjectWithAssociationsForwardPaging',
        ),
      ).toEqual([]);
      for (const r of res.results) {
        expect(seen.has(r.id)).toBe(false);
        seen.add(r.id);
      }
      after = res.paging?.next?.after;
      pages++;
    } while (after);
    expect(total).toBe(300);
    expect(seen.size).toBe(total);
    expect(pages).toBe(3);
  });

  it('reads a named demo account with asked-for properties and its associations', async () => {
    const { id, name } = DEMO_ACCOUNTS.healthyEnterprise;
    const res = await h.client.crm.companies.basicApi.getById(
      id,
      ['name', 'csops_arr', 'csops_segment'],
      undefined,
      ['deals', 'contacts', 'tickets'],
    );
    expect(checkModel(res, 'companies', 'SimplePublicObjectWithAssociations')).toEqual([]);
    expect(res.properties).toMatchObject({
      name,
      csops_arr: '240000',
      csops_segment: 'enterprise',
      hs_object_id: id,
    });
    expect(res.associations?.deals?.results.length).toBeGreaterThan(0);
    expect(res.associations?.contacts?.results.map((a) => a.type)).toContain('company_to_contact');
  });

  it('answers 404 in HubSpot error shape for a record that does not exist', async () => {
    const r = await refusal(objects().basicApi.getById('companies', '999999999'));
    expect(r.code).toBe(404);
    expect(r.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
    expect(typeof r.body.correlationId).toBe('string');
  });

  it('creates a deal with its company association in the same request', async () => {
    const company = DEMO_ACCOUNTS.expansionReady.id;
    const deal = await objects().basicApi.create('deals', {
      properties: {
        dealname: 'Seat expansion',
        amount: '18000',
        dealtype: 'existingbusiness',
        dealstage: 'qualifiedtobuy',
      },
      associations: [
        { to: { id: company }, types: [{ associationCategory: HUBSPOT, associationTypeId: 5 }] },
      ],
    });
    expect(checkModel(deal, 'objects', 'SimplePublicObject')).toEqual([]);
    expect(deal.properties.hs_object_id).toBe(deal.id);
    const linked = await h.client.crm.associations.v4.basicApi.getPage(
      'deals',
      deal.id,
      'companies',
    );
    expect(linked.results.map((r) => r.toObjectId)).toEqual([company]);
    const back = await h.client.crm.associations.v4.basicApi.getPage('companies', company, 'deals');
    expect(back.results.map((r) => r.toObjectId)).toContain(deal.id);
  });

  it('updates a record and keeps the CRM-maintained timestamps moving', async () => {
    const id = DEMO_ACCOUNTS.silentChurner.id;
    const before = await objects().basicApi.getById('companies', id, ['hs_lastmodifieddate']);
    await new Promise((r) => setTimeout(r, 5));
    const updated = await objects().basicApi.update('companies', id, {
      properties: { csops_health_score: '41', csops_health_band: 'red' },
    });
    expect(checkModel(updated, 'objects', 'SimplePublicObject')).toEqual([]);
    expect(updated.properties).toMatchObject({
      csops_health_score: '41',
      csops_health_band: 'red',
    });
    expect(updated.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it('refuses an unknown property with HubSpot’s VALIDATION_ERROR naming it, and writes nothing', async () => {
    const r = await refusal(
      objects().basicApi.update('companies', DEMO_ACCOUNTS.onboarding.id, {
        properties: { csops_health_score: '50', csops_no_such_thing: 'x' },
      }),
    );
    expect(r.code).toBe(400);
    expect(r.body.category).toBe('VALIDATION_ERROR');
    expect(String(r.body.message)).toContain('PROPERTY_DOESNT_EXIST');
    expect(String(r.body.message)).toContain('csops_no_such_thing');
    const after = await objects().basicApi.getById('companies', DEMO_ACCOUNTS.onboarding.id, [
      'csops_health_score',
    ]);
    expect(after.properties.csops_health_score).toBeNull();
  });

  it('refuses a value of the wrong type for the property', async () => {
    const r = await refusal(
      objects().basicApi.update('companies', DEMO_ACCOUNTS.onboarding.id, {
        properties: { csops_health_band: 'purple', csops_arr: 'lots' },
      }),
    );
    expect(r.code).toBe(400);
    expect(String(r.body.message)).toContain('INVALID_OPTION');
    expect(String(r.body.message)).toContain('INVALID_FLOAT');
  });

  it('archives a record: 204, then it is gone from reads', async () => {
    const t = await objects().basicApi.create('tickets', {
      properties: { subject: 'Printer on fire', hs_pipeline: '0', hs_pipeline_stage: '1' },
      associations: [],
    });
    await objects().basicApi.archive('tickets', t.id);
    expect((await refusal(objects().basicApi.getById('tickets', t.id))).code).toBe(404);
  });
});

describe('batch endpoints', () => {
  it('reads up to 100 records in one call', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => ({ id: String(10_002 + i) }));
    const res = await objects().batchApi.read('companies', {
      inputs: ids,
      properties: ['name'],
      propertiesWithHistory: [],
    });
    expect(checkModel(res, 'objects', 'BatchResponseSimplePublicObject')).toEqual([]);
    expect(res.results).toHaveLength(100);
  });

  it('answers 207 with the missing ids when some do not exist', async () => {
    const res = await objects().batchApi.read('companies', {
      inputs: [{ id: DEMO_ACCOUNTS.healthyEnterprise.id }, { id: '424242424' }],
      properties: [],
      propertiesWithHistory: [],
    });
    expect(checkModel(res, 'objects', 'BatchResponseSimplePublicObjectWithErrors')).toEqual([]);
    expect(res.results).toHaveLength(1);
    expect('errors' in res && res.errors?.[0]?.context?.ids).toEqual(['424242424']);
  });

  it('refuses more than 100 inputs and a body without inputs with HubSpot’s 400', async () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ id: String(10_002 + i) }));
    const over = await refusal(
      objects().batchApi.read('companies', {
        inputs: many,
        properties: [],
        propertiesWithHistory: [],
      }),
    );
    expect(over.code).toBe(400);
    expect(over.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    const missing = await refusal(objects().batchApi.update('companies', {} as never));
    expect(missing.code).toBe(400);
    expect(String(missing.body.message)).toContain('[inputs]');
  });

  it('creates and updates in batches', async () => {
    const created = await objects().batchApi.create('tasks', {
      inputs: [1, 2, 3].map((n) => ({
        properties: {
          hs_task_subject: `Kickoff step ${n}`,
          hs_task_status: 'NOT_STARTED',
          csops_action_key: `batch-${n}`,
        },
        associations: [],
      })),
    });
    expect(checkModel(created, 'objects', 'BatchResponseSimplePublicObject')).toEqual([]);
    const updated = await objects().batchApi.update('tasks', {
      inputs: created.results.map((t) => ({
        id: t.id,
        properties: { hs_task_status: 'COMPLETED' },
      })),
    });
    expect(checkModel(updated, 'objects', 'BatchResponseSimplePublicObject')).toEqual([]);
    expect(updated.results.map((t) => t.properties.hs_task_status)).toEqual([
      'COMPLETED',
      'COMPLETED',
      'COMPLETED',
    ]);
  });

  it('refuses a duplicate unique value with 409 naming the existing record, creating nothing', async () => {
    const first = await objects().basicApi.create('deals', {
      properties: { dealname: 'Expansion', csops_expansion_key: 'acct-1:expansion:2026' },
      associations: [],
    });
    const before = (
      await objects().searchApi.doSearch('deals', {
        filterGroups: [],
        limit: 1,
      } as PublicObjectSearchRequest)
    ).total;
    const again = await refusal(
      objects().batchApi.create('deals', {
        inputs: [
          { properties: { dealname: 'Other' }, associations: [] },
          {
            properties: {
              dealname: 'Expansion (retry)',
              csops_expansion_key: 'acct-1:expansion:2026',
            },
            associations: [],
          },
        ],
      }),
    );
    expect(again.code).toBe(409);
    expect(again.body.category).toBe('CONFLICT');
    expect(String(again.body.message)).toContain(`Existing ID: ${first.id}`);
    const after = (
      await objects().searchApi.doSearch('deals', {
        filterGroups: [],
        limit: 1,
      } as PublicObjectSearchRequest)
    ).total;
    expect(after).toBe(before);
  });

  it('finds a record by a unique property as idProperty', async () => {
    const t = await objects().basicApi.create('tasks', {
      properties: { hs_task_subject: 'Renewal call', csops_action_key: 'acct-9:renewal-90:2026' },
      associations: [],
    });
    const byKey = await objects().basicApi.getById(
      'tasks',
      'acct-9:renewal-90:2026',
      ['hs_task_subject'],
      undefined,
      undefined,
      false,
      'csops_action_key',
    );
    expect(byKey.id).toBe(t.id);
  });

  it('refuses a second contact with the same email, as HubSpot does', async () => {
    const c = await objects().basicApi.create('contacts', {
      properties: { email: 'dup@example.com', firstname: 'A' },
      associations: [],
    });
    const r = await refusal(
      objects().basicApi.create('contacts', {
        properties: { email: 'dup@example.com' },
        associations: [],
      }),
    );
    expect(r.code).toBe(409);
    expect(r.body.message).toBe(`Contact already exists. Existing ID: ${c.id}`);
  });
});

describe('custom objects', () => {
  it('serves the settings object by name, fully-qualified name and objectTypeId alike', async () => {
    const schema = (await h.client.crm.schemas.coreApi.getAll()).results.find(
      (s) => s.name === 'csops_settings',
    )!;
    const fqn = `p${h.sandbox.portalId}_csops_settings`;
    expect(schema.fullyQualifiedName).toBe(fqn);
    const saved = await objects().basicApi.create(fqn, {
      properties: {
        csops_version_label: 'v1',
        csops_settings_json: '{"version":1}',
        csops_changed_by: 'morgan.reyes@csops-demo.example',
      },
      associations: [],
    });
    await objects().basicApi.create('csops_settings', {
      properties: { csops_version_label: 'v2', csops_settings_json: '{"version":1}' },
      associations: [],
    });
    const latest = await objects().searchApi.doSearch(schema.objectTypeId!, {
      filterGroups: [],
      sorts: [{ propertyName: 'hs_createdate', direction: 'DESCENDING' }] as unknown as string[],
      properties: ['csops_version_label', 'csops_settings_json'],
      limit: 1,
    });
    expect(latest.total).toBe(2);
    expect(latest.results[0]!.properties.csops_version_label).toBe('v2');
    expect(
      (await objects().basicApi.getById(schema.objectTypeId!, saved.id, ['csops_changed_by']))
        .properties.csops_changed_by,
    ).toContain('morgan');
  });
});

describe('search', () => {
  let ids: string[];
  beforeAll(async () => {
    const rows = [
      {
        name: 'Alpha Analytics',
        numberofemployees: '10',
        domain: 'alpha.example',
        industry: 'RETAIL',
      },
      { name: 'Beta Bank', numberofemployees: '50', domain: 'beta.example', industry: '' },
      { name: 'Gamma Games', numberofemployees: '200', domain: 'gamma.example', industry: 'MEDIA' },
      {
        name: 'Delta Dental',
        numberofemployees: '1000',
        domain: 'delta.example',
        industry: 'RETAIL',
      },
    ];
    const res = await objects().batchApi.create('companies', {
      inputs: rows.map((p) => ({
        properties: { ...p, description: 'search-fixture' },
        associations: [],
      })),
    });
    ids = res.results.map((r) => r.id);
  });

  const fixture = (...filters: Filter[]) =>
    ({
      filterGroups: [
        {
          filters: [
            {
              propertyName: 'description',
              operator: FilterOperatorEnum.Eq,
              value: 'search-fixture',
            },
            ...filters,
          ],
        },
      ],
      sorts: ['numberofemployees'],
      properties: ['name'],
      limit: 10,
    }) as PublicObjectSearchRequest;
  const names = async (req: PublicObjectSearchRequest) => {
    const res = await objects().searchApi.doSearch('companies', req);
    expect(
      checkModel(res, 'objects', 'CollectionResponseWithTotalSimplePublicObjectForwardPaging'),
    ).toEqual([]);
    return res.results.map((r) => r.properties.name);
  };
  const F = FilterOperatorEnum;

  it.each([
    [
      'EQ (numbers compare as numbers)',
      { propertyName: 'numberofemployees', operator: F.Eq, value: '50' },
      ['Beta Bank'],
    ],
    [
      'NEQ',
      { propertyName: 'numberofemployees', operator: F.Neq, value: '50' },
      ['Alpha Analytics', 'Gamma Games', 'Delta Dental'],
    ],
    [
      'LT',
      { propertyName: 'numberofemployees', operator: F.Lt, value: '200' },
      ['Alpha Analytics', 'Beta Bank'],
    ],
    [
      'LTE',
      { propertyName: 'numberofemployees', operator: F.Lte, value: '200' },
      ['Alpha Analytics', 'Beta Bank', 'Gamma Games'],
    ],
    ['GT', { propertyName: 'numberofemployees', operator: F.Gt, value: '200' }, ['Delta Dental']],
    [
      'GTE',
      { propertyName: 'numberofemployees', operator: F.Gte, value: '200' },
      ['Gamma Games', 'Delta Dental'],
    ],
    [
      'BETWEEN',
      { propertyName: 'numberofemployees', operator: F.Between, value: '20', highValue: '300' },
      ['Beta Bank', 'Gamma Games'],
    ],
    [
      'IN',
      { propertyName: 'industry', operator: F.In, values: ['MEDIA', 'RETAIL'] },
      ['Alpha Analytics', 'Gamma Games', 'Delta Dental'],
    ],
    [
      'NOT_IN',
      { propertyName: 'industry', operator: F.NotIn, values: ['RETAIL'] },
      ['Beta Bank', 'Gamma Games'],
    ],
    [
      'HAS_PROPERTY',
      { propertyName: 'industry', operator: F.HasProperty },
      ['Alpha Analytics', 'Gamma Games', 'Delta Dental'],
    ],
    ['NOT_HAS_PROPERTY', { propertyName: 'industry', operator: F.NotHasProperty }, ['Beta Bank']],
    [
      'CONTAINS_TOKEN',
      { propertyName: 'name', operator: F.ContainsToken, value: 'bank' },
      ['Beta Bank'],
    ],
    [
      'CONTAINS_TOKEN with a wildcard',
      { propertyName: 'name', operator: F.ContainsToken, value: 'gam*' },
      ['Gamma Games'],
    ],
  ])('%s', async (_label, filter, expected) => {
    expect(await names(fixture(filter))).toEqual(expected);
  });

  it('ORs filter groups and sorts descending', async () => {
    const req = fixture();
    req.filterGroups = [
      { filters: [{ propertyName: 'name', operator: F.Eq, value: 'Alpha Analytics' }] },
      { filters: [{ propertyName: 'name', operator: F.Eq, value: 'Delta Dental' }] },
    ];
    req.sorts = [
      { propertyName: 'numberofemployees', direction: 'DESCENDING' },
    ] as unknown as string[];
    expect(await names(req)).toEqual(['Delta Dental', 'Alpha Analytics']);
  });

  it('pages with after and reports the total', async () => {
    const first = await objects().searchApi.doSearch('companies', { ...fixture(), limit: 3 });
    expect(first.total).toBe(4);
    const second = await objects().searchApi.doSearch('companies', {
      ...fixture(),
      limit: 3,
      after: first.paging!.next!.after,
    });
    expect([...first.results, ...second.results].map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(second.paging).toBeUndefined();
  });

  it('filters by association, so tasks of one account can be found', async () => {
    const company = DEMO_ACCOUNTS.overdueInvoices.id;
    const res = await objects().searchApi.doSearch('contacts', {
      filterGroups: [
        { filters: [{ propertyName: 'associations.company', operator: F.Eq, value: company }] },
      ],
      properties: ['csops_stakeholder_role'],
      limit: 50,
    });
    expect(res.results.map((r) => r.properties.csops_stakeholder_role)).toEqual(
      expect.arrayContaining(['champion', 'executive_sponsor', 'admin']),
    );
  });

  it.each([
    ['a limit over 200', { filterGroups: [], limit: 201 }],
    ['paging past the 10,000-result cap', { filterGroups: [], limit: 100, after: '10000' }],
    [
      'an unknown operator',
      {
        filterGroups: [
          { filters: [{ propertyName: 'name', operator: 'SOUNDS_LIKE', value: 'x' }] },
        ],
      },
    ],
    [
      'a filter without its value',
      { filterGroups: [{ filters: [{ propertyName: 'name', operator: 'EQ' }] }] },
    ],
    [
      'BETWEEN without highValue',
      {
        filterGroups: [
          { filters: [{ propertyName: 'numberofemployees', operator: 'BETWEEN', value: '1' }] },
        ],
      },
    ],
    [
      'a property that does not exist',
      {
        filterGroups: [
          { filters: [{ propertyName: 'no_such_property', operator: 'EQ', value: '1' }] },
        ],
      },
    ],
    ['more than one sort', { filterGroups: [], sorts: ['name', 'domain'] }],
  ])('refuses %s with HubSpot’s 400', async (_label, body) => {
    const r = await refusal(
      objects().searchApi.doSearch('companies', body as unknown as PublicObjectSearchRequest),
    );
    expect(r.code).toBe(400);
    expect(r.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });
});
