import type { Client } from '@hubspot/api-client';
import { createRequire } from 'node:module';
import { crmModel, type CrmProperty } from './crm-model.js';

// The app functions' own retry (Retry-After on 429, backoff on 5xx), so setup survives a busy portal.
const { withRetry } = createRequire(import.meta.url)('@csops/hubspot-functions/retry') as {
  withRetry: <T>(request: () => Promise<T>) => Promise<T>;
};

export interface SetupReport {
  created: string[];
  existing: string[];
}

function propertyCreate(p: CrmProperty) {
  return {
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    groupName: p.groupName,
    description: p.description,
    ...('options' in p && p.options ? { options: p.options } : {}),
    ...(p.hasUniqueValue ? { hasUniqueValue: true } : {}),
  };
}

/**
 * Creates whatever of crm-model.json the portal lacks, and nothing else: groups, then properties,
 * then the settings custom object (or its missing properties). Safe to run any number of times.
 */
export async function setupHubSpot(
  client: Client,
  log: (line: string) => void = () => undefined,
): Promise<SetupReport> {
  const report: SetupReport = { created: [], existing: [] };
  const note = (what: string, created: boolean) => {
    (created ? report.created : report.existing).push(what);
    if (created) log(`created ${what}`);
  };

  for (const [objectType, groups] of Object.entries(crmModel.groups)) {
    const have = new Set(
      (await withRetry(() => client.crm.properties.groupsApi.getAll(objectType))).results.map(
        (g) => g.name,
      ),
    );
    for (const g of groups) {
      const exists = have.has(g.name);
      if (!exists) await withRetry(() => client.crm.properties.groupsApi.create(objectType, g));
      note(`group ${objectType}.${g.name}`, !exists);
    }
  }

  for (const [objectType, props] of Object.entries(crmModel.properties) as [
    string,
    CrmProperty[],
  ][]) {
    const have = new Set(
      (await withRetry(() => client.crm.properties.coreApi.getAll(objectType))).results.map(
        (p) => p.name,
      ),
    );
    const missing = props.filter((p) => !have.has(p.name));
    for (const p of props) if (have.has(p.name)) note(`property ${objectType}.${p.name}`, false);
    if (missing.length > 0) {
      await withRetry(() =>
        client.crm.properties.batchApi.create(objectType, {
          inputs: missing.map(propertyCreate) as never,
        }),
      );
      for (const p of missing) note(`property ${objectType}.${p.name}`, true);
    }
  }

  const s = crmModel.settingsObject;
  const schemas = (await withRetry(() => client.crm.schemas.coreApi.getAll())).results;
  const schema = schemas.find((x) => x.name === s.name);
  if (!schema) {
    await withRetry(() =>
      client.crm.schemas.coreApi.create({
        name: s.name,
        labels: s.labels,
        primaryDisplayProperty: s.primaryDisplayProperty,
        requiredProperties: s.requiredProperties,
        searchableProperties: [s.primaryDisplayProperty],
        secondaryDisplayProperties: [],
        associatedObjects: [],
        properties: s.properties as never,
      }),
    );
    note(`custom object ${s.name}`, true);
  } else {
    note(`custom object ${s.name}`, false);
    const have = new Set(schema.properties.map((p) => p.name));
    for (const p of s.properties) {
      const exists = have.has(p.name);
      if (!exists) {
        await withRetry(() =>
          client.crm.properties.coreApi.create(String(schema.objectTypeId), {
            ...p,
            groupName: `${s.name}_information`,
          } as never),
        );
      }
      note(`property ${s.name}.${p.name}`, !exists);
    }
  }
  return report;
}
