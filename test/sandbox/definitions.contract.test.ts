import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PropertyCreateFieldTypeEnum,
  PropertyCreateTypeEnum,
} from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import { DEMO_ACCOUNTS, DEMO_NON_ADMIN, DEMO_SETTINGS_ADMIN } from '@csops/sandbox';
import { checkModel } from './model-check.js';
import { openSandbox, refusal } from './harness.js';
import type { Harness } from './harness.js';

let demo: Harness;
let empty: Harness;
beforeAll(async () => {
  [demo, empty] = await Promise.all([
    openSandbox({ seed: 'demo' }),
    openSandbox({ seed: 'empty' }),
  ]);
});
afterAll(() => Promise.all([demo.sandbox.close(), empty.sandbox.close()]));

describe('associations v4', () => {
  it('batch-reads the deals of many companies, with HubSpot’s type ids', async () => {
    const ids = Object.values(DEMO_ACCOUNTS).map((a) => ({ id: a.id }));
    const res = await demo.client.crm.associations.v4.batchApi.getPage('companies', 'deals', {
      inputs: ids,
    });
    expect(checkModel(res, 'associations', 'BatchResponsePublicAssociationMultiWithLabel')).toEqual(
      [],
    );
    expect(res.results).toHaveLength(ids.length);
    const types = res.results.flatMap((r) =>
      r.to.flatMap((t) => t.associationTypes.map((a) => a.typeId)),
    );
    expect(new Set(types)).toEqual(new Set([6, 342]));
  });

  it('answers 207 naming the ids that have no associations', async () => {
    const res = await demo.client.crm.associations.v4.batchApi.getPage('companies', 'deals', {
      inputs: [{ id: DEMO_ACCOUNTS.onboarding.id }, { id: '1' }],
    });
    expect(
      checkModel(res, 'associations', 'BatchResponsePublicAssociationMultiWithLabelWithErrors'),
    ).toEqual([]);
    expect('errors' in res && res.errors?.[0]?.context).toEqual({ fromObjectId: ['1'] });
  });

  it('takes up to 1,000 inputs and refuses more', async () => {
    const inputs = Array.from({ length: 1_000 }, (_, i) => ({ id: String(10_002 + i) }));
    await demo.client.crm.associations.v4.batchApi.getPage('companies', 'contacts', { inputs });
    const r = await refusal(
      demo.client.crm.associations.v4.batchApi.getPage('companies', 'contacts', {
        inputs: [...inputs, { id: '1' }],
      }),
    );
    expect(r.code).toBe(400);
  });

  it('creates the default association (deal→company 5) and lists it from both sides', async () => {
    const deal = await demo.client.crm.deals.basicApi.create({
      properties: { dealname: 'Renewal 2027' },
      associations: [],
    });
    const company = DEMO_ACCOUNTS.healthyEnterprise.id;
    const res = await demo.client.crm.associations.v4.basicApi.createDefault(
      'deals',
      deal.id,
      'companies',
      company,
    );
    expect(checkModel(res, 'associations', 'BatchResponsePublicDefaultAssociation')).toEqual([]);
    expect(res.results.map((r) => r.associationSpec.associationTypeId)).toContain(5);
    const fromDeal = await demo.client.crm.associations.v4.basicApi.getPage(
      'deals',
      deal.id,
      'companies',
    );
    expect(
      checkModel(
        fromDeal,
        'associations',
        'CollectionResponseMultiAssociatedObjectWithLabelForwardPaging',
      ),
    ).toEqual([]);
    expect(fromDeal.results[0]).toMatchObject({ toObjectId: company });
    const fromCompany = await demo.client.crm.associations.v4.basicApi.getPage(
      'companies',
      company,
      'deals',
    );
    const back = fromCompany.results.find((r) => r.toObjectId === deal.id)!;
    expect(back.associationTypes.map((t) => t.typeId)).toContain(6);
  });

  it('refuses to associate a record that does not exist', async () => {
    const r = await refusal(
      demo.client.crm.associations.v4.basicApi.createDefault(
        'deals',
        '987654321',
        'companies',
        DEMO_ACCOUNTS.healthyEnterprise.id,
      ),
    );
    expect(r.code).toBe(404);
  });
});

