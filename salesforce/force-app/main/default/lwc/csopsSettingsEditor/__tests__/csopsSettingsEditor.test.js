import { createElement } from '@lwc/engine-dom';
import CsopsSettingsEditor, { POLL_LIMIT } from 'c/csopsSettingsEditor';
import getEditorState from '@salesforce/apex/CsopsSettingsDeployer.getEditorState';
import saveSettings from '@salesforce/apex/CsopsSettingsDeployer.saveSettings';
import getDeployStatus from '@salesforce/apex/CsopsSettingsDeployer.getDeployStatus';
import getPreviewAccounts from '@salesforce/apex/CsopsSettingsDeployer.getPreviewAccounts';
import { settingsFromRecord } from 'c/csopsSettings';
import { defaultSettings, previewBandChanges, bandChangesText } from 'c/csopsCore';
import { toAccountSnapshot } from 'c/csopsAccountMapping';
import { uiRecordFromApex } from '../settingsRecord';

// The Default record exactly as the components are tested with it.
const mockRecord = require('../../csopsSettings/__tests__/data/getSettings.json');
// Two Accounts with their csops fields as Apex returns them.
const mockAccounts = require('./data/getPreviewAccounts.json');

jest.mock('@salesforce/apex/CsopsSettingsDeployer.getEditorState', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/CsopsSettingsDeployer.saveSettings', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock(
  '@salesforce/apex/CsopsSettingsDeployer.getDeployStatus',
  () => ({ default: jest.fn() }),
  { virtual: true },
);
jest.mock(
  '@salesforce/apex/CsopsSettingsDeployer.getPreviewAccounts',
  () => ({ default: jest.fn() }),
  { virtual: true },
);

const JOB_ID = '0AfDp000001CsopsAAA';
const CONFLICT =
  'Someone saved these settings after you opened them (you started from revision 3, the org now holds revision 4). Reload the page to see their change, then make yours again.';

function flushPromises() {
  let settled = Promise.resolve();
  for (let i = 0; i < 8; i++) settled = settled.then(() => undefined);
  return settled;
}

