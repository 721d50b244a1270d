import { createElement } from '@lwc/engine-dom';
import AccountHealth from 'c/accountHealth';
import { getRecord, createRecord, updateRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import getSettings from '@salesforce/apex/CsopsSettingsController.getSettings';

// Realistic data: a mid-market account using 94% of its seats, renewing in February.
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

// Lets wire emits, renders and the chained promises of a save settle (fake timers rule out setTimeout).
function flushPromises() {
  let settled = Promise.resolve();
  for (let i = 0; i < 5; i++) settled = settled.then(() => undefined);
  return settled;
}

function createComponent(props = {}) {
  const element = createElement('c-account-health', { is: AccountHealth });
  Object.assign(element, { recordId: ACCOUNT_ID, ...props });
  document.body.appendChild(element);
  return element;
}

// Wire configurations settle a microtask after the element connects; related lists are told apart by them.
async function emitAll({
  account = mockAccount,
  opportunities = mockOpportunities,
  settings = mockSettings,
} = {}) {
  await flushPromises();
  getRecord.emit(account);
  getSettings.emit(settings);
  getRelatedListRecords.emit(mockCases, list('Cases'));
  getRelatedListRecords.emit(mockContacts, list('Contacts'));
  getRelatedListRecords.emit(mockEvents, list('Events'));
  getRelatedListRecords.emit(opportunities, list('Opportunities'));
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const text = (element, selector) => $(element, selector).textContent.replace(/\s+/g, ' ').trim();

function emptyAccount() {
  const account = JSON.parse(JSON.stringify(mockAccount));
  for (const f of Object.keys(account.fields)) {
    if (f !== 'Name') account.fields[f] = { displayValue: null, value: null };
  }
  return account;
}

describe('c-account-health', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date(AS_OF) });
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('shows a spinner until the account, settings and related lists have loaded', async () => {
    const element = createComponent();
    getRecord.emit(mockAccount);
    await flushPromises();

    expect($(element, 'lightning-spinner')).not.toBeNull();
    expect($(element, '.score')).toBeNull();
  });

  it('reads the account fields and the four related lists of this account', async () => {
    createComponent();
    await flushPromises();

    expect(getRecord.getLastConfig()).toEqual(
      expect.objectContaining({
        recordId: ACCOUNT_ID,
        optionalFields: expect.arrayContaining([
          'Account.Csops_ARR__c',
          'Account.Csops_Active_Users_30d__c',
        ]),
      }),
    );
    expect(getSettings.getLastConfig()).toEqual({ recordName: 'Default' });
  });

  it('shows score, band, trend, coverage and the strongest drivers', async () => {
    const element = createComponent();
    await emitAll();
    await flushPromises();

    expect(
      Number(text(element, '.score').replace(/\D+$/, '').split(' ')[0]),
    ).toBeGreaterThanOrEqual(70);
    expect(text(element, '.slds-badge')).toBe('Green');
    expect(text(element, '.trend')).toMatch(/since 2026-10-26/);
    expect(text(element, '.coverage')).toMatch(/^Based on \d+% of the model's weight/);
    expect($$(element, '.driver')).toHaveLength(3);
    expect(
      Number($(element, '[role="progressbar"]').getAttribute('aria-valuenow')),
    ).toBeGreaterThan(0);
  });

  it('lists as many drivers as the page designer chose', async () => {
    const element = createComponent({ driversShown: 1 });
    await emitAll();
    await flushPromises();

    expect($$(element, '.driver')).toHaveLength(1);
  });

  it('lists every measure in the red range beside the strongest, and all measures on request', async () => {
    const element = createComponent({ driversShown: 1 });
    const lateBills = JSON.parse(JSON.stringify(mockAccount));
    lateBills.fields.Csops_Overdue_Invoices__c = { displayValue: null, value: 3 };
    lateBills.fields.Csops_Days_Past_Due__c = { displayValue: null, value: 90 };
    await emitAll({ account: lateBills });
    await flushPromises();

    const shown = $$(element, '.driver').map((li) => li.textContent);
    expect(shown).toHaveLength(2);
    expect(shown[1]).toMatch(/Billing/);
    expect($$(element, '.measure')).toHaveLength(0);
    $(element, 'lightning-button.toggle-measures').click();
    await flushPromises();
    expect($$(element, '.measure').length).toBeGreaterThan(2);
  });

  it('shows renewal risk with days to renewal and the due playbook steps', async () => {
    const element = createComponent();
    await emitAll();
    await flushPromises();

    expect(text(element, '.renewal')).toMatch(/Low risk/);
    expect(text(element, '.renewal-date')).toBe('Renews in 110 days (2027-02-20)');
    const steps = $$(element, '.action').map((li) => li.textContent);
    expect(steps.join(' | ')).toMatch(/Run the renewal readiness review/);
    expect(steps.join(' | ')).toMatch(/Propose additional seats/);
  });

  it('labels a step due today "Due today", not overdue', async () => {
    const element = createComponent();
    // 113 days out: the 120-day review started a week ago and is due today.
    const account = JSON.parse(JSON.stringify(mockAccount));
    account.fields.Csops_Renewal_Date__c = { displayValue: null, value: '2027-02-23' };
    await emitAll({ account });
    await flushPromises();

    const review = $$(element, '.action').find((li) =>
      li.textContent.includes('Run the renewal readiness review'),
    );
    expect(review.querySelector('.due-today').textContent).toBe('Due today');
    expect(review.textContent).not.toMatch(/Overdue/);
  });

  it('offers the expansion with its amount basis', async () => {
    const element = createComponent();
    await emitAll();
    await flushPromises();

    expect($$(element, '.expansion-signal').length).toBeGreaterThan(0);
    expect(text(element, '.draft')).toMatch(/seat/i);
    expect($(element, 'lightning-button.create-expansion').disabled).toBe(false);
  });

  it('leaves expansion out when the page designer hides it', async () => {
    const element = createComponent({ hideExpansion: true });
    await emitAll();
    await flushPromises();

    expect($(element, '.expansion')).toBeNull();
  });

  it('creates the expansion Opportunity with its key, once, however often it is clicked', async () => {
    let resolveCreate;
    createRecord.mockImplementation(
      () =>
        new Promise((resolve) => {
          resolveCreate = resolve;
        }),
    );
    const element = createComponent();
    const toasts = jest.fn();
    element.addEventListener('lightning__showtoast', toasts);
    await emitAll();
    await flushPromises();

    const button = $(element, 'lightning-button.create-expansion');
    button.click();
    button.click();
    await flushPromises();
    resolveCreate({ id: '006Dp00000NewExpAAB' });
    await flushPromises();
    $(element, 'lightning-button.create-expansion').click();
    await flushPromises();

    expect(createRecord).toHaveBeenCalledTimes(1);
    const input = createRecord.mock.calls[0][0];
    expect(input.apiName).toBe('Opportunity');
    expect(input.fields).toEqual(
      expect.objectContaining({
        AccountId: ACCOUNT_ID,
        StageName: 'Prospecting',
        Csops_Expansion_Key__c: expect.any(String),
        Amount: expect.any(Number),
        CloseDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    );
    expect(input.fields.Amount).toBeGreaterThan(0);
    expect(toasts).toHaveBeenCalledTimes(1);
    expect($(element, '.expansion-exists a').getAttribute('href')).toBe(
      '/lightning/r/Opportunity/006Dp00000NewExpAAB/view',
    );
    expect($(element, 'lightning-button.create-expansion').disabled).toBe(true);
  });

  it("refreshes the Account's standard related lists once the expansion Opportunity exists", async () => {
    createRecord.mockResolvedValue({ id: '006Dp00000NewExpAAB' });
    const element = createComponent();
    const refreshed = jest.fn();
    element.addEventListener('lightning__refresh', refreshed);
    await emitAll();
    await flushPromises();
    expect(refreshed).not.toHaveBeenCalled();

    $(element, 'lightning-button.create-expansion').click();
    await flushPromises();

    expect(refreshed).toHaveBeenCalledTimes(1);
  });

  it('names the data coverage bar for screen readers and gives its value', async () => {
    const element = createComponent();
    await emitAll();
    await flushPromises();

    const bar = $(element, '[role="progressbar"]');
    expect(bar.getAttribute('aria-label')).toBe('Data coverage');
    const value = Number(bar.getAttribute('aria-valuenow'));
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThanOrEqual(100);
    expect(bar.querySelector('.slds-progress-bar__value').style.width).toBe(`${value}%`);
  });

  it('finds an Opportunity already carrying the key and creates nothing', async () => {
    const element = createComponent();
    await emitAll();
    await flushPromises();
    const key = (() => {
      $(element, 'lightning-button.create-expansion').click();
      return null;
    })();
    await flushPromises();
    const created = createRecord.mock.calls[0][0].fields.Csops_Expansion_Key__c;
    createRecord.mockClear();

    // The same draft on a fresh page, where the Account's Opportunities already hold the key.
    document.body.removeChild(element);
    const again = createComponent();
    const existing = JSON.parse(JSON.stringify(mockOpportunities));
    existing.records.push({
      apiName: 'Opportunity',
      id: '006Dp00000OldExpAAB',
      fields: {
        Id: { displayValue: null, value: '006Dp00000OldExpAAB' },
        Name: { displayValue: null, value: 'Expansion' },
        IsClosed: { displayValue: null, value: true },
        Csops_Expansion_Key__c: { displayValue: null, value: created },
        Csops_Handoff_Submitted_At__c: { displayValue: null, value: null },
      },
    });
    existing.count = existing.records.length;
    await emitAll({ opportunities: existing });
    await flushPromises();
    $(again, 'lightning-button.create-expansion').click();
    await flushPromises();

    expect(key).toBeNull();
    expect(createRecord).not.toHaveBeenCalled();
    expect($(again, '.expansion-exists a').getAttribute('href')).toBe(
      '/lightning/r/Opportunity/006Dp00000OldExpAAB/view',
    );
  });

  it('disables the button when the platform reports the key as taken', async () => {
    createRecord.mockRejectedValue({
      status: 400,
      body: {
        output: { errors: [{ errorCode: 'DUPLICATE_VALUE', message: 'duplicate value found' }] },
      },
    });
    const element = createComponent();
    await emitAll();
    await flushPromises();

    $(element, 'lightning-button.create-expansion').click();
    await flushPromises();
    $(element, 'lightning-button.create-expansion').click();
    await flushPromises();

    expect(createRecord).toHaveBeenCalledTimes(1);
    expect(text(element, '.create-error')).toMatch(/already exists/);
  });

  it('drafts no expansion while an expansion Opportunity is open', async () => {
    const element = createComponent();
    const open = JSON.parse(JSON.stringify(mockOpportunities));
    open.records.push({
      apiName: 'Opportunity',
      id: '006Dp00000OpenExpAA',
      fields: {
        Id: { displayValue: null, value: '006Dp00000OpenExpAA' },
        Name: { displayValue: null, value: 'Add 40 seats' },
        IsClosed: { displayValue: null, value: false },
        Csops_Expansion_Key__c: { displayValue: null, value: 'another-key' },
        Csops_Handoff_Submitted_At__c: { displayValue: null, value: null },
      },
    });
    await emitAll({ opportunities: open });
    await flushPromises();

    expect($(element, 'lightning-button.create-expansion')).toBeNull();
    expect($(element, '.suppressed')).not.toBeNull();
  });

  it('offers no expansion to an account that asked to shrink and says why it waits', async () => {
    const element = createComponent();
    const shrinking = JSON.parse(JSON.stringify(mockAccount));
    shrinking.fields.Csops_Downgrade_Requested__c = { displayValue: null, value: true };
    await emitAll({ account: shrinking });
    await flushPromises();

    expect($$(element, '.expansion-signal').length).toBeGreaterThan(0);
    expect($(element, 'lightning-button.create-expansion')).toBeNull();
    expect($$(element, '.held-back-reason').map((li) => li.textContent)).toContain(
      'The customer asked to reduce seats or scope',
    );
  });

  it('saves score, band and risk on the Account, moving the earlier scoring to previous', async () => {
    createComponent();
    await emitAll();
    await flushPromises();

    expect(updateRecord).toHaveBeenCalledTimes(1);
    const { fields } = updateRecord.mock.calls[0][0];
    expect(fields).toEqual(
      expect.objectContaining({
        Id: ACCOUNT_ID,
        Csops_Health_Band__c: 'green',
        Csops_Renewal_Risk__c: 'low',
        Csops_Health_Updated_At__c: AS_OF,
        Csops_Previous_Health_Score__c: mockAccount.fields.Csops_Health_Score__c.value,
        Csops_Previous_Health_At__c: mockAccount.fields.Csops_Health_Updated_At__c.value,
      }),
    );
  });

  it('does not save results when the page designer turned it off', async () => {
    createComponent({ skipWriteBack: true });
    await emitAll();
    await flushPromises();

    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('says there is no data yet when nothing about the account can be read', async () => {
    const element = createComponent();
    await flushPromises();
    getRecord.emit(emptyAccount());
    getSettings.emit(mockSettings);
    for (const id of ['Cases', 'Contacts', 'Events']) {
      getRelatedListRecords.emitError({ status: 403 }, list(id));
    }
    getRelatedListRecords.emit(
      { ...mockOpportunities, records: [], count: 0 },
      list('Opportunities'),
    );
    await flushPromises();

    expect($(element, '.no-data')).not.toBeNull();
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('names the settings field an admin must fix instead of falling back to defaults', async () => {
    const element = createComponent();
    await emitAll({ settings: { ...mockSettings, Band_Green_From__c: 30 } });
    await flushPromises();

    expect(text(element, '.config-error')).toMatch(/Band_Green_From__c \(bands\.green\)/);
    expect($(element, '.score')).toBeNull();
  });

  it('shows the load error', async () => {
    const element = createComponent();
    getRecord.error({ message: 'Something broke' }, 500, 'Server Error');
    await flushPromises();

    expect(text(element, '.error')).toMatch(/Something broke/);
  });

  it('shows a no-access state when the account cannot be read', async () => {
    const element = createComponent();
    getRecord.error({ message: 'INSUFFICIENT_ACCESS' }, 403, 'Forbidden');
    await flushPromises();

    expect($(element, '.no-access')).not.toBeNull();
    expect($(element, '.error')).toBeNull();
  });

  it('is accessible with data', async () => {
    const element = createComponent();
    await emitAll();
    await flushPromises();

    // axe runs on real timers.
    jest.useRealTimers();
    await expect(element).toBeAccessible();
  });

  it('is accessible with a configuration error', async () => {
    const element = createComponent();
    await emitAll({ settings: { ...mockSettings, Model_JSON__c: '{' } });
    await flushPromises();

    // axe runs on real timers.
    jest.useRealTimers();
    await expect(element).toBeAccessible();
  });
});
