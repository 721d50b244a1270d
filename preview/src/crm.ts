// What the preview itself reads from the CRM (the sandbox, through HubSpot's own client): the portfolio
// list and the properties panel of a record. The cards read nothing here: they call app functions.
import { Client } from '@hubspot/api-client';
import {
  defaultSettings,
  evaluateHandoff,
  handoffJudgedAt,
  isScoreStale,
  parseHandoffInput,
  parseSettings,
  type Settings,
} from '@csops/core';

export interface CrmConnection {
  baseUrl: string;
  accessToken: string;
}

export function crmClient(connection: CrmConnection): Client {
  return new Client({
    accessToken: connection.accessToken,
    basePath: connection.baseUrl.replace(/\/$/, ''),
    numberOfApiCallRetries: 3,
  });
}

export const PORTFOLIO_PROPERTIES = [
  'name',
  'domain',
  'csops_segment',
  'csops_arr',
  'csops_renewal_date',
  'csops_health_score',
  'csops_health_band',
  'csops_health_trend',
  'csops_health_coverage',
  'csops_renewal_risk',
  'csops_arr_at_risk',
  'csops_health_updated_at',
  'csops_health_settings_version',
];

export interface PortfolioRow {
  id: string;
  name: string;
  domain: string | null;
  segment: string | null;
  arr: number | null;
  renewalDate: string | null;
  score: number | null;
  band: string | null;
  trend: number | null;
  coverage: number | null;
  risk: string | null;
  arrAtRisk: number | null;
  scoredAt: string | null;
  /** The settings version the result was written under (blank: the defaults, or not recorded). */
  scoredUnder: string | null;
  /** Scored under other settings than the current ones: the band may be out of date. */
  stale: boolean;
}

