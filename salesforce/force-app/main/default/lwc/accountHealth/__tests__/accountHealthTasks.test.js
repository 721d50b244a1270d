import { createElement } from '@lwc/engine-dom';
import AccountHealth from 'c/accountHealth';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import getSettings from '@salesforce/apex/CsopsSettingsController.getSettings';
import { recordedTask, closedNote } from '../playbookTasks';

const mockAccount = require('./data/getRecordAccount.json');
const mockCases = require('./data/getRelatedListRecordsCases.json');
const mockContacts = require('./data/getRelatedListRecordsContacts.json');
const mockEvents = require('./data/getRelatedListRecordsEvents.json');
const mockOpportunities = require('./data/getRelatedListRecordsOpportunities.json');
const mockSettings = require('./data/getSettings.json');

jest.mock(
  '@salesforce/apex/CsopsSettingsController.getSettings',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true },
);

const AS_OF = '2026-11-02T09:00:00.000Z';
const ACCOUNT_ID = mockAccount.id;
const list = (id) => (config) => config.relatedListId === id;

const f = (value) => ({ displayValue: null, value: value === undefined ? null : value });

// A UI API Task record as the Tasks related list answers it.
function task(
  id,
  { subject, status = 'Not Started', due, key = `play-${id}`, outcome, description, modified },
) {
  return {
    apiName: 'Task',
    id,
    fields: {
      Id: f(id),
      Subject: f(subject),
      Status: f(status),
      ActivityDate: f(due),
      OwnerId: f('005Dp000001CsmAAA'),
      Owner: f({ apiName: 'User', fields: { Name: f('Maya Chen') } }),
      Description: f(description),
      LastModifiedDate: f(modified),
      Csops_Action_Key__c: f(key),
      Csops_Outcome__c: f(outcome),
    },
  };
}

const TASKS = {
  count: 6,
  records: [
    task('00TA', { subject: 'Book the renewal call', due: '2026-11-20' }),
    task('00TB', { subject: 'Send the usage review', due: '2026-11-02' }),
    task('00TC', {
      subject: 'Old skipped step',
      status: 'Completed',
      outcome: 'skipped',
      description: 'Called twice.\n\nSkipped: Customer asked to pause until January',
      modified: '2026-10-31T10:00:00.000Z',
    }),
    task('00TD', { subject: 'Escalate the open P1', due: '2026-10-29' }),
    task('00TE', {
      subject: 'Closed by csops',
      status: 'Completed',
      description: 'csops closed this step: The account is healthy again',
      modified: '2026-10-20T10:00:00.000Z',
    }),
    task('00TF', { subject: 'Lunch with the champion', due: '2026-10-01', key: null }),
  ],
};

function flushPromises() {
  let settled = Promise.resolve();
  for (let i = 0; i < 5; i++) settled = settled.then(() => undefined);
  return settled;
}

