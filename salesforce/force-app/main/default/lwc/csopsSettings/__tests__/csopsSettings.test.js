import { settingsFromRecord } from 'c/csopsSettings';
import { defaultSettings } from 'c/csopsCore';

const fs = require('fs');
const path = require('path');

// The Default record exactly as it ships (customMetadata/Csops_Settings.Default.md-meta.xml).
function shippedDefaultRecord() {
  const xml = fs.readFileSync(
    path.join(__dirname, '../../../customMetadata/Csops_Settings.Default.md-meta.xml'),
    'utf8',
  );
  const record = { DeveloperName: 'Default' };
  const unescape = (s) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  for (const [, field, type, value] of xml.matchAll(
    /<field>(\w+)<\/field>\s*<value xsi:type="xsd:(\w+)">([\s\S]*?)<\/value>/g,
  )) {
    record[field] = type === 'double' ? Number(value) : unescape(value);
  }
  return record;
}

describe('c-csops-settings', () => {
  it('reads the shipped Default record as the core default settings', () => {
    expect(settingsFromRecord(shippedDefaultRecord())).toEqual({ settings: defaultSettings() });
  });

  it('matches the settings the components are tested with', () => {
    const fixture = { ...require('./data/getSettings.json') };
    delete fixture.Id;
    expect(fixture).toEqual(shippedDefaultRecord());
  });

  it('takes the typed fields over the model JSON', () => {
    const { settings } = settingsFromRecord({
      ...shippedDefaultRecord(),
      Band_Green_From__c: 75,
      Weight_Usage__c: 40,
      Renewal_Stages__c: '150, 60',
      Handoff_Required_Items__c: 'customerGoals',
    });
    expect(settings.bands.green).toBe(75);
    expect(settings.measures.usage.weight).toBe(40);
    expect(settings.renewal.stages).toEqual([150, 60]);
    expect(settings.handoff.items.customerGoals.required).toBe(true);
    expect(settings.handoff.items.kickoffDate.required).toBe(false);
  });

  it('refuses a blank typed field by name instead of using a default', () => {
    const result = settingsFromRecord({ ...shippedDefaultRecord(), Band_Yellow_From__c: null });
    expect(result.settings).toBeUndefined();
    expect(result.issues.map((i) => i.field)).toContain('Band_Yellow_From__c');
  });

  it('points a rule that spans fields at the field the core names', () => {
    const result = settingsFromRecord({ ...shippedDefaultRecord(), Renewal_Stages__c: '30,90' });
    expect(result.issues[0].text).toMatch(/^Renewal_Stages__c \(renewal\.stages\): /);
  });

  it('reports a broken model JSON and an unknown stakeholder role', () => {
    const result = settingsFromRecord({
      ...shippedDefaultRecord(),
      Model_JSON__c: '{"measures":',
      Handoff_Required_Roles__c: 'champion,cfo',
    });
    const fields = result.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['Model_JSON__c', 'Handoff_Required_Roles__c']));
  });

  it('names a bad curve inside the model JSON by its path', () => {
    const model = JSON.parse(shippedDefaultRecord().Model_JSON__c);
    model.measures.usage.signals.seatUtilisation.curve = [[50, 10]];
    const result = settingsFromRecord({
      ...shippedDefaultRecord(),
      Model_JSON__c: JSON.stringify(model),
    });
    expect(result.issues).toEqual([
      expect.objectContaining({
        field: 'Model_JSON__c',
        path: 'measures.usage.signals.seatUtilisation.curve',
      }),
    ]);
  });

  it('reports a missing record', () => {
    expect(settingsFromRecord(null).issues[0].text).toMatch(/no settings record found/);
  });
});
