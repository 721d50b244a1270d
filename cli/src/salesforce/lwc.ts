// The Salesforce package's own mapping modules, loaded in Node: the rescore maps an Account, its
// related records and its settings record with the code the Account page runs, never a copy.
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { AccountSnapshot, PlaybookAction, Settings, StoredHealthResult } from '@csops/core';

/** A record as Lightning Data Service hands it to the mapping: `{ id, fields: { Name: { value } } }`. */
export interface LdsRecord {
  id: string;
  fields: Record<string, { value: unknown }>;
}
export interface LdsList {
  records: LdsRecord[];
}
export interface RelatedList {
  relatedListId: string;
  fields: string[];
  optionalFields?: string[];
  sortBy?: string[];
}

export interface AccountMapping {
  ACCOUNT_FIELDS: string[];
  RELATED_PAGE_SIZE: number;
  CASES: RelatedList;
  CONTACTS: RelatedList;
  OPPORTUNITIES: RelatedList;
  EVENTS: RelatedList;
  toAccountSnapshot(input: {
    account: LdsRecord;
    cases?: LdsList;
    contacts?: LdsList;
    opportunities?: LdsList;
    events?: LdsList;
    asOf: string;
  }): AccountSnapshot;
  storedHealth(account: LdsRecord): StoredHealthResult;
  hasOpenExpansion(opportunities: LdsList | undefined): boolean;
  healthWriteBack(
    account: LdsRecord,
    result: unknown,
  ): { fields: Record<string, unknown> & { Id: string } } | null;
}

export interface Onboarding {
  ACCOUNT_ROUTING_FIELDS: string[];
  ACTION_KEY_FIELD: string;
  CSM_FIELD: string;
  currentCsm(account: LdsRecord): string | null;
  taskInput(
    action: PlaybookAction,
    people: { accountId: string; csmId?: string | null; ownerId?: string | null },
  ): { apiName: string; fields: Record<string, unknown> };
}

export interface SettingsRecord {
  SETTINGS_OBJECT: string;
  TYPED_FIELDS: Record<string, string>;
  MODEL_FIELD: string;
  REQUIRED_ITEMS_FIELD: string;
  settingsFromRecord(
    record: Record<string, unknown> | null,
  ): { settings: Settings } | { issues: { field: string; path: string; text: string }[] };
}

export interface SalesforceModules {
  mapping: AccountMapping;
  onboarding: Onboarding;
  settings: SettingsRecord;
}

const require = createRequire(import.meta.url);
let hooked = false;

/** The package's modules; outside vitest (which resolves them itself) Node's hooks serve their imports. */
export async function loadSalesforceModules(): Promise<SalesforceModules> {
  if (!hooked && !process.env.VITEST) {
    hooked = true;
    register('./lwc-hooks.mjs', import.meta.url, {
      data: {
        mappingFile: require.resolve('@csops/salesforce/account-mapping'),
        labelsFile: require.resolve('@csops/salesforce/labels'),
        parentURL: import.meta.url,
      },
    });
  }
  const [mapping, onboarding, settings] = await Promise.all([
    import(pathToFileURL(require.resolve('@csops/salesforce/account-mapping')).href),
    import(pathToFileURL(require.resolve('@csops/salesforce/onboarding')).href),
    import(pathToFileURL(require.resolve('@csops/salesforce/settings-record')).href),
  ]);
  return {
    mapping: mapping as AccountMapping,
    onboarding: onboarding as Onboarding,
    settings: settings as SettingsRecord,
  };
}
