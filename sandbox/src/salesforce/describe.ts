import type { FieldDef, SObjectDef } from './model/field.js';

/** `sobjects/{Type}/describe`: the object and every field, in Salesforce's describe shape. */
export function describeSObject(type: SObjectDef, base: string): Record<string, unknown> {
  return {
    ...globalEntry(type, base),
    fields: type.fields.map(describeField),
    childRelationships: [],
    recordTypeInfos: [],
  };
}

export function globalEntry(type: SObjectDef, base: string): Record<string, unknown> {
  const writable = !type.name.endsWith('__mdt');
  return {
    name: type.name,
    label: type.label,
    labelPlural: type.labelPlural,
    keyPrefix: type.keyPrefix,
    custom: type.custom,
    createable: writable,
    updateable: writable,
    deletable: writable,
    queryable: true,
    retrieveable: true,
    searchable: writable,
    layoutable: writable,
    urls: {
      sobject: `${base}/sobjects/${type.name}`,
      describe: `${base}/sobjects/${type.name}/describe`,
      rowTemplate: `${base}/sobjects/${type.name}/{ID}`,
    },
  };
}

function describeField(f: FieldDef): Record<string, unknown> {
  return {
    name: f.name,
    label: f.label,
    type: f.type,
    soapType: f.soapType,
    length: f.length,
    precision: f.precision,
    scale: f.scale,
    digits: f.type === 'int' ? f.precision : 0,
    byteLength: f.length * 3,
    custom: f.custom,
    createable: f.createable,
    updateable: f.updateable,
    nillable: f.nillable,
    unique: f.unique,
    externalId: f.externalId,
    idLookup: f.idLookup,
    caseSensitive: f.caseSensitive,
    calculated: f.calculated,
    defaultedOnCreate: f.type === 'boolean' || f.name === 'OwnerId',
    defaultValue: f.defaultValue,
    filterable: f.type !== 'textarea',
    sortable: f.type !== 'textarea',
    groupable: !['textarea', 'double', 'currency', 'percent', 'datetime'].includes(f.type),
    nameField: f.name === 'Name',
    referenceTo: f.referenceTo,
    relationshipName: f.relationshipName,
    polymorphicForeignKey: f.referenceTo.length > 1,
    restrictedPicklist: f.type === 'picklist' && f.custom,
    picklistValues: f.picklistValues.map((v) => ({ ...v, validFor: null })),
    inlineHelpText: null,
  };
}

const UI_TYPES: Record<FieldDef['type'], string> = {
  id: 'Id',
  reference: 'Reference',
  string: 'String',
  textarea: 'TextArea',
  picklist: 'Picklist',
  email: 'Email',
  url: 'Url',
  phone: 'Phone',
  double: 'Double',
  int: 'Int',
  currency: 'Currency',
  percent: 'Percent',
  boolean: 'Boolean',
  date: 'Date',
  datetime: 'DateTime',
};

/** `ui-api/object-info/{Type}`, the shape Lightning's getObjectInfo answers with. */
export function objectInfo(type: SObjectDef): Record<string, unknown> {
  const writable = !type.name.endsWith('__mdt');
  return {
    apiName: type.name,
    label: type.label,
    labelPlural: type.labelPlural,
    keyPrefix: type.keyPrefix,
    custom: type.custom,
    createable: writable,
    updateable: writable,
    deletable: writable,
    queryable: true,
    searchable: writable,
    layoutable: writable,
    nameFields: type.fields.some((f) => f.name === 'Name') ? ['Name'] : [],
    childRelationships: [],
    defaultRecordTypeId: '012000000000000AAA',
    recordTypeInfos: {},
    themeInfo: null,
    fields: Object.fromEntries(
      type.fields.map((f) => [
        f.name,
        {
          apiName: f.name,
          label: f.label,
          dataType: UI_TYPES[f.type],
          createable: f.createable,
          updateable: f.updateable,
          required: !f.nillable && f.createable && f.type !== 'boolean',
          nameField: f.name === 'Name',
          custom: f.custom,
          calculated: f.calculated,
          externalId: f.externalId,
          unique: f.unique,
          length: f.length,
          precision: f.precision,
          scale: f.scale,
          reference: f.type === 'reference',
          referenceToInfos: f.referenceTo.map((apiName) => ({ apiName, nameFields: ['Name'] })),
          relationshipName: f.relationshipName,
          sortable: f.type !== 'textarea',
          filterable: f.type !== 'textarea',
          polymorphicForeignKey: f.referenceTo.length > 1,
          inlineHelpText: null,
        },
      ]),
    ),
  };
}
