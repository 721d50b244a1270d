import customModel from './generated/custom-model.json' with { type: 'json' };
import type { CustomModel } from './custom-fields.js';
import { field } from './field.js';
import type { FieldDef, SObjectDef } from './field.js';

const custom = customModel as CustomModel;

const ref = (name: string, to: string[], relationshipName: string, over: Partial<FieldDef> = {}) =>
  field(name, 'reference', { referenceTo: to, relationshipName, ...over });
const readOnly = { createable: false, updateable: false };
const picklist = (name: string, values: string[], over: Partial<FieldDef> = {}) =>
  field(name, 'picklist', {
    picklistValues: values.map((v, i) => ({
      value: v,
      label: v,
      active: true,
      defaultValue: i === 0 && over.defaultValue === v,
    })),
    ...over,
  });

/** Fields every record has, maintained by Salesforce. */
function systemFields(owned: boolean): FieldDef[] {
  return [
    field('Id', 'id', { label: 'Record ID', nillable: false }),
    field('IsDeleted', 'boolean', { label: 'Deleted', ...readOnly }),
    ...(owned ? [ref('OwnerId', ['User'], 'Owner', { label: 'Owner ID', nillable: false })] : []),
    field('CreatedDate', 'datetime', { label: 'Created Date', ...readOnly, nillable: false }),
    ref('CreatedById', ['User'], 'CreatedBy', { label: 'Created By ID', ...readOnly }),
    field('LastModifiedDate', 'datetime', { label: 'Last Modified Date', ...readOnly }),
    ref('LastModifiedById', ['User'], 'LastModifiedBy', {
      label: 'Last Modified By ID',
      ...readOnly,
    }),
    field('SystemModstamp', 'datetime', { label: 'System Modstamp', ...readOnly }),
  ];
}

export const OPPORTUNITY_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
];

const STANDARD: Record<
  string,
  { label: string; plural: string; prefix: string; owned: boolean; fields: FieldDef[] }
> = {
  Account: {
    label: 'Account',
    plural: 'Accounts',
    prefix: '001',
    owned: true,
    fields: [
      field('Name', 'string', { label: 'Account Name', nillable: false }),
      field('Type', 'picklist', { label: 'Account Type' }),
      field('Industry', 'picklist', { label: 'Industry' }),
      field('Website', 'url', { label: 'Website' }),
      field('NumberOfEmployees', 'int', { label: 'Employees', precision: 8 }),
      field('Description', 'textarea', { label: 'Account Description', length: 32_000 }),
    ],
  },
  Contact: {
    label: 'Contact',
    plural: 'Contacts',
    prefix: '003',
    owned: true,
    fields: [
      ref('AccountId', ['Account'], 'Account', { label: 'Account ID' }),
      field('FirstName', 'string', { label: 'First Name', length: 40 }),
      field('LastName', 'string', { label: 'Last Name', length: 80, nillable: false }),
      field('Name', 'string', { label: 'Full Name', length: 121, ...readOnly, nillable: false }),
      field('Email', 'email', { label: 'Email', length: 80, idLookup: true }),
      field('Title', 'string', { label: 'Title', length: 128 }),
    ],
  },
  Opportunity: {
    label: 'Opportunity',
    plural: 'Opportunities',
    prefix: '006',
    owned: true,
    fields: [
      ref('AccountId', ['Account'], 'Account', { label: 'Account ID' }),
      field('Name', 'string', { label: 'Name', length: 120, nillable: false }),
      field('Amount', 'currency', { label: 'Amount', precision: 18, scale: 2 }),
      picklist('StageName', OPPORTUNITY_STAGES, { label: 'Stage', nillable: false }),
      field('CloseDate', 'date', { label: 'Close Date', nillable: false }),
      picklist(
        'Type',
        [
          'New Business',
          'Existing Customer - Upgrade',
          'Existing Customer - Replacement',
          'Existing Customer - Downgrade',
        ],
        { label: 'Opportunity Type' },
      ),
      field('IsClosed', 'boolean', { label: 'Closed', ...readOnly }),
      field('IsWon', 'boolean', { label: 'Won', ...readOnly }),
      field('Description', 'textarea', { label: 'Description', length: 32_000 }),
    ],
  },
  Task: {
    label: 'Task',
    plural: 'Tasks',
    prefix: '00T',
    owned: true,
    fields: [
      ref('WhatId', ['Account', 'Opportunity'], 'What', { label: 'Related To ID' }),
      ref('WhoId', ['Contact'], 'Who', { label: 'Name ID' }),
      field('Subject', 'string', { label: 'Subject' }),
      field('ActivityDate', 'date', { label: 'Due Date Only' }),
      picklist(
        'Status',
        ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'],
        { label: 'Status', defaultValue: 'Not Started', nillable: false },
      ),
      picklist('Priority', ['High', 'Normal', 'Low'], {
        label: 'Priority',
        defaultValue: 'Normal',
        nillable: false,
      }),
      field('IsClosed', 'boolean', { label: 'Closed', ...readOnly }),
      field('Description', 'textarea', { label: 'Description', length: 32_000 }),
    ],
  },
  Event: {
    label: 'Event',
    plural: 'Events',
    prefix: '00U',
    owned: true,
    fields: [
      ref('WhatId', ['Account', 'Opportunity'], 'What', { label: 'Related To ID' }),
      ref('WhoId', ['Contact'], 'Who', { label: 'Name ID' }),
      field('Subject', 'string', { label: 'Subject' }),
      field('StartDateTime', 'datetime', { label: 'Start Date Time' }),
      field('EndDateTime', 'datetime', { label: 'End Date Time' }),
      field('Type', 'picklist', { label: 'Type' }),
      field('Description', 'textarea', { label: 'Description', length: 32_000 }),
    ],
  },
  Case: {
    label: 'Case',
    plural: 'Cases',
    prefix: '500',
    owned: true,
    fields: [
      ref('AccountId', ['Account'], 'Account', { label: 'Account ID' }),
      field('Subject', 'string', { label: 'Subject' }),
      picklist('Status', ['New', 'Working', 'Escalated', 'Closed'], {
        label: 'Status',
        defaultValue: 'New',
      }),
      picklist('Priority', ['High', 'Medium', 'Low'], {
        label: 'Priority',
        defaultValue: 'Medium',
      }),
      field('IsClosed', 'boolean', { label: 'Closed', ...readOnly }),
      field('IsEscalated', 'boolean', { label: 'Escalated' }),
      field('ClosedDate', 'datetime', { label: 'Closed Date', ...readOnly }),
      field('Description', 'textarea', { label: 'Description', length: 32_000 }),
    ],
  },
  User: {
    label: 'User',
    plural: 'Users',
    prefix: '005',
    owned: false,
    fields: [
      field('Username', 'string', {
        label: 'Username',
        length: 80,
        unique: true,
        idLookup: true,
        nillable: false,
      }),
      field('FirstName', 'string', { label: 'First Name', length: 40 }),
      field('LastName', 'string', { label: 'Last Name', length: 80, nillable: false }),
      field('Name', 'string', { label: 'Full Name', length: 121, ...readOnly }),
      field('Email', 'email', { label: 'Email', length: 128, nillable: false }),
      field('Department', 'string', { label: 'Department', length: 80 }),
      field('Title', 'string', { label: 'Title', length: 80 }),
      field('IsActive', 'boolean', { label: 'Active', defaultValue: true }),
    ],
  },
  Csops_Settings__mdt: {
    label: 'csops Settings',
    plural: 'csops Settings',
    prefix: 'm01',
    owned: false,
    fields: [
      field('DeveloperName', 'string', {
        label: 'Custom Metadata Record Name',
        length: 40,
        unique: true,
        idLookup: true,
      }),
      field('MasterLabel', 'string', { label: 'Label', length: 40 }),
      field('Label', 'string', { label: 'Label', length: 40 }),
      field('QualifiedApiName', 'string', { label: 'Qualified API Name', length: 70 }),
    ],
  },
};

