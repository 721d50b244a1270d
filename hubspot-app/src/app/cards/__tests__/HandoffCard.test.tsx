import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import {
  Alert,
  Button,
  Checkbox,
  DateInput,
  ErrorState,
  Heading,
  Input,
  Link,
  List,
  LoadingButton,
  LoadingSpinner,
  ProgressBar,
  Select,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import type * as UiExtensions from '@hubspot/ui-extensions';
import { defaultSettings, evaluateHandoff, type HandoffInput } from '@csops/core';
import { HandoffCard } from '../handoff/HandoffCard.js';
import type { HandoffLoadResponse, HandoffSubmissionView } from '../common/responses.js';
import { answerWith, call, pendingAnswer, serverless } from './serverless-mock.js';

vi.mock('@hubspot/ui-extensions', async (importOriginal) => {
  const actual = await importOriginal<typeof UiExtensions>();
  return { ...actual, hubspot: { ...actual.hubspot, serverless: vi.fn() } };
});

const AS_OF = '2026-11-02T09:00:00.000Z';

const COMPLETE: HandoffInput = {
  customerGoals: 'Cut freight planning time in half across three regional hubs',
  successCriteria: 'Planners build weekly schedules in under two hours by March',
  technicalRequirements: 'SSO through Okta and a nightly export to Snowflake',
  implementationRequirements: 'Rollout to the Leeds hub first, then Bristol and Glasgow',
  stakeholders: [
    { name: 'Dana Reyes', email: 'dana@northwind.example', role: 'champion' },
    { name: 'Sam Okafor', email: 'sam@northwind.example', role: 'executive_sponsor' },
    { name: 'Lee Chan', email: 'lee@northwind.example', role: 'admin' },
  ],
  competitiveAlternatives: 'None',
  promisesMade: 'None',
  contractExecuted: true,
  paymentTermsConfirmed: true,
  kickoffDate: '2026-11-16',
};

const SUBMISSION: HandoffSubmissionView = {
  submittedAt: '2026-10-30T10:00:00.000Z',
  submittedBy: 'ae@northwind-sales.example',
  csm: { id: '901', name: 'Priya Natarajan', reason: 'Priya Natarajan has the most free capacity' },
  tasks: [
    { id: '7001', title: 'Hold the kickoff call', dueAt: '2026-11-03T10:00:00.000Z' },
    { id: '7002', title: 'Send the welcome email', dueAt: '2026-10-31T10:00:00.000Z' },
  ],
};

function loadAnswer(
  handoff: HandoffInput = {},
  status: HandoffLoadResponse['status'] = 'draft',
  dealType: string | null = 'newbusiness',
) {
  const data: HandoffLoadResponse = {
    dealId: '555',
    dealName: 'Northwind Freight — new business',
    dealType,
    status,
    submittedAt: status === 'draft' ? null : SUBMISSION.submittedAt,
    submission: status === 'draft' ? null : SUBMISSION,
    handoff,
    settings: defaultSettings(),
  };
  return { ok: true as const, data };
}

function renderCard() {
  const r = createRenderer('crm.record.tab');
  r.render(<HandoffCard dealId="555" portalId={123} asOf={AS_OF} />);
  return r;
}

/** What the AE reads in the missing-items list. */
const missingText = (r: ReturnType<typeof renderCard>) =>
  r
    .findByTestId(List, 'missing-items')
    .findAll(Text)
    .map((t) => t.text ?? '')
    .join('\n');

const completeness = (r: ReturnType<typeof renderCard>) =>
  r.findByTestId(ProgressBar, 'completeness').props.value;

beforeEach(() => serverless.mockReset());

describe('Sales-to-CS handoff card', () => {
  it('loads the deal’s handoff with one function call', async () => {
    answerWith(loadAnswer());
    const r = renderCard();
    expect(r.find(LoadingSpinner)).toBeDefined();
    await r.waitFor(() => r.findByTestId(ProgressBar, 'completeness'));
    expect(serverless).toHaveBeenCalledTimes(1);
    expect(call(0)).toEqual({ name: 'handoff_load', parameters: { dealId: '555' } });
  });

  it('says handoffs are for new business on an expansion deal, instead of the form', async () => {
    answerWith(loadAnswer({}, 'draft', 'existingbusiness'));
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(Alert, 'not-new-business'));
    expect(r.findByTestId(Alert, 'not-new-business').props.title).toBe(
      'Handoffs are for new business',
    );
    expect(r.maybeFindByTestId(ProgressBar, 'completeness')).toBeNull();
    expect(r.maybeFindByTestId(LoadingButton, 'submit')).toBeNull();
  });

  it('keeps the form on a deal without a type', async () => {
    answerWith(loadAnswer({}, 'draft', null));
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(ProgressBar, 'completeness'));
    expect(r.maybeFindByTestId(Alert, 'not-new-business')).toBeNull();
  });

  it('lists every missing item and refuses submit with the reasons', async () => {
    answerWith(loadAnswer());
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(ProgressBar, 'completeness'));
    expect(completeness(r)).toBe(0);
    const missing = missingText(r);
    expect(missing).toContain('Customer goals');
    expect(missing).toContain('Kickoff date');
    expect(r.findByTestId(LoadingButton, 'submit').props.disabled).toBe(true);
    expect(r.findByTestId(Text, 'submit-blocked').text).toContain('Success criteria');
  });

  it('updates completeness and the missing list as the AE types, with the core’s rules', async () => {
    answerWith(loadAnswer());
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(ProgressBar, 'completeness'));
    r.findByTestId(TextArea, 'customerGoals').trigger('onInput', COMPLETE.customerGoals as never);
    await r.waitFor(() => expect(completeness(r)).toBeGreaterThan(0));
    const expected = evaluateHandoff(
      { customerGoals: COMPLETE.customerGoals },
      defaultSettings(),
      AS_OF,
    );
    expect(completeness(r)).toBe(expected.completeness);
    expect(missingText(r)).not.toContain('Customer goals');

    r.findByTestId(TextArea, 'successCriteria').trigger('onInput', 'TBD' as never);
    await r.waitFor(() =>
      expect(r.findByTestId(TextArea, 'successCriteria').props.error).toBe(true),
    );
    expect(r.findByTestId(TextArea, 'successCriteria').props.validationMessage).toContain(
      'placeholder',
    );
  });

  it('edits stakeholders with their roles, the checkboxes and the kickoff date', async () => {
    answerWith(
      loadAnswer({
        ...COMPLETE,
        stakeholders: [],
        contractExecuted: false,
        kickoffDate: undefined,
      }),
    );
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(ProgressBar, 'completeness'));
    r.findByTestId(Button, 'add-stakeholder').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Input, 'stakeholder-0-name'));
    r.findByTestId(Input, 'stakeholder-0-name').trigger('onInput', 'Dana Reyes' as never);
    r.findByTestId(Select, 'stakeholder-0-role').trigger('onChange', 'executive_sponsor' as never);
    r.findByTestId(Checkbox, 'contractExecuted').trigger('onChange', true as never);
    r.findByTestId(DateInput, 'kickoffDate').trigger('onChange', {
      year: 2026,
      month: 10,
      date: 20,
    } as never);
    await r.waitFor(() =>
      expect(r.findByTestId(DateInput, 'kickoffDate').props.value).toEqual({
        year: 2026,
        month: 10,
        date: 20,
      }),
    );
    expect(r.findByTestId(Select, 'stakeholder-0-role').props.value).toBe('executive_sponsor');
    expect(r.findByTestId(Checkbox, 'contractExecuted').props.checked).toBe(true);
    const missing = missingText(r);
    expect(missing).toContain('Stakeholders');
    expect(missing).not.toContain('Kickoff date');
    expect(missing).not.toContain('Contract executed');
  });

  it('marks every required item, including the stakeholders, checkboxes and kickoff date', async () => {
    answerWith(loadAnswer());
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(ProgressBar, 'completeness'));
    expect(r.findByTestId(TextArea, 'customerGoals').props.required).toBe(true);
    expect(r.findByTestId(TextArea, 'technicalRequirements').props.required).toBe(false);
    expect(r.findByTestId(DateInput, 'kickoffDate').props.required).toBe(true);
    expect(r.findByTestId(Checkbox, 'contractExecuted').text).toBe('Contract executed *');
    expect(r.findByTestId(Checkbox, 'paymentTermsConfirmed').text).toMatch(/ \*$/);
    expect(r.find(Heading).text).toBe('Stakeholders *');
  });

  it('flags a bad email on its own field', async () => {
    answerWith(loadAnswer({ ...COMPLETE }));
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(Input, 'stakeholder-1-email'));
    r.findByTestId(Input, 'stakeholder-1-email').trigger('onInput', 'sam@' as never);
    await r.waitFor(() =>
      expect(r.findByTestId(Input, 'stakeholder-1-email').props.error).toBe(true),
    );
    expect(r.findByTestId(Input, 'stakeholder-1-email').props.validationMessage).toBe(
      '"sam@" is not an email address: write it as name@company.com',
    );
    expect(r.findByTestId(Input, 'stakeholder-0-email').props.error).toBe(false);
    expect(r.findByTestId(Text, 'stakeholders-problem').text).toContain(
      'Fix the email of Sam Okafor',
    );
  });

  it('saves a draft with what was typed', async () => {
    answerWith(loadAnswer(), { ok: true, data: {} });
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(ProgressBar, 'completeness'));
    const goals = 'Consolidate reporting for the board';
    r.findByTestId(TextArea, 'customerGoals').trigger('onInput', goals as never);
    await r.waitFor(() =>
      expect(r.findByTestId(TextArea, 'customerGoals').props.value).toContain('board'),
    );
    r.findByTestId(Button, 'save-draft').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Text, 'saved'));
    expect(call(1)).toEqual({
      name: 'handoff_save',
      parameters: {
        dealId: '555',
        handoff: { customerGoals: 'Consolidate reporting for the board' },
      },
    });
  });

  it('submits a complete handoff and shows the routing and the onboarding tasks', async () => {
    expect(evaluateHandoff(COMPLETE, defaultSettings(), AS_OF).readyForOnboarding).toBe(true);
    answerWith(loadAnswer(COMPLETE), {
      ok: true,
      data: {
        dealId: '555',
        companyId: '101',
        status: 'submitted',
        submittedAt: '2026-11-02T09:00:00.000Z',
        evaluation: evaluateHandoff(COMPLETE, defaultSettings(), AS_OF),
        csm: {
          id: '901',
          name: 'Priya Natarajan',
          reason: 'Priya Natarajan has the most free capacity',
        },
        tasks: { created: ['7001', '7002'], existing: [] },
        submission: { ...SUBMISSION, submittedAt: '2026-11-02T09:00:00.000Z' },
        repeated: false,
      },
    });
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(LoadingButton, 'submit'));
    expect(r.findByTestId(LoadingButton, 'submit').props.disabled).toBe(false);
    r.findByTestId(LoadingButton, 'submit').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Alert, 'submitted'));
    expect(call(1)).toEqual({
      name: 'handoff_submit',
      parameters: { dealId: '555', handoff: COMPLETE },
    });
    const text = r.findByTestId(Text, 'submitted-summary').text ?? '';
    expect(text).toContain('Routed to Priya Natarajan');
    expect(r.findByTestId(Link, 'task-7001').props.href).toEqual({
      url: 'https://app.hubspot.com/contacts/123/record/0-27/7001',
      external: false,
    });
    expect(r.maybeFindByTestId(LoadingButton, 'submit')).toBeNull();
    expect(r.findByTestId(TextArea, 'customerGoals').props.readOnly).toBe(true);
  });

  it('sends one submission for a double click on Submit', async () => {
    answerWith(loadAnswer(COMPLETE));
    const release = pendingAnswer();
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(LoadingButton, 'submit'));
    const button = r.findByTestId(LoadingButton, 'submit');
    button.trigger('onClick');
    button.trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(LoadingButton, 'submit').props.disabled).toBe(true),
    );
    release({ ok: false, error: { code: 'crm_unavailable', message: 'HubSpot did not answer.' } });
    await r.waitFor(() => r.findByTestId(Alert, 'problem'));
    expect(serverless.mock.calls.filter(([name]) => name === 'handoff_submit')).toHaveLength(1);
  });

  it('names the CSM by owner id only when the app could not find their name', async () => {
    answerWith(loadAnswer(COMPLETE), {
      ok: true,
      data: {
        dealId: '555',
        companyId: '101',
        status: 'submitted',
        submittedAt: '2026-11-02T09:00:00.000Z',
        evaluation: evaluateHandoff(COMPLETE, defaultSettings(), AS_OF),
        csm: { id: '7000001', name: null, reason: 'Already assigned to this CSM' },
        tasks: { created: [], existing: ['7001'] },
        submission: {
          ...SUBMISSION,
          csm: { id: '7000001', name: null, reason: 'Already assigned to this CSM' },
        },
        repeated: false,
      },
    });
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(LoadingButton, 'submit'));
    r.findByTestId(LoadingButton, 'submit').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Alert, 'submitted'));
    expect(r.findByTestId(Text, 'submitted-summary').text).toContain(
      'Routed to owner 7000001. Already assigned to this CSM.',
    );
  });

  it('shows why the function refused a submission', async () => {
    answerWith(loadAnswer(COMPLETE), {
      ok: false,
      error: {
        code: 'no_company',
        message: 'Associate this deal with the customer’s company before submitting the handoff.',
      },
    });
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(LoadingButton, 'submit'));
    r.findByTestId(LoadingButton, 'submit').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Alert, 'problem'));
    expect(r.findByTestId(Alert, 'problem').text).toContain('Associate this deal');
    expect(r.findByTestId(LoadingButton, 'submit').props.disabled).toBe(false);
  });

  it('shows on every load who submitted, when, the CSM and the tasks with their links', async () => {
    answerWith(loadAnswer(COMPLETE, 'submitted'));
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(Alert, 'submitted'));
    expect(r.findByTestId(Text, 'submitted-summary').text).toBe(
      'Submitted 2026-10-30 by ae@northwind-sales.example. Routed to Priya Natarajan. Priya Natarajan has the most free capacity.',
    );
    expect(r.findByTestId(Link, 'task-7001').text).toBe('Hold the kickoff call (due 2026-11-03)');
    expect(r.findByTestId(Link, 'task-7002').props.href).toMatchObject({
      url: 'https://app.hubspot.com/contacts/123/record/0-27/7002',
    });
    // Judged as of the submission, when the kickoff date still lay ahead.
    expect(completeness(r)).toBe(100);
  });

  it('offers to complete a submission that stopped part-way', async () => {
    answerWith(loadAnswer(COMPLETE, 'submitting'));
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(Alert, 'submitting'));
    expect(r.findByTestId(Alert, 'submitting').text).toContain('Submit again to complete it');
    expect(r.findByTestId(LoadingButton, 'submit').props.disabled).toBe(false);
    expect(r.maybeFindByTestId(Button, 'save-draft')).toBeNull();
    expect(r.findByTestId(TextArea, 'customerGoals').props.readOnly).toBe(true);
  });

  it('says which step stopped a submission and lets the AE submit again', async () => {
    answerWith(loadAnswer(COMPLETE), {
      ok: false,
      error: {
        code: 'submission_incomplete',
        message:
          'The handoff is not submitted yet: HubSpot did not answer while creating the onboarding tasks. Submit again to complete it; nothing done so far is repeated.',
      },
    });
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(LoadingButton, 'submit'));
    r.findByTestId(LoadingButton, 'submit').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Alert, 'problem'));
    expect(r.findByTestId(Alert, 'problem').text).toContain('creating the onboarding tasks');
    expect(r.findByTestId(Alert, 'problem').text).toContain('Submit again to complete it');
    expect(r.findByTestId(LoadingButton, 'submit').props.disabled).toBe(false);
  });

  it('shows a submitted handoff read-only', async () => {
    answerWith(loadAnswer(COMPLETE, 'submitted'));
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(Alert, 'submitted'));
    expect(r.findByTestId(Text, 'submitted-summary').text).toContain('Submitted 2026-10-30');
    expect(r.maybeFindByTestId(Button, 'save-draft')).toBeNull();
    expect(r.findByTestId(TextArea, 'successCriteria').props.readOnly).toBe(true);
  });

  it('shows the error state when the deal cannot be read', async () => {
    answerWith({
      ok: false,
      error: { code: 'not_found', message: 'The record no longer exists in HubSpot.' },
    });
    const r = renderCard();
    await r.waitFor(() => r.find(ErrorState));
    expect(r.find(ErrorState).props.title).toBe('This could not be loaded');
  });
});
