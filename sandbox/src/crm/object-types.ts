/** The CRM object types the sandbox serves, addressed the ways HubSpot accepts: name, objectTypeId or singular. */
export interface ObjectType {
  /** `0-2` for companies, `2-…` for custom objects. */
  objectTypeId: string;
  /** Plural API name: `companies`, or a custom object's name (`csops_settings`). */
  name: string;
  /** Used in error messages the way HubSpot does ("COMPANY", "DEAL"). */
  label: string;
  custom: boolean;
  /** Fully-qualified name of a custom object (`p<portalId>_<name>`). */
  fullyQualifiedName?: string;
  /** Properties every read returns even when none were asked for. */
  defaultProperties: string[];
  /** Properties free-text search (`query`) looks in. */
  searchableProperties: string[];
  /** The property holding the creation time (`createdate`, or `hs_createdate` on custom objects). */
  createdProperty: string;
}

const standard = (
  objectTypeId: string,
  name: string,
  label: string,
  defaultProperties: string[],
  searchableProperties: string[],
): ObjectType => ({
  objectTypeId,
  name,
  label,
  custom: false,
  defaultProperties: [...defaultProperties, 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  searchableProperties,
  createdProperty: 'createdate',
});

export const STANDARD_OBJECT_TYPES: readonly ObjectType[] = [
  standard(
    '0-1',
    'contacts',
    'CONTACT',
    ['firstname', 'lastname', 'email'],
    ['firstname', 'lastname', 'email', 'company'],
  ),
  standard('0-2', 'companies', 'COMPANY', ['name', 'domain'], ['name', 'domain']),
  standard(
    '0-3',
    'deals',
    'DEAL',
    ['dealname', 'amount', 'dealstage', 'pipeline', 'closedate'],
    ['dealname'],
  ),
  standard(
    '0-5',
    'tickets',
    'TICKET',
    ['subject', 'content', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_priority'],
    ['subject', 'content'],
  ),
  standard(
    '0-27',
    'tasks',
    'TASK',
    ['hs_task_subject', 'hs_task_status', 'hs_timestamp'],
    ['hs_task_subject', 'hs_task_body'],
  ),
  standard('0-46', 'notes', 'NOTE', ['hs_note_body', 'hs_timestamp'], ['hs_note_body']),
  standard(
    '0-47',
    'meetings',
    'MEETING',
    ['hs_meeting_title', 'hs_meeting_start_time', 'hs_timestamp'],
    ['hs_meeting_title', 'hs_meeting_body'],
  ),
];

/** Singular spellings HubSpot also accepts in paths (`company`, `deal`). */
const SINGULAR: Record<string, string> = {
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
  ticket: 'tickets',
  task: 'tasks',
  note: 'notes',
  meeting: 'meetings',
};

export function customObjectType(
  objectTypeId: string,
  name: string,
  fullyQualifiedName: string,
  primaryDisplayProperty: string | undefined,
  searchableProperties: string[],
): ObjectType {
  const display = primaryDisplayProperty ? [primaryDisplayProperty] : [];
  return {
    objectTypeId,
    name,
    label: name.toUpperCase(),
    custom: true,
    fullyQualifiedName,
    defaultProperties: [...display, 'hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    searchableProperties: searchableProperties.length ? searchableProperties : display,
    createdProperty: 'hs_createdate',
  };
}

/** Finds a type by any name HubSpot accepts for it, case-insensitively. */
export function matchObjectType(types: Iterable<ObjectType>, ref: string): ObjectType | undefined {
  const wanted = ref.toLowerCase();
  const plural = SINGULAR[wanted] ?? wanted;
  for (const t of types) {
    if (t.objectTypeId === wanted || t.name.toLowerCase() === plural) return t;
    if (t.fullyQualifiedName && t.fullyQualifiedName.toLowerCase() === wanted) return t;
  }
  return undefined;
}