/** Custom metadata records are deployed, never written through the data API. */
const DEPLOYED_ONLY = new Set(['Csops_Settings__mdt']);

function build(): Map<string, SObjectDef> {
  const out = new Map<string, SObjectDef>();
  for (const [name, s] of Object.entries(STANDARD)) {
    let fields = [...systemFields(s.owned), ...s.fields, ...(custom.fields[name] ?? [])];
    if (DEPLOYED_ONLY.has(name)) fields = fields.map((f) => ({ ...f, ...readOnly }));
    out.set(name, {
      name,
      label: s.label,
      labelPlural: s.plural,
      keyPrefix: s.prefix,
      custom: name.endsWith('__c') || name.endsWith('__mdt'),
      fields,
    });
  }
  return out;
}

export const SOBJECTS = build();
const BY_LOWER = new Map([...SOBJECTS.values()].map((s) => [s.name.toLowerCase(), s]));
const BY_PREFIX = new Map([...SOBJECTS.values()].map((s) => [s.keyPrefix, s]));
const FIELD_INDEX = new Map(
  [...SOBJECTS.values()].map((s) => [
    s.name,
    new Map(s.fields.map((f) => [f.name.toLowerCase(), f])),
  ]),
);

/** API names are case-insensitive in Salesforce; answers carry the canonical spelling. */
export function sobject(name: string): SObjectDef | undefined {
  return BY_LOWER.get(name.toLowerCase());
}

export function sobjectOfId(id: string): SObjectDef | undefined {
  return BY_PREFIX.get(id.slice(0, 3));
}

export function fieldOf(type: SObjectDef, name: string): FieldDef | undefined {
  return FIELD_INDEX.get(type.name)?.get(name.toLowerCase());
}

/** The reference field behind a relationship name (`Owner` → OwnerId, `Csops_CSM__r` → Csops_CSM__c). */
export function relationshipOf(type: SObjectDef, relationship: string): FieldDef | undefined {
  const lower = relationship.toLowerCase();
  return type.fields.find((f) => f.relationshipName?.toLowerCase() === lower);
}

export function settingsRecords(): CustomModel['settingsRecords'] {
  return custom.settingsRecords;
}
