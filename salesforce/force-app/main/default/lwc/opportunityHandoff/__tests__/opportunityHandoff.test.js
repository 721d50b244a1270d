import { createElement } from '@lwc/engine-dom';
import OpportunityHandoff from 'c/opportunityHandoff';
import { getRecord, updateRecord, createRecord } from 'lightning/uiRecordApi';
import { graphql } from 'lightning/graphql';
import getSettings from '@salesforce/apex/CsopsSettingsController.getSettings';

// Realistic data: a draft handoff with goals and criteria written, one stakeholder, contract unsigned.
const mockOpportunity = require('./data/getRecordOpportunity.json');
// Its Account: 60,000 ARR (Mid-Market by the default thresholds), no CSM yet.
const mockAccount = require('./data/getRecordAccount.json');
// Two CSMs' books as the GraphQL aggregate grouped by Account.Csops_CSM__c answers them.
const mockBook = require('./data/graphqlCsmBook.json');
const mockNoTasks = require('./data/graphqlOnboardingTasks.json');
const defaultSettingsRecord = require('./data/getSettings.json');

const NADIA = '005Dp000002CsmAAA';
const OWEN = '005Dp000002CsmBAA';
const CSMS = [
  {
    id: NADIA,
    name: 'Nadia Brooks',
    segments: ['enterprise', 'mid_market'],
    maxArr: 1000000,
    maxAccounts: 25,
  },
  { id: OWEN, name: 'Owen Park', segments: ['mid_market'], maxArr: 800000, maxAccounts: 30 },
];
// The Default record with the team's CSMs added to its model JSON, as an admin does in Setup.
const mockSettings = {
  ...defaultSettingsRecord,
  Model_JSON__c: JSON.stringify({ ...JSON.parse(defaultSettingsRecord.Model_JSON__c), csms: CSMS }),
};

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

/** A submit chains more writes than one flush settles: the start stamp, Tasks, routing, the save. */
async function settleSubmit() {
  await flushPromises();
  await flushPromises();
  await flushPromises();
  await flushPromises();
}

const isOpportunity = (config) => config.recordId === mockOpportunity.id;
const isAccount = (config) => config.recordId === mockAccount.id;
const isBook = (config) => !!(config.variables && config.variables.csmIds);
const isTasks = (config) => !!(config.variables && config.variables.keyPattern);

async function createComponent(
  props = {},
  {
    record = mockOpportunity,
    settings = mockSettings,
    account = mockAccount,
    book = mockBook,
    tasks = mockNoTasks,
    refreshTasks,
  } = {},
) {
  const element = createElement('c-opportunity-handoff', { is: OpportunityHandoff });
  Object.assign(element, { recordId: mockOpportunity.id, ...props });
  document.body.appendChild(element);
  await flushPromises();
  if (record) getRecord.emit(record, isOpportunity);
  if (settings) getSettings.emit(settings);
  await flushPromises();
  if (account) getRecord.emit(account, isAccount);
  if (book) graphql.emit(book, isBook);
  if (tasks) graphql.emit(tasks, isTasks, refreshTasks);
  await flushPromises();
  return element;
}

/** The GraphQL answer once Tasks with these action keys exist. */
function tasksWithKeys(keys) {
  return {
    uiapi: {
      query: {
        Task: {
          edges: keys.map((key, i) => ({
            node: { Id: `00TDp00000Ab${i}XyzAAA`, Csops_Action_Key__c: { value: key } },
          })),
          pageInfo: { hasNextPage: false, endCursor: null },
          totalCount: keys.length,
        },
      },
    },
  };
}

const ONBOARDING_KEYS = ['kickoff', 'plan', 'first-value', 'escalate'].map(
  (step) => `csops:${mockAccount.id}:onboarding:handoff_submitted:2026-11-02:${step}`,
);
const duplicateKeyError = {
  status: 400,
  body: {
    output: {
      errors: [
        {
          errorCode: 'DUPLICATE_VALUE',
          message:
            'duplicate value found: Csops_Action_Key__c duplicates value on record with id: 00TDp00000Ab0XyzAAA',
        },
      ],
      fieldErrors: {},
    },
  },
};
const STARTED_AT = 'Csops_Handoff_Started_At__c';
const isStartStamp = (f) => Object.keys(f).length === 2 && STARTED_AT in f;
/** The Opportunity saves (draft or submission), apart from the start stamp a submit stores first. */
const opportunityUpdates = () =>
  updateRecord.mock.calls
    .map((c) => c[0].fields)
    .filter((f) => f.Id === mockOpportunity.id && !isStartStamp(f));
