/** One field as `sobjects/{Type}/describe` lists it (the subset callers read). */
export interface FieldDef {
  name: string;
  label: string;
  type:
    | 'id'
    | 'string'
    | 'textarea'
    | 'double'
    | 'int'
    | 'currency'
    | 'percent'
    | 'boolean'
    | 'date'
    | 'datetime'
    | 'picklist'
    | 'reference'
    | 'email'
    | 'url'
    | 'phone';
  soapType: string;
  length: number;
  precision: number;
  scale: number;
  custom: boolean;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  unique: boolean;
  externalId: boolean;
  idLookup: boolean;
  caseSensitive: boolean;
  calculated: boolean;
  defaultValue: string | number | boolean | null;
  referenceTo: string[];
  relationshipName: string | null;
  picklistValues: { value: string; label: string; active: boolean; defaultValue: boolean }[];
}

export interface SObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  fields: FieldDef[];
}

const SOAP: Record<FieldDef['type'], string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  picklist: 'xsd:string',
  email: 'xsd:string',
  url: 'xsd:string',
  phone: 'xsd:string',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  int: 'xsd:int',
  boolean: 'xsd:boolean',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
};

/** A field with Salesforce's defaults for whatever `over` leaves out. */
export function field(
  name: string,
  type: FieldDef['type'],
  over: Partial<Omit<FieldDef, 'name' | 'type' | 'soapType'>> = {},
): FieldDef {
  const system = type === 'id';
  return {
    name,
    label: over.label ?? name.replace(/__c$/, '').replace(/_/g, ' '),
    type,
    soapType: SOAP[type],
    length: ['string', 'textarea', 'picklist', 'email', 'url', 'phone'].includes(type)
      ? 255
      : type === 'id' || type === 'reference'
        ? 18
        : 0,
    precision: 0,
    scale: 0,
    custom: name.endsWith('__c'),
    createable: !system,
    updateable: !system,
    nillable: type !== 'boolean' && !system,
    unique: false,
    externalId: false,
    idLookup: system,
    caseSensitive: false,
    calculated: false,
    defaultValue: type === 'boolean' ? false : null,
    referenceTo: [],
    relationshipName: null,
    picklistValues: [],
    ...over,
  };
}
