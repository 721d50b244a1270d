import { createGroup, createProperties } from '../crm/definitions.js';
import { createSchema } from '../crm/schemas.js';
import type { CrmStore } from '../store/store.js';
import type { SchemaDef } from '../store/types.js';
import { crmModel } from '@csops/hubspot-model';

/**
 * Puts csops into the portal the way `hubspot:setup` does against HubSpot: the property groups,
 * the properties and the settings custom object declared in crm-model.json.
 */
export function installCsops(store: CrmStore, at: string): SchemaDef {
  const model = crmModel;
  for (const [typeName, groups] of Object.entries(model.groups)) {
    const type = store.objectType(typeName)!;
    for (const g of groups) createGroup(store, type, { name: g.name, label: g.label });
  }
  for (const [typeName, props] of Object.entries(model.properties)) {
    const type = store.objectType(typeName)!;
    createProperties(store, type, props, at);
  }
  const s = model.settingsObject;
  return createSchema(
    store,
    {
      name: s.name,
      labels: s.labels,
      primaryDisplayProperty: s.primaryDisplayProperty,
      requiredProperties: s.requiredProperties,
      searchableProperties: [s.primaryDisplayProperty],
      associatedObjects: [],
      properties: s.properties,
    },
    at,
  );
}
