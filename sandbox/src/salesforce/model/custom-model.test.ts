import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldFromXml } from './custom-fields.js';
import { MODEL_JSON, renderCustomModel } from './generate.js';

describe('the csops custom field model', () => {
  it('matches the Salesforce project metadata (regenerate with `npm run build:sf-model -w sandbox`)', () => {
    expect(readFileSync(MODEL_JSON, 'utf8')).toBe(renderCustomModel());
  });

  it('describes a unique external id text field as an idLookup string', () => {
    const f =
      fieldFromXml(`<CustomField><fullName>Key__c</fullName><label>Key</label><length>80</length>
      <type>Text</type><unique>true</unique><externalId>true</externalId><caseSensitive>true</caseSensitive></CustomField>`);
    expect(f).toMatchObject({
      name: 'Key__c',
      type: 'string',
      length: 80,
      unique: true,
      externalId: true,
      idLookup: true,
      caseSensitive: true,
      custom: true,
    });
  });

  it('refuses a field type the sandbox does not model, naming the field', () => {
    expect(() =>
      fieldFromXml('<CustomField><fullName>F__c</fullName><type>Formula</type></CustomField>'),
    ).toThrow(/F__c: field type Formula/);
  });
});
