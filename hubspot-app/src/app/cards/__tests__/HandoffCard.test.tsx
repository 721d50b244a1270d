import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import {
  Alert,
  Button,
  Checkbox,
  DateInput,
  ErrorState,
  Input,
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
import type { HandoffLoadResponse } from '../common/responses.js';
import { answerWith, call, serverless } from './serverless-mock.js';

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

function loadAnswer(
  handoff: HandoffInput = {},
  status: 'draft' | 'submitted' = 'draft',
  dealType: string | null = 'newbusiness',
) {
  const data: HandoffLoadResponse = {
    dealId: '555',
    dealName: 'Northwind Freight — new business',
    dealType,
    status,
    submittedAt: status === 'submitted' ? '2026-10-30T10:00:00.000Z' : null,
    handoff,
    settings: defaultSettings(),
  };
  return { ok: true as const, data };
}

function renderCard() {
  const r = createRenderer('crm.record.tab');
  r.render(<HandoffCard dealId="555" asOf={AS_OF} />);
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
        tasks: { created: ['a', 'b', 'c', 'd'], existing: [] },
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
    const text = r.findByTestId(Alert, 'submitted').text ?? '';
    expect(text).toContain('Routed to Priya Natarajan');
    expect(text).toContain('4 created');
    expect(r.maybeFindByTestId(LoadingButton, 'submit')).toBeNull();
    expect(r.findByTestId(TextArea, 'customerGoals').props.readOnly).toBe(true);
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
        tasks: { created: [], existing: ['a'] },
      },
    });
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(LoadingButton, 'submit'));
    r.findByTestId(LoadingButton, 'submit').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Alert, 'submitted'));
    expect(r.findByTestId(Alert, 'submitted').text).toContain(
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

  it('shows a submitted handoff read-only', async () => {
    answerWith(loadAnswer(COMPLETE, 'submitted'));
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(Alert, 'submitted'));
    expect(r.findByTestId(Alert, 'submitted').text).toContain('Submitted 2026-10-30');
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
