import type {
  PropertyDef,
  PropertyGroupDef,
  PropertyOption,
  PropertyType,
} from '../store/types.js';

/** The HubSpot-defined properties a fresh portal has, for the objects the app reads. */
interface Spec {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: string;
  options?: string[] | [string, string][];
  unique?: boolean;
  readOnly?: boolean;
}

const s = (name: string, label: string): Spec => ({
  name,
  label,
  type: 'string',
  fieldType: 'text',
});
const n = (name: string, label: string): Spec => ({
  name,
  label,
  type: 'number',
  fieldType: 'number',
});
const dt = (name: string, label: string): Spec => ({
  name,
  label,
  type: 'datetime',
  fieldType: 'date',
});
const e = (name: string, label: string, options: Spec['options']): Spec => ({
  name,
  label,
  type: 'enumeration',
  fieldType: 'select',
  options,
});
const b = (name: string, label: string): Spec => ({
  name,
  label,
  type: 'bool',
  fieldType: 'booleancheckbox',
  options: [
    ['true', 'Yes'],
    ['false', 'No'],
  ],
});
const ro = (spec: Spec): Spec => ({ ...spec, readOnly: true });

const common = (created = 'createdate'): Spec[] => [
  ro(n('hs_object_id', 'Record ID')),
  dt(created, 'Create Date'),
  ro(dt('hs_lastmodifieddate', 'Last Modified Date')),
  s('hubspot_owner_id', 'Owner'),
];

const SPECS: Record<string, { group: PropertyGroupDef; props: Spec[] }> = {
  companies: {
    group: {
      name: 'companyinformation',
      label: 'Company information',
      displayOrder: 0,
      archived: false,
    },
    props: [
      s('name', 'Company name'),
      s('domain', 'Company domain name'),
      s('industry', 'Industry'),
      s('city', 'City'),
      s('country', 'Country/Region'),
      s('phone', 'Phone number'),
      n('numberofemployees', 'Number of employees'),
      n('annualrevenue', 'Annual revenue'),
      e('lifecyclestage', 'Lifecycle stage', [
        'lead',
        'opportunity',
        'customer',
        'evangelist',
        'other',
      ]),
      s('description', 'Description'),
      ...common(),
    ],
  },
  contacts: {
    group: {
      name: 'contactinformation',
      label: 'Contact information',
      displayOrder: 0,
      archived: false,
    },
    props: [
      s('firstname', 'First name'),
      s('lastname', 'Last name'),
      { ...s('email', 'Email'), unique: true },
      s('jobtitle', 'Job title'),
      s('phone', 'Phone number'),
      s('company', 'Company name'),
      e('lifecyclestage', 'Lifecycle stage', [
        'lead',
        'opportunity',
        'customer',
        'evangelist',
        'other',
      ]),
      ...common(),
    ],
  },
  deals: {
    group: { name: 'dealinformation', label: 'Deal information', displayOrder: 0, archived: false },
    props: [
      s('dealname', 'Deal name'),
      n('amount', 'Amount'),
      e('dealstage', 'Deal stage', [
        'appointmentscheduled',
        'qualifiedtobuy',
        'presentationscheduled',
        'decisionmakerboughtin',
        'contractsent',
        'closedwon',
        'closedlost',
      ]),
      e('pipeline', 'Pipeline', ['default']),
      dt('closedate', 'Close date'),
      e('dealtype', 'Deal type', [
        ['newbusiness', 'New Business'],
        ['existingbusiness', 'Existing Business'],
      ]),
      s('description', 'Deal description'),
      ro(b('hs_is_closed', 'Is deal closed?')),
      ro(b('hs_is_closed_won', 'Is closed won')),
      ...common(),
    ],
  },
  tickets: {
    group: {
      name: 'ticketinformation',
      label: 'Ticket information',
      displayOrder: 0,
      archived: false,
    },
    props: [
      s('subject', 'Ticket name'),
      s('content', 'Ticket description'),
      e('hs_pipeline', 'Pipeline', ['0']),
      e('hs_pipeline_stage', 'Ticket status', [
        ['1', 'New'],
        ['2', 'Waiting on contact'],
        ['3', 'Waiting on us'],
        ['4', 'Closed'],
      ]),
      e('hs_ticket_priority', 'Priority', ['LOW', 'MEDIUM', 'HIGH', 'URGENT']),
      e('hs_ticket_category', 'Category', [
        'PRODUCT_ISSUE',
        'BILLING_ISSUE',
        'FEATURE_REQUEST',
        'GENERAL_INQUIRY',
      ]),
      dt('closed_date', 'Close date'),
      ro(b('hs_is_closed', 'Is ticket closed?')),
      ...common(),
    ],
  },
  tasks: {
    group: { name: 'task', label: 'Task information', displayOrder: 0, archived: false },
    props: [
      s('hs_task_subject', 'Task title'),
      s('hs_task_body', 'Task notes'),
      dt('hs_timestamp', 'Due date'),
      e('hs_task_status', 'Task status', [
        ['NOT_STARTED', 'Not started'],
        ['IN_PROGRESS', 'In progress'],
        ['WAITING', 'Waiting'],
        ['COMPLETED', 'Completed'],
        ['DEFERRED', 'Deferred'],
      ]),
      e('hs_task_priority', 'Priority', [
        ['NONE', 'None'],
        ['LOW', 'Low'],
        ['MEDIUM', 'Medium'],
        ['HIGH', 'High'],
      ]),
      e('hs_task_type', 'Task type', [
        ['TODO', 'To-do'],
        ['CALL', 'Call'],
        ['EMAIL', 'Email'],
      ]),
      // Stamped by the CRM when the status becomes COMPLETED, cleared when the task is reopened.
      ro(dt('hs_task_completion_date', 'Completed at')),
      ...common(),
    ],
  },
  notes: {
    group: { name: 'note', label: 'Note information', displayOrder: 0, archived: false },
    props: [s('hs_note_body', 'Note body'), dt('hs_timestamp', 'Activity date'), ...common()],
  },
  meetings: {
    group: { name: 'meeting', label: 'Meeting information', displayOrder: 0, archived: false },
    props: [
      s('hs_meeting_title', 'Meeting name'),
      s('hs_meeting_body', 'Meeting description'),
      dt('hs_timestamp', 'Activity date'),
      dt('hs_meeting_start_time', 'Start time'),
      dt('hs_meeting_end_time', 'End time'),
      e('hs_meeting_outcome', 'Meeting outcome', [
        'SCHEDULED',
        'COMPLETED',
        'RESCHEDULED',
        'NO_SHOW',
        'CANCELED',
      ]),
      s('hs_activity_type', 'Call and meeting type'),
      ...common(),
    ],
  },
};