async function render(tasks = TASKS) {
  const element = createElement('c-account-health', { is: AccountHealth });
  Object.assign(element, { recordId: ACCOUNT_ID, skipWriteBack: true });
  document.body.appendChild(element);
  await flushPromises();
  getRecord.emit(mockAccount);
  getSettings.emit(mockSettings);
  getRelatedListRecords.emit(mockCases, list('Cases'));
  getRelatedListRecords.emit(mockContacts, list('Contacts'));
  getRelatedListRecords.emit(mockEvents, list('Events'));
  getRelatedListRecords.emit(mockOpportunities, list('Opportunities'));
  if (tasks) getRelatedListRecords.emit(tasks, list('Tasks'));
  await flushPromises();
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const clean = (node) => node.textContent.replace(/\s+/g, ' ').trim();
const row = (element, id) => $(element, `li.task[data-id="${id}"]`);
const inRow = (element, id, selector) => row(element, id).querySelector(selector);

describe('c-account-health playbook tasks', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date(AS_OF) });
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it("reads the Account's Tasks with their csops key and outcome", async () => {
    await render();
    // The Tasks wire is the component's last one.
    expect(getRelatedListRecords.getLastConfig()).toEqual(
      expect.objectContaining({
        parentRecordId: ACCOUNT_ID,
        relatedListId: 'Tasks',
        optionalFields: expect.arrayContaining([
          'Task.Csops_Action_Key__c',
          'Task.Csops_Outcome__c',
        ]),
      }),
    );
  });

  it('lists open csops Tasks late first, then done and skipped ones newest first, without other Tasks', async () => {
    const element = await render();

    expect($$(element, 'li.task').map((li) => li.dataset.id)).toEqual([
      '00TD',
      '00TB',
      '00TA',
      '00TC',
      '00TE',
    ]);
    expect(clean($(element, '.tasks-summary'))).toBe('3 open, 1 overdue');
    expect(clean(inRow(element, '00TD', '.due'))).toBe('Overdue');
    expect(clean(inRow(element, '00TB', '.due'))).toBe('Due today');
    expect(inRow(element, '00TA', '.due').classList).not.toContain('overdue');
    expect(clean(inRow(element, '00TA', '.task-owner'))).toBe('· Maya Chen');
    expect(inRow(element, '00TA', 'a.task-link').getAttribute('href')).toBe(
      '/lightning/r/Task/00TA/view',
    );
    // The computed due steps give way to the Tasks themselves.
    expect($(element, '.playbooks')).toBeNull();
  });

  it('shows why a Task was skipped or closed by csops, with no buttons', async () => {
    const element = await render();

    expect(clean(inRow(element, '00TC', '.outcome'))).toBe('Skipped');
    expect(clean(inRow(element, '00TC', '.closed-note'))).toBe(
      'Customer asked to pause until January',
    );
    expect(clean(inRow(element, '00TE', '.outcome'))).toBe('Done');
    expect(clean(inRow(element, '00TE', '.closed-note'))).toBe('The account is healthy again');
    expect(inRow(element, '00TC', '.mark-done')).toBeNull();
  });

  it('keeps the computed due steps when the Account has no csops Tasks', async () => {
    const element = await render({ count: 1, records: [TASKS.records[5]] });

    expect($(element, '.playbook-tasks')).toBeNull();
    expect($(element, '.playbooks')).not.toBeNull();
  });

  it('keeps the computed due steps when the Tasks cannot be read', async () => {
    const element = await render(null);
    getRelatedListRecords.error(undefined, 403, list('Tasks'));
    await flushPromises();

    expect($(element, '.playbook-tasks')).toBeNull();
    expect($(element, '.playbooks')).not.toBeNull();
  });

  it('marks a Task done once, however often it is clicked, and refreshes the page', async () => {
    let finish;
    updateRecord.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    const element = await render();
    const refreshed = jest.fn();
    element.addEventListener('lightning__refresh', refreshed);

    const button = inRow(element, '00TD', '.mark-done');
    button.click();
    button.click();
    await flushPromises();

    expect(updateRecord).toHaveBeenCalledTimes(1);
    expect(updateRecord.mock.calls[0][0]).toEqual({
      fields: { Id: '00TD', Status: 'Completed', Csops_Outcome__c: 'done' },
    });
    expect(inRow(element, '00TD', '.mark-done').disabled).toBe(true);
    expect(inRow(element, '00TD', '.skip').disabled).toBe(true);

    finish({ id: '00TD' });
    await flushPromises();

    expect(refreshed).toHaveBeenCalledTimes(1);
    expect(clean(inRow(element, '00TD', '.outcome'))).toBe('Done');
    expect(clean($(element, '.tasks-summary'))).toBe('2 open, 0 overdue');
  });

  it('says why a Task was not saved and lets the CSM try again', async () => {
    updateRecord.mockRejectedValue({
      body: { message: 'You do not have access to this Task.' },
      status: 403,
    });
    const element = await render();

    inRow(element, '00TA', '.mark-done').click();
    await flushPromises();

    expect(clean(inRow(element, '00TA', '.task-error'))).toContain(
      'You do not have access to this Task.',
    );
    expect(inRow(element, '00TA', '.mark-done').disabled).toBe(false);
  });

  it('will not skip a Task without a reason, nor with one over 500 characters', async () => {
    const element = await render();
    inRow(element, '00TB', '.skip').click();
    await flushPromises();
    const field = inRow(element, '00TB', 'lightning-textarea');
    const validity = jest.fn();
    field.setCustomValidity = validity;

    inRow(element, '00TB', '.save-skip').click();
    await flushPromises();
    expect(validity).toHaveBeenLastCalledWith('Say why this task is skipped.');

    field.dispatchEvent(new CustomEvent('change', { detail: { value: 'x'.repeat(501) } }));
    await flushPromises();
    inRow(element, '00TB', '.save-skip').click();
    await flushPromises();
    expect(validity).toHaveBeenLastCalledWith('Keep the reason to 500 characters or fewer.');
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it("skips a Task with the CSM's reason added to its comments", async () => {
    updateRecord.mockResolvedValue({ id: '00TB' });
    const element = await render();
    inRow(element, '00TB', '.skip').click();
    await flushPromises();
    const field = inRow(element, '00TB', 'lightning-textarea');
    const validity = jest.fn();
    field.setCustomValidity = validity;

    field.dispatchEvent(
      new CustomEvent('change', { detail: { value: '  Renewal already signed ' } }),
    );
    await flushPromises();
    inRow(element, '00TB', '.save-skip').click();
    await flushPromises();

    expect(validity).toHaveBeenLastCalledWith('');
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: '00TB',
        Status: 'Completed',
        Csops_Outcome__c: 'skipped',
        Description: 'Skipped: Renewal already signed',
      },
    });
    expect(clean(inRow(element, '00TB', '.outcome'))).toBe('Skipped');
    expect(clean(inRow(element, '00TB', '.closed-note'))).toBe('Renewal already signed');
  });

  it('is accessible with Tasks and a skip form open', async () => {
    const element = await render();
    inRow(element, '00TA', '.skip').click();
    await flushPromises();
    // axe runs on real timers.
    jest.useRealTimers();
    await expect(element).toBeAccessible();
  });
});

describe('csops Tasks as the core reads them', () => {
  it('reads a Completed Task as done unless its outcome says skipped', () => {
    expect(recordedTask(task('1', { subject: 's', status: 'Completed' })).status).toBe('done');
    expect(
      recordedTask(task('1', { subject: 's', status: 'Completed', outcome: 'skipped' })).status,
    ).toBe('skipped');
    expect(recordedTask(task('1', { subject: 's', status: 'In Progress' })).status).toBe('open');
    expect(recordedTask(task('1', { subject: 's', key: '' }))).toBeNull();
  });

  it('takes the last reason in the comments', () => {
    expect(closedNote('csops closed this step: first\n\nSkipped: second')).toBe('second');
    expect(closedNote('Just notes')).toBeNull();
  });
});
