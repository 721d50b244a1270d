import { settingsFromRecord } from 'c/csopsSettings';
import { defaultSettings } from 'c/csopsCore';
import { recordFromValues, recordValuesFromSettings } from '../settingsRecord';

const shipped = require('../../csopsSettings/__tests__/data/getSettings.json');

describe('settings → Csops_Settings__mdt record', () => {
  it('splits the defaults between typed fields and model JSON as the shipped Default record does', () => {
    const { modelJson, typedFields } = recordValuesFromSettings(defaultSettings());
    const model = JSON.parse(modelJson);
    expect(model).toMatchObject(JSON.parse(shipped.Model_JSON__c));
    // What a typed field holds is not repeated in the model, so there is one place it lives.
    expect(model.bands).toBeUndefined();
    expect(model.segments).toBeUndefined();
    expect(model.measures.usage.weight).toBeUndefined();
    expect(model.handoff.items.customerGoals.required).toBeUndefined();
    const expected = { ...shipped };
    delete expected.Id;
    delete expected.DeveloperName;
    delete expected.Model_JSON__c;
    expect(typedFields).toEqual(expected);
  });

  it('reads back every change it writes, typed fields and model alike', () => {
    const settings = defaultSettings();
    settings.bands.green = 80;
    settings.measures.usage.weight = 30;
    settings.renewal.stages = [150, 60];
    settings.handoff.items.kickoffDate.required = false;
    settings.trend.flatWithin = 4;
    settings.team.manager = { id: '005Dp000002MgrAAA', name: 'Rosa Diaz' };
    settings.alerts.channels = [
      { name: '#cs-alerts', webhookSecret: 'CSOPS_SLACK_WEBHOOK_URL', events: ['band_drop'] },
    ];
    const record = recordFromValues(recordValuesFromSettings(settings));
    expect(settingsFromRecord(record)).toEqual({ settings });
  });
});