function numberOrNull(value: string | null | undefined): number | null {
  if (value == null || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function textOrNull(value: string | null | undefined): string | null {
  return value == null || value === '' ? null : value;
}

/** Every company, a page of 100 at a time (the list endpoint's page limit). */
export async function readPortfolio(client: Client): Promise<PortfolioRow[]> {
  const rows: PortfolioRow[] = [];
  let after: string | undefined;
  do {
    const page = await client.crm.companies.basicApi.getPage(100, after, PORTFOLIO_PROPERTIES);
    for (const company of page.results) {
      const p = company.properties;
      rows.push({
        id: company.id,
        name: p.name ?? `Company ${company.id}`,
        domain: textOrNull(p.domain),
        segment: textOrNull(p.csops_segment),
        arr: numberOrNull(p.csops_arr),
        renewalDate: textOrNull(p.csops_renewal_date),
        score: numberOrNull(p.csops_health_score),
        band: textOrNull(p.csops_health_band),
        trend: numberOrNull(p.csops_health_trend),
        coverage: numberOrNull(p.csops_health_coverage),
        risk: textOrNull(p.csops_renewal_risk),
        arrAtRisk: numberOrNull(p.csops_arr_at_risk),
        scoredAt: textOrNull(p.csops_health_updated_at),
        scoredUnder: textOrNull(p.csops_health_settings_version),
        stale: false,
      });
    }
    after = page.paging?.next?.after;
  } while (after);
  return rows;
}

/** The newest saved csops settings version, or null when none is saved (the defaults apply). */
export async function readSettingsVersion(client: Client): Promise<number | null> {
  const schemas = await client.crm.schemas.coreApi.getAll();
  const schema = schemas.results.find((s) => s.name === 'csops_settings');
  if (!schema?.objectTypeId) return null;
  const page = await client.crm.objects.searchApi.doSearch(schema.objectTypeId, {
    filterGroups: [],
    // Versions are appended, so the newest record holds the newest version.
    sorts: [{ propertyName: 'hs_object_id', direction: 'DESCENDING' }] as never,
    properties: ['csops_version_label'],
    limit: 1,
    after: undefined as never,
  });
  const version = Number(page.results[0]?.properties.csops_version_label);
  return Number.isInteger(version) && version > 0 ? version : null;
}

/** The Companies list: every company, each scored one marked when its settings are not current. */
export async function readPortfolioView(
  client: Client,
): Promise<{ companies: PortfolioRow[]; settingsVersion: number | null }> {
  const [companies, settingsVersion] = await Promise.all([
    readPortfolio(client),
    readSettingsVersion(client),
  ]);
  for (const row of companies) {
    row.stale = row.band !== null && isScoreStale(row.scoredUnder, settingsVersion);
  }
  return { companies, settingsVersion };
}

export interface PanelProperty {
  name: string;
  label: string;
  type: string;
  value: string | null;
  /** Label of the chosen option for enumerations. */
  display: string | null;
}

export interface PanelGroup {
  name: string;
  label: string;
  properties: PanelProperty[];
}

export interface RecordAssociation {
  objectType: string;
  id: string;
  name: string;
}

export interface RecordPanel {
  objectType: string;
  id: string;
  name: string;
  groups: PanelGroup[];
  associations: RecordAssociation[];
}

const NAME_PROPERTY: Record<string, string> = {
  companies: 'name',
  deals: 'dealname',
  contacts: 'email',
};
const ASSOCIATED: Record<string, string[]> = {
  companies: ['deals', 'contacts'],
  deals: ['companies'],
};
const ABOUT_LABEL: Record<string, string> = {
  companies: 'About this company',
  deals: 'About this deal',
};
// HubSpot's own "About" properties shown first, when they have a value.
const ABOUT: Record<string, string[]> = {
  companies: [
    'name',
    'domain',
    'industry',
    'lifecyclestage',
    'hubspot_owner_id',
    'numberofemployees',
  ],
  deals: [
    'dealname',
    'amount',
    'dealstage',
    'pipeline',
    'closedate',
    'dealtype',
    'hubspot_owner_id',
  ],
};

// Properties holding a HubSpot owner id: HubSpot marks its own with referencedObjectType OWNER; csops
// keeps the assigned CSM's owner id in a text property.
const OWNER_PROPERTIES = new Set(['hubspot_owner_id', 'csops_csm_owner_id']);

function holdsOwner(definition: { name: string; referencedObjectType?: string }): boolean {
  return OWNER_PROPERTIES.has(definition.name) || definition.referencedObjectType === 'OWNER';
}

/** Owner names by id, as HubSpot shows owners ("First Last", else the email); unknown ids are left out. */
export async function readOwnerNames(client: Client, ids: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wanted = [...new Set(ids.filter((id) => /^\d+$/.test(id)))];
  await Promise.all(
    wanted.map(async (id) => {
      try {
        const owner = await client.crm.owners.ownersApi.getById(Number(id), 'id', false);
        const name = [owner.firstName, owner.lastName].filter(Boolean).join(' ').trim();
        const shown = name || owner.email;
        if (shown) names.set(id, shown);
      } catch {
        // An owner HubSpot no longer knows keeps showing as its id.
      }
    }),
  );
  return names;
}

/** The record's properties, labelled and grouped as the CRM defines them, for the left-hand panel. */
export async function readRecordPanel(
  client: Client,
  objectType: string,
  id: string,
): Promise<RecordPanel> {
  const definitions = (await client.crm.properties.coreApi.getAll(objectType)).results;
  const groupLabels = new Map<string, string>();
  try {
    for (const g of (await client.crm.properties.groupsApi.getAll(objectType)).results)
      groupLabels.set(g.name, g.label);
  } catch {
    // Without group labels the panel falls back to the group names.
  }
  const record = await client.crm.objects.basicApi.getById(
    objectType,
    id,
    definitions.map((d) => d.name),
  );
  const values = record.properties;
  const owners = await readOwnerNames(
    client,
    definitions.filter(holdsOwner).map((d) => values[d.name] ?? ''),
  );
  const about = ABOUT[objectType] ?? [];
  const groups = new Map<string, PanelGroup>();
  groups.set('about', {
    name: 'about',
    label: ABOUT_LABEL[objectType] ?? 'About this record',
    properties: [],
  });
  for (const d of definitions) {
    const value = values[d.name] ?? null;
    const isAbout = about.includes(d.name);
    const isCsops = d.groupName.startsWith('csops');
    if (!isAbout && !isCsops) continue;
    if (isAbout && (value === null || value === '')) continue;
    const key = isAbout ? 'about' : d.groupName;
    if (!groups.has(key))
      groups.set(key, {
        name: key,
        label: groupLabels.get(d.groupName) ?? d.groupName,
        properties: [],
      });
    const option = d.options?.find((o) => o.value === value);
    groups.get(key)?.properties.push({
      name: d.name,
      label: d.label,
      type: d.type,
      value: value === '' ? null : value,
      display: option?.label ?? (holdsOwner(d) && value ? (owners.get(value) ?? null) : null),
    });
  }
  groups.get('about')?.properties.sort((a, b) => about.indexOf(a.name) - about.indexOf(b.name));
  const name = values[NAME_PROPERTY[objectType] ?? 'name'] ?? `${objectType} ${id}`;
  return {
    objectType,
    id,
    name,
    groups: [...groups.values()].filter((g) => g.properties.length > 0),
    associations: await readAssociations(client, objectType, id),
  };
}

async function readAssociations(
  client: Client,
  objectType: string,
  id: string,
): Promise<RecordAssociation[]> {
  const found: RecordAssociation[] = [];
  for (const toType of ASSOCIATED[objectType] ?? []) {
    try {
      const page = await client.crm.associations.v4.basicApi.getPage(
        objectType,
        id,
        toType,
        undefined,
        100,
      );
      const ids = page.results.map((r) => String(r.toObjectId));
      if (ids.length === 0) continue;
      const nameProperty = NAME_PROPERTY[toType] ?? 'name';
      const batch = await client.crm.objects.batchApi.read(toType, {
        inputs: ids.map((i) => ({ id: i })),
        properties: [nameProperty],
        propertiesWithHistory: [],
      });
      for (const r of batch.results) {
        found.push({
          objectType: toType,
          id: r.id,
          name: r.properties[nameProperty] ?? `${toType} ${r.id}`,
        });
      }
    } catch {
      // A record without readable associations still shows its own properties.
    }
  }
  return found;
}

/** Property values by name, as HubSpot hands them to cards and functions (strings or null). */
export async function readProperties(
  client: Client,
  objectType: string,
  id: string,
  names: string[],
): Promise<Record<string, string | null>> {
  if (names.length === 0) return {};
  const record = await client.crm.objects.basicApi.getById(objectType, id, names);
  const out: Record<string, string | null> = {};
  for (const name of names) {
    out[name] = name === 'hs_object_id' ? id : (record.properties[name] ?? null);
  }
  return out;
}

export async function readAllPropertyNames(client: Client, objectType: string): Promise<string[]> {
  return (await client.crm.properties.coreApi.getAll(objectType)).results.map((d) => d.name);
}

export interface DealRow {
  id: string;
  name: string;
  amount: number | null;
  stage: string | null;
  closeDate: string | null;
  handoffStatus: string | null;
  handoffCompleteness: number | null;
  expansion: boolean;
}

/** The settings the app functions judge with: the newest saved version, else the defaults. */
export async function readSettings(client: Client): Promise<Settings> {
  const page = await client.crm.objects.searchApi.doSearch('csops_settings', {
    filterGroups: [],
    sorts: [{ propertyName: 'hs_object_id', direction: 'DESCENDING' } as never],
    properties: ['csops_settings_json'],
    limit: 1,
  });
  const raw = page.results[0]?.properties.csops_settings_json;
  if (!raw) return defaultSettings();
  try {
    const parsed = parseSettings(JSON.parse(raw));
    return parsed.success ? parsed.data : defaultSettings();
  } catch {
    return defaultSettings();
  }
}

/** The completeness the card shows: the core's evaluation of the stored handoff. */
function completenessOf(
  p: Record<string, string | null>,
  settings: Settings,
  now: string,
): number | null {
  if (!p.csops_handoff) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(p.csops_handoff);
  } catch {
    return null;
  }
  const handoff = parseHandoffInput(raw);
  if (!handoff.success) return null;
  const at = handoffJudgedAt(p.csops_handoff_submitted_at, now);
  return evaluateHandoff(handoff.data, settings, at).completeness;
}

export async function readDeals(client: Client, now: string): Promise<DealRow[]> {
  const rows: DealRow[] = [];
  let after: string | undefined;
  const settings = await readSettings(client);
  const properties = [
    'dealname',
    'amount',
    'dealstage',
    'closedate',
    'csops_handoff',
    'csops_handoff_status',
    'csops_handoff_submitted_at',
    'csops_expansion_key',
  ];
  do {
    const page = await client.crm.deals.basicApi.getPage(100, after, properties);
    for (const deal of page.results) {
      const p = deal.properties;
      rows.push({
        id: deal.id,
        name: p.dealname ?? `Deal ${deal.id}`,
        amount: numberOrNull(p.amount),
        stage: textOrNull(p.dealstage),
        closeDate: textOrNull(p.closedate),
        handoffStatus: textOrNull(p.csops_handoff_status),
        handoffCompleteness: completenessOf(p, settings, now),
        expansion: Boolean(textOrNull(p.csops_expansion_key)),
      });
    }
    after = page.paging?.next?.after;
  } while (after);
  return rows;
}