async function createEditor({ record = mockRecord, canManage = true, revision = 3 } = {}) {
  getEditorState.mockResolvedValue({ record, canManage, revision });
  const element = createElement('c-csops-settings-editor', { is: CsopsSettingsEditor });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

const input = (element, path) =>
  element.shadowRoot.querySelector(`lightning-input[data-path="${path}"]`);
const button = (element, cls) => element.shadowRoot.querySelector(`lightning-button.${cls}`);
const text = (element, selector) =>
  (element.shadowRoot.querySelector(selector) || {}).textContent || '';

async function type(element, path, value) {
  const field = input(element, path);
  field.value = value;
  field.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
}

describe('c-csops-settings-editor', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('loads the record into the form, named as the settings page names each field', async () => {
    const element = await createEditor();
    expect(getEditorState).toHaveBeenCalledWith({ recordName: 'Default' });
    expect(input(element, 'bands.green').value).toBe('70');
    expect(input(element, 'bands.green').label).toBe('Green from score');
    expect(input(element, 'measures.usage.weight').value).toBe('25');
    expect(input(element, 'renewal.stages').value).toBe('180, 120, 90, 30');
    expect(input(element, 'team.manager.id').value).toBe('');
    expect(text(element, '.no-changes')).toBe('Nothing changed yet.');
    expect(button(element, 'save').disabled).toBe(true);
  });

  it('shows a refused value on its field in the core’s words and allows no save', async () => {
    const element = await createEditor();
    const green = input(element, 'bands.green');
    green.setCustomValidity = jest.fn();
    await type(element, 'bands.green', '40');
    expect(green.setCustomValidity).toHaveBeenLastCalledWith(
      'Green from score must be above Yellow from score',
    );
    expect(button(element, 'save').disabled).toBe(true);

    await type(element, 'bands.green', '75');
    expect(green.setCustomValidity).toHaveBeenLastCalledWith('');
    expect(text(element, '.changes')).toContain('Green from score: 70 → 75');
    expect(button(element, 'save').disabled).toBe(false);
  });

  it('refuses text where a number belongs instead of keeping the old value', async () => {
    const element = await createEditor();
    const days = input(element, 'freshness.defaultDays');
    days.setCustomValidity = jest.fn();
    await type(element, 'freshness.defaultDays', 'thirty');
    expect(days.setCustomValidity.mock.calls.at(-1)[0]).toMatch(
      /^Data counts as fresh for \(days\)/,
    );
    expect(button(element, 'save').disabled).toBe(true);
  });

  it('previews how many sampled Accounts would change band before saving', async () => {
    getPreviewAccounts.mockResolvedValue(mockAccounts);
    const element = await createEditor();
    await type(element, 'bands.green', '99');
    button(element, 'preview').click();
    await flushPromises();

    expect(getPreviewAccounts).toHaveBeenCalledWith({ maxAccounts: 50 });
    const saved = settingsFromRecord(mockRecord).settings;
    const draft = { ...saved, bands: { ...saved.bands, green: 99 } };
    const asOf = new Date().toISOString();
    const snapshots = mockAccounts.map((a) =>
      toAccountSnapshot({ account: uiRecordFromApex(a), asOf }),
    );
    const expected = bandChangesText(previewBandChanges(snapshots, saved, draft, true));
    expect(text(element, '.preview-text')).toBe(expected);
    expect(expected).toBe('1 of 2 accounts would change band (Green → Yellow: 1).');
  });

  it('saves the whole record once and says so when Salesforce has deployed it', async () => {
    jest.useFakeTimers();
    saveSettings.mockResolvedValue(JOB_ID);
    getDeployStatus
      .mockResolvedValueOnce({ jobId: JOB_ID, status: 'queued', messages: [] })
      .mockResolvedValueOnce({ jobId: JOB_ID, status: 'succeeded', messages: [] });
    const element = await createEditor();
    await type(element, 'bands.green', '75');
    button(element, 'save').click();
    await flushPromises();

    expect(saveSettings).toHaveBeenCalledTimes(1);
    const call = saveSettings.mock.calls[0][0];
    expect(call.recordName).toBe('Default');
    expect(call.expectedVersion).toBe(3);
    const typed = JSON.parse(call.typedFieldsJson);
    expect(typed.Band_Green_From__c).toBe(75);
    // What is written reads back as exactly the draft: nothing half-written, no field lost.
    const readBack = settingsFromRecord({ ...typed, Model_JSON__c: call.modelJson });
    expect(readBack.settings.bands.green).toBe(75);
    expect(readBack.settings.renewal).toEqual(settingsFromRecord(mockRecord).settings.renewal);
    expect(text(element, '.save-status')).toContain('Queued');
    expect(button(element, 'save').disabled).toBe(true);

    jest.advanceTimersByTime(2000);
    await flushPromises();
    expect(text(element, '.save-status')).toContain('Queued');
    jest.advanceTimersByTime(2000);
    await flushPromises();

    expect(getDeployStatus).toHaveBeenLastCalledWith({
      jobId: JOB_ID,
      recordName: 'Default',
      revision: 4,
    });
    expect(text(element, '.save-status')).toContain('Saved.');
    expect(text(element, '.no-changes')).toBe('Nothing changed yet.');
  });

  it('shows Salesforce’s message when the deployment fails', async () => {
    jest.useFakeTimers();
    saveSettings.mockResolvedValue(JOB_ID);
    getDeployStatus.mockResolvedValue({
      jobId: JOB_ID,
      status: 'failed',
      messages: ['Band_Green_From__c: value outside of valid range on numeric field'],
    });
    const element = await createEditor();
    await type(element, 'bands.green', '75');
    button(element, 'save').click();
    await flushPromises();
    jest.advanceTimersByTime(2000);
    await flushPromises();

    expect(text(element, '.save-status')).toContain('Salesforce did not save the settings:');
    expect(text(element, '.save-status')).toContain('value outside of valid range');
    expect(button(element, 'save').disabled).toBe(false);
  });

  it('says when Salesforce never confirms the save', async () => {
    jest.useFakeTimers();
    saveSettings.mockResolvedValue(JOB_ID);
    getDeployStatus.mockResolvedValue({ jobId: JOB_ID, status: 'queued', messages: [] });
    const element = await createEditor();
    await type(element, 'bands.green', '75');
    button(element, 'save').click();
    await flushPromises();
    for (let i = 0; i < POLL_LIMIT; i++) {
      jest.advanceTimersByTime(2000);
      // eslint-disable-next-line no-await-in-loop
      await flushPromises();
    }
    expect(getDeployStatus).toHaveBeenCalledTimes(POLL_LIMIT);
    expect(text(element, '.save-status')).toContain('Deployment Status');
  });

  it('shows the version conflict as Salesforce words it and deploys nothing', async () => {
    saveSettings.mockRejectedValue({ body: { message: CONFLICT }, status: 500 });
    const element = await createEditor();
    await type(element, 'bands.green', '75');
    button(element, 'save').click();
    await flushPromises();

    expect(text(element, '.save-status')).toContain('Not saved:');
    expect(text(element, '.save-status')).toContain(
      'Someone saved these settings after you opened them',
    );
    expect(getDeployStatus).not.toHaveBeenCalled();

    // Reloading reads the record again, with the revision someone else saved.
    getEditorState.mockResolvedValue({ record: mockRecord, canManage: true, revision: 4 });
    button(element, 'reload').click();
    await flushPromises();
    expect(getEditorState).toHaveBeenCalledTimes(2);
    expect(text(element, '.save-status')).not.toContain('Not saved:');
  });

  it('lets a user without the permission look but not save', async () => {
    const element = await createEditor({ canManage: false });
    expect(text(element, '.read-only')).toContain('csops Settings Admin');
    expect(input(element, 'bands.green').disabled).toBe(true);
    expect(button(element, 'save').disabled).toBe(true);
  });

  it('opens refused saved settings from the defaults so a typo can be fixed here', async () => {
    const element = await createEditor({
      record: { ...mockRecord, Model_JSON__c: '{"measures":' },
    });
    expect(text(element, '.stored-issues')).toContain('Model_JSON__c');
    expect(input(element, 'bands.green').value).toBe(String(defaultSettings().bands.green));
    expect(button(element, 'save').disabled).toBe(false);
  });

  it('checks the advanced JSON as it is typed', async () => {
    const element = await createEditor();
    button(element, 'toggle-json').click();
    await flushPromises();
    const json = element.shadowRoot.querySelector('lightning-textarea');
    json.setCustomValidity = jest.fn();
    json.dispatchEvent(new CustomEvent('change', { detail: { value: '{"version": 3,' } }));
    await flushPromises();
    expect(json.setCustomValidity.mock.calls.at(-1)[0]).toMatch(/^This is not valid JSON/);

    const draft = settingsFromRecord(mockRecord).settings;
    draft.trend.flatWithin = 80;
    json.dispatchEvent(new CustomEvent('change', { detail: { value: JSON.stringify(draft) } }));
    await flushPromises();
    expect(json.setCustomValidity).toHaveBeenLastCalledWith('');
    expect(text(element, '.other-issues')).toContain('Trend counts as flat within (points)');
    expect(button(element, 'save').disabled).toBe(true);
  });

  it('is accessible', async () => {
    const element = await createEditor();
    await expect(element).toBeAccessible();
  });
});