const startStamps = () =>
  updateRecord.mock.calls
    .map((c) => c[0].fields)
    .filter((f) => f.Id === mockOpportunity.id && isStartStamp(f))
    .map((f) => f[STARTED_AT]);
const accountUpdates = () =>
  updateRecord.mock.calls.map((c) => c[0].fields).filter((f) => f.Id === mockAccount.id);
const createdKeys = () => createRecord.mock.calls.map((c) => c[0].fields.Csops_Action_Key__c);

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

  it('marks every required item and flags a bad email on its own field', async () => {
    const element = await createComponent();
    expect($(element, 'lightning-input[data-item="contractExecuted"]').required).toBe(true);
    expect($(element, 'lightning-input[data-item="paymentTermsConfirmed"]').required).toBe(true);
    expect($(element, 'lightning-input.kickoff-date').required).toBe(true);
    expect($(element, 'legend abbr.slds-required')).not.toBeNull();

    type(element, 'lightning-input.stakeholder-email', 'dana@');
    await flushPromises();
    expect(text(element, '.stakeholder-email-problem')).toBe(
      '"dana@" is not an email address: write it as name@company.com',
    );
  });

  it('names the completeness bar for screen readers and moves it as items are done', async () => {
    const element = await createComponent();
    const bar = () => $(element, '[role="progressbar"]');
    expect(bar().getAttribute('aria-label')).toBe('Handoff completeness');
    const before = Number(bar().getAttribute('aria-valuenow'));

    await completeRequiredItems(element);

    const after = Number(bar().getAttribute('aria-valuenow'));
    expect(after).toBeGreaterThan(before);
    expect(bar().querySelector('.slds-progress-bar__value').style.width).toBe(`${after}%`);
  });

  it('raises completeness as the AE fills the checklist', async () => {
    const element = await createComponent();
    const before = Number($(element, '[role="progressbar"]').getAttribute('aria-valuenow'));

    type(element, 'lightning-input.kickoff-date', '2026-11-20');
    await flushPromises();

    expect(
      Number($(element, '[role="progressbar"]').getAttribute('aria-valuenow')),
    ).toBeGreaterThan(before);
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
        Csops_Handoff_Completeness__c: Number(
          $(element, '[role="progressbar"]').getAttribute('aria-valuenow'),
        ),
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
    await settleSubmit();

    expect(opportunityUpdates()).toHaveLength(1);
    const [fields] = opportunityUpdates();
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
    const element = await createComponent({}, { record: null, settings: null, account: null });
    getRecord.error({ message: 'insufficient access' }, 403, 'Forbidden');
    await flushPromises();

    expect($(element, '.no-access')).not.toBeNull();
  });

  it('shows the load error', async () => {
    const element = await createComponent({}, { record: null, account: null });
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

describe('c-opportunity-handoff submit starts onboarding and routes the account', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date(AS_OF) });
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  async function submit(element) {
    $(element, 'lightning-button.submit').click();
    await settleSubmit();
  }

  it('creates each onboarding Task once, owned by the routed CSM and due by the playbook', async () => {
    const element = await createComponent();
    await completeRequiredItems(element);
    await submit(element);

    expect(createRecord).toHaveBeenCalledTimes(4);
    expect(createRecord.mock.calls[0][0]).toEqual({
      apiName: 'Task',
      fields: {
        Subject: 'Hold the kickoff call',
        ActivityDate: '2026-11-05',
        WhatId: mockAccount.id,
        OwnerId: OWEN,
        Description:
          'Onboarding playbook: Handoff submitted on 2026-11-02.\nHandoff of Contoso Logistics — Platform.\nDue 2026-11-05.',
        Csops_Action_Key__c: ONBOARDING_KEYS[0],
      },
    });
    expect(createdKeys()).toEqual(ONBOARDING_KEYS);
    expect(createRecord.mock.calls.map((c) => c[0].fields.ActivityDate)).toEqual([
      '2026-11-05',
      '2026-11-09',
      '2026-12-02',
      '2026-11-07',
    ]);
    // The escalation goes to a manager the settings cannot name: it stays with whoever submits.
    const escalation = createRecord.mock.calls[3][0].fields;
    expect(escalation.Subject).toBe('[Escalation] Kickoff not held: escalate to CS manager');
    expect(escalation.OwnerId).toBeUndefined();
    expect(text(element, '.tasks')).toBe('4 onboarding tasks created.');
  });

  it('routes the Account to the CSM with the most room and writes it to the CSM field', async () => {
    const element = await createComponent();
    await completeRequiredItems(element);
    await submit(element);

    expect(accountUpdates()).toEqual([{ Id: mockAccount.id, Csops_CSM__c: OWEN }]);
    // Tasks and routing come before the Opportunity is marked submitted, so a failure leaves a draft.
    const order = updateRecord.mock.invocationCallOrder;
    const accountCall = updateRecord.mock.calls.findIndex((c) => c[0].fields.Id === mockAccount.id);
    const opportunityCall = updateRecord.mock.calls.findIndex(
      (c) => c[0].fields.Id === mockOpportunity.id && !isStartStamp(c[0].fields),
    );
    const stampCall = updateRecord.mock.calls.findIndex((c) => isStartStamp(c[0].fields));
    expect(order[accountCall]).toBeLessThan(order[opportunityCall]);
    expect(Math.max(...createRecord.mock.invocationCallOrder)).toBeLessThan(order[accountCall]);
    // The start stamp is stored before the first Task, so a retry finds the same keys.
    expect(order[stampCall]).toBeLessThan(Math.min(...createRecord.mock.invocationCallOrder));
    expect(opportunityUpdates()[0].Csops_Handoff_Status__c).toBe('submitted');
    expect(text(element, '.routed')).toBe('Routed to Owen Park');
  });

  it('creates nothing twice when a retry finds the Tasks the first attempt made', async () => {
    // The first attempt's Opportunity update fails after its Tasks and routing went through.
    let failed = false;
    updateRecord.mockImplementation(({ fields }) => {
      const failing = fields.Csops_Handoff_Status__c === 'submitted' && !failed;
      if (failing) failed = true;
      return failing
        ? Promise.reject({ status: 503, body: { message: 'Service Unavailable' } })
        : Promise.resolve({});
    });
    const refreshTasks = jest.fn(async () => {
      graphql.emit(tasksWithKeys(createdKeys()), isTasks, refreshTasks);
    });
    const element = await createComponent({}, { refreshTasks });
    await completeRequiredItems(element);

    await submit(element);
    expect(text(element, '.save-error')).toBe('Service Unavailable');
    expect(createRecord).toHaveBeenCalledTimes(4);

    // LDS hands back the Account as the first attempt left it: routed to Owen.
    getRecord.emit(
      {
        ...mockAccount,
        fields: { ...mockAccount.fields, Csops_CSM__c: { displayValue: 'Owen Park', value: OWEN } },
      },
      isAccount,
    );
    await flushPromises();
    await submit(element);

    expect(createRecord).toHaveBeenCalledTimes(4);
    expect(accountUpdates()).toHaveLength(1);
    expect(opportunityUpdates()).toHaveLength(2);
    expect(text(element, '.tasks')).toBe(
      'The onboarding tasks were already there; none created again.',
    );
    expect(text(element, '.routed')).toBe('CSM: Owen Park (already assigned)');
    updateRecord.mockReset();
    updateRecord.mockResolvedValue({});
  });

  it('creates none when the onboarding Tasks already exist for this Account', async () => {
    const element = await createComponent({}, { tasks: tasksWithKeys(ONBOARDING_KEYS) });
    await completeRequiredItems(element);
    await submit(element);

    expect(createRecord).not.toHaveBeenCalled();
    expect(opportunityUpdates()).toHaveLength(1);
    expect(text(element, '.submitted')).toMatch(/Submitted 2026-11-02/);
  });

  it('counts a Task another submit created first (duplicate key) as already there', async () => {
    createRecord.mockRejectedValueOnce(duplicateKeyError);
    const element = await createComponent();
    await completeRequiredItems(element);
    await submit(element);

    expect(createRecord).toHaveBeenCalledTimes(4);
    expect($(element, '.save-error')).toBeNull();
    expect(opportunityUpdates()[0].Csops_Handoff_Status__c).toBe('submitted');
    expect(text(element, '.tasks')).toBe('3 onboarding tasks created, 1 already there.');
  });

  it('stops and keeps the handoff a draft when a Task cannot be created', async () => {
    createRecord.mockRejectedValueOnce({
      status: 400,
      body: {
        output: {
          errors: [
            {
              errorCode: 'INVALID_CROSS_REFERENCE_KEY',
              message: 'Assigned To ID: owner cannot be blank',
            },
          ],
          fieldErrors: {},
        },
      },
    });
    const element = await createComponent();
    await completeRequiredItems(element);
    await submit(element);

    expect(createRecord).toHaveBeenCalledTimes(1);
    // Only the start stamp is stored: the handoff is still a draft.
    expect(opportunityUpdates()).toEqual([]);
    expect(startStamps()).toEqual([AS_OF]);
    expect(accountUpdates()).toEqual([]);
    expect(text(element, '.save-error')).toBe('Assigned To ID: owner cannot be blank');
    expect($(element, '.handoff-form')).not.toBeNull();
  });

  it("says why nobody fits, leaves the CSM field alone and keeps the CSM's Tasks with the AE", async () => {
    const full = JSON.parse(JSON.stringify(mockBook));
    const [nadia, owen] = full.uiapi.aggregate.Account.edges;
    nadia.node.aggregate.Csops_ARR__c.sum.value = 990000;
    owen.node.aggregate.Csops_ARR__c.sum.value = 790000;
    const element = await createComponent({}, { book: full });
    await completeRequiredItems(element);
    await submit(element);

    expect(accountUpdates()).toEqual([]);
    expect(text(element, '.routed')).toBe(
      'Not routed: No Mid-Market CSM has room for 60,000 ARR: Nadia Brooks has 10,000 ARR capacity left; Owen Park has 10,000 ARR capacity left',
    );
    expect(createRecord).toHaveBeenCalledTimes(4);
    expect(createRecord.mock.calls.every((c) => c[0].fields.OwnerId === undefined)).toBe(true);
    expect(opportunityUpdates()[0].Csops_Handoff_Status__c).toBe('submitted');
  });

  it('keeps a CSM the Account already has and gives them the Tasks', async () => {
    const assigned = {
      ...mockAccount,
      fields: { ...mockAccount.fields, Csops_CSM__c: { displayValue: null, value: NADIA } },
    };
    const element = await createComponent({}, { account: assigned });
    await completeRequiredItems(element);
    await submit(element);

    expect(accountUpdates()).toEqual([]);
    expect(createRecord.mock.calls[0][0].fields.OwnerId).toBe(NADIA);
    expect(text(element, '.routed')).toBe('CSM: Nadia Brooks (already assigned)');
  });

  it('routes by the segment on the Account rather than by ARR alone', async () => {
    const enterprise = {
      ...mockAccount,
      fields: {
        ...mockAccount.fields,
        Csops_Segment__c: { displayValue: 'Enterprise', value: 'enterprise' },
      },
    };
    const element = await createComponent({}, { account: enterprise });
    await completeRequiredItems(element);
    await submit(element);

    expect(accountUpdates()).toEqual([{ Id: mockAccount.id, Csops_CSM__c: NADIA }]);
    expect(text(element, '.routed')).toBe('Routed to Nadia Brooks');
  });

  it('refuses to submit an Opportunity without an Account, creating nothing', async () => {
    const orphan = JSON.parse(JSON.stringify(mockOpportunity));
    orphan.fields.AccountId = { displayValue: null, value: null };
    const element = await createComponent({}, { record: orphan, account: null });
    await completeRequiredItems(element);
    await submit(element);

    expect(text(element, '.save-error')).toMatch(/Link this Opportunity to the customer's Account/);
    expect(createRecord).not.toHaveBeenCalled();
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('waits for the CSM books before submitting', async () => {
    const element = await createComponent({}, { book: null });
    await completeRequiredItems(element);
    await submit(element);

    expect(text(element, '.save-error')).toMatch(/still loading/);
    expect(createRecord).not.toHaveBeenCalled();
  });

  it('shows the CSM of an Account whose handoff was submitted earlier', async () => {
    const submitted = JSON.parse(JSON.stringify(mockOpportunity));
    submitted.fields.Csops_Handoff_Status__c = { displayValue: 'Submitted', value: 'submitted' };
    const assigned = {
      ...mockAccount,
      fields: { ...mockAccount.fields, Csops_CSM__c: { displayValue: null, value: OWEN } },
    };
    const element = await createComponent({}, { record: submitted, account: assigned });

    expect(text(element, '.routed')).toBe('CSM: Owen Park');
  });

  it('makes no second set of Tasks when a failed submit is retried after midnight UTC', async () => {
    // The second Task fails on the evening of 2 November (UTC); the AE retries after midnight.
    jest.setSystemTime(new Date('2026-11-02T23:50:00.000Z'));
    createRecord
      .mockResolvedValueOnce({ id: '00TDp00000Ab0XyzAAA' })
      .mockRejectedValueOnce({ status: 503, body: { message: 'Service Unavailable' } });
    const refreshTasks = jest.fn(async () => {
      const made = createRecord.mock.calls.slice(0, 1).map((c) => c[0].fields.Csops_Action_Key__c);
      graphql.emit(tasksWithKeys(made), isTasks, refreshTasks);
    });
    const element = await createComponent({}, { refreshTasks });
    await completeRequiredItems(element);
    await submit(element);
    expect(text(element, '.save-error')).toBe('Service Unavailable');
    expect(startStamps()).toEqual(['2026-11-02T23:50:00.000Z']);

    jest.setSystemTime(new Date('2026-11-03T00:10:00.000Z'));
    await submit(element);

    const keys = createdKeys();
    const day = (key) => key.split(':handoff_submitted:')[1].slice(0, 10);
    expect(keys.map(day).every((d) => d === '2026-11-02')).toBe(true);
    // Four steps, each created once: the failed one again, the first one not at all.
    expect(new Set(keys).size).toBe(4);
    expect(keys.filter((k) => k === keys[0])).toHaveLength(1);
    expect(startStamps()).toHaveLength(1);
    expect(opportunityUpdates()[0].Csops_Handoff_Submitted_At__c).toBe('2026-11-02T23:50:00.000Z');
    expect(text(element, '.tasks')).toBe('3 onboarding tasks created, 1 already there.');
  });

  it('claims the submission only if nobody changed the Opportunity since the page read it', async () => {
    const element = await createComponent();
    await completeRequiredItems(element);
    await submit(element);

    const stamp = updateRecord.mock.calls.find((c) => isStartStamp(c[0].fields));
    expect(stamp[1]).toEqual({ ifUnmodifiedSince: mockOpportunity.lastModifiedDate });
  });

  it('creates no Task when another submit changed the Opportunity first', async () => {
    updateRecord.mockRejectedValueOnce({
      status: 412,
      body: { message: 'The record was modified after the date in ifUnmodifiedSince.' },
    });
    const element = await createComponent();
    await completeRequiredItems(element);
    await submit(element);

    expect(createRecord).not.toHaveBeenCalled();
    expect(opportunityUpdates()).toEqual([]);
    expect(text(element, '.save-error')).toMatch(/modified/);
  });

  it('submits with the stored start stamp after a reload on a later day', async () => {
    jest.setSystemTime(new Date('2026-11-04T08:00:00.000Z'));
    const started = JSON.parse(JSON.stringify(mockOpportunity));
    started.fields[STARTED_AT] = { displayValue: null, value: AS_OF };
    const element = await createComponent({}, { record: started });
    await completeRequiredItems(element);
    await submit(element);

    expect(createdKeys()).toEqual(ONBOARDING_KEYS);
    expect(startStamps()).toEqual([]);
    expect(opportunityUpdates()[0].Csops_Handoff_Submitted_At__c).toBe(AS_OF);
  });

  it('refreshes the standard related lists once Tasks exist and once the handoff is submitted', async () => {
    const element = await createComponent();
    const refreshed = jest.fn();
    element.addEventListener('lightning__refresh', refreshed);
    await completeRequiredItems(element);
    await submit(element);

    // One for the new Tasks (the Account's Activity list), one for the submitted Opportunity.
    expect(refreshed).toHaveBeenCalledTimes(2);
  });

  it('refreshes for the Tasks made even when a later Task fails', async () => {
    createRecord
      .mockResolvedValueOnce({ id: '00TDp00000Ab0XyzAAA' })
      .mockRejectedValueOnce({ status: 503, body: { message: 'Service Unavailable' } });
    const element = await createComponent();
    const refreshed = jest.fn();
    element.addEventListener('lightning__refresh', refreshed);
    await completeRequiredItems(element);
    await submit(element);

    expect(refreshed).toHaveBeenCalledTimes(1);
    expect(text(element, '.save-error')).toBe('Service Unavailable');
  });

  it('does not refresh when no Task was made and nothing was submitted', async () => {
    createRecord.mockRejectedValueOnce({ status: 503, body: { message: 'Service Unavailable' } });
    const element = await createComponent();
    const refreshed = jest.fn();
    element.addEventListener('lightning__refresh', refreshed);
    await completeRequiredItems(element);
    await submit(element);

    expect(refreshed).not.toHaveBeenCalled();
  });

  it('is accessible once submitted and routed', async () => {
    const element = await createComponent();
    await completeRequiredItems(element);
    await submit(element);
    jest.useRealTimers();

    await expect(element).toBeAccessible();
  });
});