export function toOptions(options: Spec['options']): PropertyOption[] {
  return (options ?? []).map((o, i) => {
    const [value, label] = typeof o === 'string' ? [o, o] : o;
    return { value, label, displayOrder: i, hidden: false };
  });
}

export function standardGroup(typeName: string): PropertyGroupDef | undefined {
  return SPECS[typeName]?.group;
}

export function standardProperties(typeName: string, at: string): PropertyDef[] {
  const spec = SPECS[typeName];
  if (!spec) return [];
  return spec.props.map((p, i) => ({
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    groupName: spec.group.name,
    description: '',
    options: toOptions(p.options),
    displayOrder: i,
    hasUniqueValue: p.unique ?? false,
    hidden: false,
    formField: !p.readOnly,
    hubspotDefined: true,
    readOnlyValue: p.readOnly ?? false,
    calculated: false,
    createdAt: at,
    updatedAt: at,
    archived: false,
  }));
}

/** Properties every custom object gets from HubSpot. */
export function customObjectBaseProperties(at: string): PropertyDef[] {
  const base: Spec[] = [
    ro(n('hs_object_id', 'Record ID')),
    ro(dt('hs_createdate', 'Object create date')),
    ro(dt('hs_lastmodifieddate', 'Object last modified date')),
  ];
  return base.map((p, i) => ({
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    groupName: '',
    description: '',
    options: [],
    displayOrder: i,
    hasUniqueValue: false,
    hidden: false,
    formField: false,
    hubspotDefined: true,
    readOnlyValue: true,
    calculated: false,
    createdAt: at,
    updatedAt: at,
    archived: false,
  }));
}
