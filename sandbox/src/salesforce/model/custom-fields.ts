import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { field } from './field.js';
import type { FieldDef } from './field.js';

/**
 * Reads the csops custom fields from the Salesforce project's metadata, so the sandbox describes
 * exactly the fields the package deploys. Runs at generation time only (see generate.ts): the
 * package ships the JSON this produces, never a path into the Salesforce project.
 */
export interface CustomModel {
  /** sObject → its csops custom fields, in file-name order. */
  fields: Record<string, FieldDef[]>;
  /** The settings custom metadata records, by DeveloperName. */
  settingsRecords: Record<
    string,
    { label: string; values: Record<string, string | number | boolean | null> }
  >;
}

/** Activity fields live on both activity objects. */
const TARGETS: Record<string, string[]> = { Activity: ['Task', 'Event'] };

export function readCustomModel(forceApp: string): CustomModel {
  const objectsDir = join(forceApp, 'objects');
  const fields: Record<string, FieldDef[]> = {};
  for (const object of readdirSync(objectsDir).sort()) {
    const dir = join(objectsDir, object, 'fields');
    if (!existsSync(dir)) continue;
    const defs = readdirSync(dir)
      .filter((f) => f.endsWith('.field-meta.xml'))
      .sort()
      .map((f) => fieldFromXml(readFileSync(join(dir, f), 'utf8')));
    for (const target of TARGETS[object] ?? [object]) fields[target] = defs;
  }
  const settingsRecords: CustomModel['settingsRecords'] = {};
  const mdDir = join(forceApp, 'customMetadata');
  if (existsSync(mdDir)) {
    for (const f of readdirSync(mdDir).sort()) {
      const m = /^Csops_Settings\.(.+)\.md-meta\.xml$/.exec(f);
      if (m) settingsRecords[m[1]!] = recordFromXml(readFileSync(join(mdDir, f), 'utf8'));
    }
  }
  return { fields, settingsRecords };
}

function tag(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? unescapeXml(m[1]!.trim()) : undefined;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const TYPES: Record<string, FieldDef['type']> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Checkbox: 'boolean',
  Date: 'date',
  DateTime: 'datetime',
  Picklist: 'picklist',
  Lookup: 'reference',
  Email: 'email',
  Url: 'url',
  Phone: 'phone',
};

export function fieldFromXml(xml: string): FieldDef {
  const name = tag(xml, 'fullName')!;
  const metaType = tag(xml, 'type')!;
  const type = TYPES[metaType];
  if (!type) throw new Error(`${name}: field type ${metaType} is not modelled by the sandbox`);
  const num = (t: string) => (tag(xml, t) === undefined ? 0 : Number(tag(xml, t)));
  const yes = (t: string) => tag(xml, t) === 'true';
  const values = [...xml.matchAll(/<value>([\s\S]*?)<\/value>/g)].map((m) => ({
    value: tag(m[1]!, 'fullName')!,
    label: tag(m[1]!, 'label')!,
    active: true,
    defaultValue: tag(m[1]!, 'default') === 'true',
  }));
  const text = type === 'string' || type === 'textarea';
  const referenceTo = tag(xml, 'referenceTo');
  return field(name, type, {
    label: tag(xml, 'label') ?? name,
    length: text ? num('length') : type === 'picklist' ? 255 : type === 'reference' ? 18 : 0,
    precision: num('precision'),
    scale: num('scale'),
    unique: yes('unique'),
    externalId: yes('externalId'),
    idLookup: yes('externalId') || yes('unique'),
    caseSensitive: yes('caseSensitive'),
    defaultValue: type === 'boolean' ? tag(xml, 'defaultValue') === 'true' : null,
    picklistValues: values,
    referenceTo: referenceTo ? [referenceTo] : [],
    // Describe names the parent side (`__r`); the metadata's relationshipName is the child list.
    relationshipName: referenceTo ? name.replace(/__c$/, '__r') : null,
  });
}

function recordFromXml(xml: string): CustomModel['settingsRecords'][string] {
  const values: Record<string, string | number | boolean | null> = {};
  for (const m of xml.matchAll(/<values>([\s\S]*?)<\/values>/g)) {
    const body = m[1]!;
    const name = tag(body, 'field')!;
    const v = /<value(?:\s+xsi:type="xsd:(\w+)")?(?:\s*\/>|>([\s\S]*?)<\/value>)/.exec(body);
    const kind = v?.[1];
    const raw = v?.[2] === undefined ? null : unescapeXml(v[2]);
    values[name] =
      raw === null || /xsi:nil="true"/.test(body)
        ? null
        : kind === 'double' || kind === 'int'
          ? Number(raw)
          : kind === 'boolean'
            ? raw === 'true'
            : raw;
  }
  return { label: tag(xml, 'label') ?? '', values };
}