describe('properties and groups (what hubspot:setup does)', () => {
  it('lists HubSpot’s own properties in a portal without csops', async () => {
    const res = await empty.client.crm.properties.coreApi.getAll('companies');
    expect(checkModel(res, 'properties', 'CollectionResponsePropertyNoPaging')).toEqual([]);
    expect(res.results.map((p) => p.name)).toEqual(
      expect.arrayContaining(['name', 'domain', 'hs_object_id', 'createdate']),
    );
    expect(res.results.some((p) => p.name.startsWith('csops_'))).toBe(false);
  });

  it('creates a group and properties, then refuses the same names again with 409', async () => {
    const props = empty.client.crm.properties;
    const group = await props.groupsApi.create('companies', {
      name: 'csops',
      label: 'csops health',
    });
    expect(checkModel(group, 'properties', 'PropertyGroup')).toEqual([]);
    const groups = await props.groupsApi.getAll('companies');
    expect(checkModel(groups, 'properties', 'CollectionResponsePropertyGroupNoPaging')).toEqual([]);
    expect(groups.results.map((g) => g.name)).toContain('csops');
    const created = await props.batchApi.create('companies', {
      inputs: [
        {
          name: 'csops_health_score',
          label: 'Health score',
          type: PropertyCreateTypeEnum.Number,
          fieldType: PropertyCreateFieldTypeEnum.Number,
          groupName: 'csops',
        },
        {
          name: 'csops_health_band',
          label: 'Health band',
          type: PropertyCreateTypeEnum.Enumeration,
          fieldType: PropertyCreateFieldTypeEnum.Select,
          groupName: 'csops',
          options: [
            { label: 'Green', value: 'green', hidden: false },
            { label: 'Red', value: 'red', hidden: false },
          ],
        },
      ],
    });
    expect(checkModel(created, 'properties', 'BatchResponseProperty')).toEqual([]);
    const single = await props.coreApi.create('deals', {
      name: 'csops_expansion_key',
      label: 'Expansion key',
      type: PropertyCreateTypeEnum.String,
      fieldType: PropertyCreateFieldTypeEnum.Text,
      groupName: 'dealinformation',
      hasUniqueValue: true,
    });
    expect(checkModel(single, 'properties', 'Property')).toEqual([]);
    expect(single.hasUniqueValue).toBe(true);

    const again = await refusal(
      props.coreApi.create('companies', {
        name: 'csops_health_score',
        label: 'x',
        type: PropertyCreateTypeEnum.Number,
        fieldType: PropertyCreateFieldTypeEnum.Number,
        groupName: 'csops',
      }),
    );
    expect(again.code).toBe(409);
    expect(again.body.category).toBe('OBJECT_ALREADY_EXISTS');
    expect(
      (await refusal(props.groupsApi.create('companies', { name: 'csops', label: 'again' }))).code,
    ).toBe(409);

    const read = await props.coreApi.getByName('companies', 'csops_health_band');
    expect(checkModel(read, 'properties', 'Property')).toEqual([]);
    expect(read.options.map((o) => o.value)).toEqual(['green', 'red']);
    const patched = await props.coreApi.update('companies', 'csops_health_band', {
      label: 'Health band (csops)',
    });
    expect(patched.label).toBe('Health band (csops)');
    expect((await refusal(props.coreApi.getByName('companies', 'csops_nothing'))).code).toBe(404);
  });

  it('writes to a property once it exists, and not before', async () => {
    const objects = empty.client.crm.objects;
    const c = await objects.basicApi.create('contacts', {
      properties: { email: 'a@b.example' },
      associations: [],
    });
    expect(
      (
        await refusal(
          objects.basicApi.update('contacts', c.id, {
            properties: { csops_stakeholder_role: 'champion' },
          }),
        )
      ).code,
    ).toBe(400);
  });
});

describe('custom object schemas', () => {
  it('creates the settings object and refuses a second one with the same name', async () => {
    const schemas = empty.client.crm.schemas.coreApi;
    const egg = {
      name: 'csops_settings',
      labels: { singular: 'csops settings version', plural: 'csops settings versions' },
      primaryDisplayProperty: 'csops_version_label',
      requiredProperties: ['csops_version_label'],
      associatedObjects: [],
      properties: [
        { name: 'csops_version_label', label: 'Version', type: 'string', fieldType: 'text' },
        { name: 'csops_settings_json', label: 'Settings', type: 'string', fieldType: 'textarea' },
      ],
    } as Parameters<typeof schemas.create>[0];
    const created = await schemas.create(egg);
    expect(checkModel(created, 'schemas', 'ObjectSchema')).toEqual([]);
    expect(created.objectTypeId).toMatch(/^2-\d+$/);
    expect(created.fullyQualifiedName).toBe(`p${empty.sandbox.portalId}_csops_settings`);
    const byId = await schemas.getById(created.objectTypeId!);
    expect(checkModel(byId, 'schemas', 'ObjectSchema')).toEqual([]);
    expect(byId.properties.map((p) => p.name)).toEqual(
      expect.arrayContaining(['csops_version_label', 'csops_settings_json', 'hs_object_id']),
    );
    const all = await schemas.getAll();
    expect(checkModel(all, 'schemas', 'CollectionResponseObjectSchemaNoPaging')).toEqual([]);
    expect((await refusal(schemas.create(egg))).code).toBe(409);
    expect((await refusal(schemas.getById('no_such_object'))).code).toBe(404);
  });
});

describe('owners and users', () => {
  it('lists the CSMs and AEs routing assigns, and reads one by id', async () => {
    const owners = await demo.client.crm.owners.ownersApi.getPage();
    expect(checkModel(owners, 'owners', 'CollectionResponsePublicOwnerForwardPaging')).toEqual([]);
    expect(owners.results.length).toBeGreaterThanOrEqual(6);
    expect(new Set(owners.results.map((o) => o.teams?.[0]?.name))).toEqual(
      new Set(['Customer Success', 'Sales']),
    );
    const one = await demo.client.crm.owners.ownersApi.getById(Number(owners.results[1]!.id));
    expect(checkModel(one, 'owners', 'PublicOwner')).toEqual([]);
    expect((await refusal(demo.client.crm.owners.ownersApi.getById(1))).code).toBe(404);
  });

  it('tells a super admin from a user who may not manage settings', async () => {
    const users = await demo.client.settings.users.usersApi.getPage();
    expect(checkModel(users, 'users', 'CollectionResponsePublicUserForwardPaging')).toEqual([]);
    const admin = await demo.client.settings.users.usersApi.getById(DEMO_SETTINGS_ADMIN.userId);
    const other = await demo.client.settings.users.usersApi.getById(DEMO_NON_ADMIN.userId);
    expect(checkModel(admin, 'users', 'PublicUser')).toEqual([]);
    expect(admin.superAdmin).toBe(true);
    expect(other.superAdmin).toBe(false);
    expect(other.roleId).toBeDefined();
    const roles = await demo.client.settings.users.rolesApi.getAll();
    expect(roles.results.map((r) => r.id)).toContain(other.roleId);
  });
});

describe('routes', () => {
  it('answers an unknown route with 404 in HubSpot’s body shape', async () => {
    const res = await fetch(`${demo.sandbox.url}/crm/v3/nothing/here`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: 'error', category: 'NOT_FOUND' });
  });
});
