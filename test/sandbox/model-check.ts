import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

interface Attribute {
  name: string;
  baseName: string;
  type: string;
}
type ModelClass = { getAttributeTypeMap(): Attribute[] };

/** The api-client's model folders, by API. */
export const MODELS = {
  objects: '@hubspot/api-client/lib/codegen/crm/objects/models',
  tasks: '@hubspot/api-client/lib/codegen/crm/objects/tasks/models',
  companies: '@hubspot/api-client/lib/codegen/crm/companies/models',
  contacts: '@hubspot/api-client/lib/codegen/crm/contacts/models',
  deals: '@hubspot/api-client/lib/codegen/crm/deals/models',
  tickets: '@hubspot/api-client/lib/codegen/crm/tickets/models',
  associations: '@hubspot/api-client/lib/codegen/crm/associations/v4/models',
  properties: '@hubspot/api-client/lib/codegen/crm/properties/models',
  schemas: '@hubspot/api-client/lib/codegen/crm/schemas/models',
  owners: '@hubspot/api-client/lib/codegen/crm/owners/models',
  users: '@hubspot/api-client/lib/codegen/settings/users/models',
} as const;

const requiredCache = new Map<string, string[]>();

/** Attributes the model's declaration marks as required (declared without `?`). */
function requiredAttributes(dir: string, type: string): string[] {
  const key = `${dir}/${type}`;
  let names = requiredCache.get(key);
  if (!names) {
    const dts = readFileSync(join(dir, `${type}.d.ts`), 'utf8');
    const body = dts.slice(dts.indexOf('export declare class'));
    names = [...body.matchAll(/^ {4}'([A-Za-z_]+)': /gm)].map((m) => m[1]!);
    requiredCache.set(key, names);
  }
  return names;
}

function modelClass(dir: string, type: string): ModelClass | undefined {
  try {
    return (require(join(dir, `${type}.js`)) as Record<string, ModelClass>)[type];
  } catch {
    return undefined;
  }
}

/**
 * Checks a value the api-client returned against the client's own model: it is an instance of
 * the model class, every required attribute is present, dates are valid Dates, and nested models
 * hold the same all the way down. Returns the problems found, by path.
 */
export function checkModel(value: unknown, api: keyof typeof MODELS, type: string): string[] {
  const dir = dirname(require.resolve(`${MODELS[api]}/ObjectSerializer.js`));
  const problems: string[] = [];
  visit(value, type, type);
  return problems;

  function visit(v: unknown, t: string, path: string): void {
    if (v === undefined || v === null) return;
    if (t.startsWith('Array<')) {
      if (!Array.isArray(v)) return void problems.push(`${path}: expected an array`);
      v.forEach((item, i) => visit(item, t.slice(6, -1), `${path}[${i}]`));
      return;
    }
    if (t.startsWith('{ [key: string]: ')) {
      const inner = t.slice('{ [key: string]: '.length, -'; }'.length);
      for (const [k, item] of Object.entries(v as object)) visit(item, inner, `${path}.${k}`);
      return;
    }
    if (t === 'Date') {
      if (!(v instanceof Date) || Number.isNaN(v.getTime()))
        problems.push(`${path}: expected a valid Date`);
      return;
    }
    const cls = modelClass(dir, t);
    if (!cls) return;
    if (!(v instanceof (cls as unknown as new () => object)))
      problems.push(`${path}: not deserialised as ${t}`);
    const record = v as Record<string, unknown>;
    for (const name of requiredAttributes(dir, t)) {
      if (record[name] === undefined) problems.push(`${path}.${name}: required attribute missing`);
    }
    for (const attr of cls.getAttributeTypeMap())
      visit(record[attr.name], attr.type, `${path}.${attr.name}`);
  }
}
