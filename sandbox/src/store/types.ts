/** What the sandbox keeps. Times are ISO strings so the state serialises as it is. */

export interface CrmRecord {
  id: string;
  /** Values as HubSpot keeps them: strings, '' once cleared. */
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
}

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
  description?: string;
}

export type PropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool';

export interface PropertyDef {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  groupName: string;
  description: string;
  options: PropertyOption[];
  displayOrder: number;
  hasUniqueValue: boolean;
  hidden: boolean;
  formField: boolean;
  hubspotDefined: boolean;
  /** Maintained by the CRM itself (ids, timestamps, derived flags); writes are refused. */
  readOnlyValue: boolean;
  calculated: boolean;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface PropertyGroupDef {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

export interface SchemaDef {
  id: string;
  objectTypeId: string;
  name: string;
  fullyQualifiedName: string;
  labels: { singular?: string; plural?: string };
  description?: string;
  primaryDisplayProperty?: string;
  requiredProperties: string[];
  searchableProperties: string[];
  secondaryDisplayProperties: string[];
  associatedObjects: string[];
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface OwnerDef {
  id: string;
  userId: number;
  email: string;
  firstName: string;
  lastName: string;
  team: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface UserDef {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  roleId?: string;
  primaryTeamId?: string;
  superAdmin: boolean;
}

export interface RoleDef {
  id: string;
  name: string;
  requiresBillingWrite: boolean;
}

export interface PortalMeta {
  portalId: number;
  /** The moment the portal was (re)seeded; the demo's histories are relative to it. */
  seededAt: string;
  seed: 'demo' | 'empty';
}

/** One state change. A request's changes are journaled together, so a request is kept whole or not at all. */
export type Change =
  | { k: 'rec'; t: string; r: CrmRecord }
  | { k: 'assoc'; f: string; fi: string; t: string; ti: string; ty: number[]; inv: number[] }
  | { k: 'prop'; t: string; p: PropertyDef }
  | { k: 'group'; t: string; g: PropertyGroupDef }
  | { k: 'schema'; s: SchemaDef }
  | { k: 'owner'; o: OwnerDef }
  | { k: 'user'; u: UserDef }
  | { k: 'role'; r: RoleDef }
  | { k: 'meta'; m: PortalMeta };
