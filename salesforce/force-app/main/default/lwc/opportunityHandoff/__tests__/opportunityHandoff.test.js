import { createElement } from '@lwc/engine-dom';
import OpportunityHandoff from 'c/opportunityHandoff';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import getSettings from '@salesforce/apex/CsopsSettingsController.getSettings';

// Realistic data: a draft handoff with goals and criteria written, one stakeholder, contract unsigned.
const mockOpportunity = require('./data/getRecordOpportunity.json');
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

// Lets wire emits, renders and the chained promises of a save settle (fake timers rule out setTimeout).
function flushPromises() {
  let settled = Promise.resolve();
  for (let i = 0; i < 5; i++) settled = settled.then(() => undefined);
  return settled;
}

async function createComponent(
  props = {},
  { record = mockOpportunity, settings = mockSettings } = {},
) {
  const element = createElement('c-opportunity-handoff', { is: OpportunityHandoff });
  Object.assign(element, { recordId: mockOpportunity.id, ...props });
  document.body.appendChild(element);
  await flushPromises();
  if (record) getRecord.emit(record);
  if (settings) getSettings.emit(settings);
  await flushPromises();
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const text = (element, selector) => $(element, selector).textContent.replace(/\s+/g, ' ').trim();

function type(element, selector, value) {
  const input = $(element, selector);
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}
function check(element, item) {
  const box = $(element, `lightning-input[data-item="${item}"]`);
  box.checked = true;
  box.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
}

async function addStakeholder(element, name, role) {
  $(element, 'lightning-button.add-stakeholder').click();
  await flushPromises();
  const rows = $$(element, '.stakeholder');
  const row = rows[rows.length - 1];
  row
    .querySelector('lightning-input.stakeholder-name')
    .dispatchEvent(new CustomEvent('change', { detail: { value: name } }));
  row
    .querySelector('lightning-combobox.stakeholder-role')
    .dispatchEvent(new CustomEvent('change', { detail: { value: role } }));
  await flushPromises();
}

async function completeRequiredItems(element) {
  type(
    element,
    'lightning-textarea[data-item="implementationRequirements"]',
    'Two phase rollout: dispatch first, then billing in January.',
  );
  type(element, 'lightning-input.kickoff-date', '2026-11-20');
  check(element, 'contractExecuted');
  await addStakeholder(element, 'Marcus Lee', 'executive_sponsor');
  await addStakeholder(element, 'Ana Gomez', 'admin');
  await flushPromises();
}

describe('c-opportunity-handoff', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date(AS_OF) });
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('shows a spinner until the opportunity and settings have loaded', async () => {
    const element = await createComponent({}, { settings: null });

    expect($(element, 'lightning-spinner')).not.toBeNull();
  });

  it('fills the form from the Opportunity and lists what is missing', async () => {
    const element = await createComponent();

    expect($(element, 'lightning-textarea[data-item="customerGoals"]').value).toMatch(
      /manual routing/,
    );
    expect($$(element, '.stakeholder')).toHaveLength(1);
    expect(text(element, '.completeness')).toMatch(/^\d+% complete · \d+ required items missing$/);
    const open = $$(element, '.item').map((li) => li.textContent);
    expect(open.join(' | ')).toMatch(/Kickoff date/);
    expect(open.join(' | ')).toMatch(/Contract executed/);
    expect(open.join(' | ')).not.toMatch(/Customer goals/);
  });

  it('raises completeness as the AE fills the checklist', async () => {
    const element = await createComponent();
    const before = $(element, 'lightning-progress-bar').value;

    type(element, 'lightning-input.kickoff-date', '2026-11-20');
    await flushPromises();

    expect($(element, 'lightning-progress-bar').value).toBeGreaterThan(before);
    expect(
      $$(element, '.item')
        .map((li) => li.textContent)
        .join(' '),
    ).not.toMatch(/Kickoff date/);
  });

  it('saves the draft to the Opportunity fields', async () => {
    const element = await createComponent();
    type(element, 'lightning-input.kickoff-date', '2026-11-20');
    await flushPromises();

    $(element, 'lightning-button.save').click();
    await flushPromises();

    expect(updateRecord).toHaveBeenCalledTimes(1);
    const { fields } = updateRecord.mock.calls[0][0];
    expect(fields).toEqual(
      expect.objectContaining({
        Id: mockOpportunity.id,
        Csops_Kickoff_Date__c: '2026-11-20',
        Csops_Contract_Executed__c: false,
        Csops_Payment_Terms_Confirmed__c: true,
        Csops_Handoff_Status__c: 'draft',
        Csops_Handoff_Completeness__c: $(element, 'lightning-progress-bar').value,
      }),
    );
    expect(JSON.parse(fields.Csops_Stakeholders__c)).toEqual([
      { name: 'Priya Natarajan', email: 'priya@contoso.example', role: 'champion' },
    ]);
    expect(fields.Csops_Handoff_Submitted_At__c).toBeUndefined();
  });

  it('refuses to submit with the reasons while required items are missing', async () => {
    const element = await createComponent();

    $(element, 'lightning-button.submit').click();
    await flushPromises();

    expect(updateRecord).not.toHaveBeenCalled();
    const reasons = text(element, '.refusal');
    expect(reasons).toMatch(/can't be submitted yet/);
    expect(reasons).toMatch(/Kickoff date: Set the kickoff date/);
    expect(reasons).toMatch(/executive sponsor/);
  });

  it('submits once the required items are there and records when', async () => {
    const element = await createComponent();
    await completeRequiredItems(element);

    expect(text(element, '.completeness')).toMatch(/ready to submit/);
    $(element, 'lightning-button.submit').click();
    await flushPromises();

    expect(updateRecord).toHaveBeenCalledTimes(1);
    const { fields } = updateRecord.mock.calls[0][0];
    expect(fields.Csops_Handoff_Status__c).toBe('submitted');
    expect(fields.Csops_Handoff_Submitted_At__c).toBe(AS_OF);
    expect(JSON.parse(fields.Csops_Stakeholders__c).map((p) => p.role)).toEqual([
      'champion',
      'executive_sponsor',
      'admin',
    ]);
    expect(text(element, '.submitted')).toMatch(/Submitted 2026-11-02/);
    expect($(element, '.handoff-form')).toBeNull();
  });

  it('removes a stakeholder row', async () => {
    const element = await createComponent();

    $(element, 'lightning-button-icon.remove-stakeholder').click();
    await flushPromises();

    expect($$(element, '.stakeholder')).toHaveLength(0);
    expect(
      $$(element, '.item')
        .map((li) => li.textContent)
        .join(' '),
    ).toMatch(/Stakeholders/);
  });

  it('shows a submitted handoff as submitted, without the form', async () => {
    const submitted = JSON.parse(JSON.stringify(mockOpportunity));
    submitted.fields.Csops_Handoff_Status__c = { displayValue: 'Submitted', value: 'submitted' };
    submitted.fields.Csops_Handoff_Submitted_At__c = {
      displayValue: null,
      value: '2026-10-31T10:00:00.000Z',
    };
    const element = await createComponent({}, { record: submitted });

    expect(text(element, '.submitted')).toMatch(/Submitted 2026-10-31/);
    expect($(element, 'lightning-button.submit')).toBeNull();
  });

  it('shows the save error and keeps what the AE typed', async () => {
    updateRecord.mockRejectedValueOnce({
      status: 400,
      body: {
        output: {
          errors: [],
          fieldErrors: { Csops_Kickoff_Date__c: [{ message: 'Invalid date' }] },
        },
      },
    });
    const element = await createComponent();
    type(element, 'lightning-input.kickoff-date', '2026-11-20');
    $(element, 'lightning-button.save').click();
    await flushPromises();

    expect(text(element, '.save-error')).toBe('Invalid date');
    expect($(element, 'lightning-input.kickoff-date').value).toBe('2026-11-20');
  });

  it('names the settings field an admin must fix', async () => {
    const element = await createComponent(
      {},
      { settings: { ...mockSettings, Handoff_Required_Items__c: 'customerGoals,budget' } },
    );

    expect(text(element, '.config-error')).toMatch(
      /Handoff_Required_Items__c .*unknown item budget/,
    );
  });

  it('shows a no-access state when the Opportunity cannot be read', async () => {
    const element = await createComponent({}, { record: null, settings: null });
    getRecord.error({ message: 'insufficient access' }, 403, 'Forbidden');
    await flushPromises();

    expect($(element, '.no-access')).not.toBeNull();
  });

  it('shows the load error', async () => {
    const element = await createComponent({}, { record: null });
    getRecord.error({ message: 'Server unavailable' }, 503, 'Service Unavailable');
    await flushPromises();

    expect(text(element, '.error')).toMatch(/Server unavailable/);
  });

  it('is accessible while being filled', async () => {
    const element = await createComponent();
    jest.useRealTimers();

    await expect(element).toBeAccessible();
  });

  it('is accessible when refused', async () => {
    const element = await createComponent();
    $(element, 'lightning-button.submit').click();
    await flushPromises();
    jest.useRealTimers();

    await expect(element).toBeAccessible();
  });
});
