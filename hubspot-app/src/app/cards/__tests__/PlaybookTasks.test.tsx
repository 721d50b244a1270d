import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import {
  Button,
  ErrorState,
  Flex,
  Heading,
  Link,
  LoadingButton,
  StatusTag,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import type * as UiExtensions from '@hubspot/ui-extensions';
import { HealthCard } from '../health/HealthCard.js';
import { answerWith, call, pendingAnswer, serverless } from './serverless-mock.js';
import {
  PORTAL,
  PRIYA,
  closedAnswer,
  healthWithPlaybook,
} from './account-health-playbook.fixture.js';

vi.mock('@hubspot/ui-extensions', async (importOriginal) => {
  const actual = await importOriginal<typeof UiExtensions>();
  return { ...actual, hubspot: { ...actual.hubspot, serverless: vi.fn() } };
});

beforeEach(() => serverless.mockReset());

async function renderLoaded(answer: unknown = healthWithPlaybook()) {
  answerWith(answer);
  const r = createRenderer('crm.record.tab');
  r.render(<HealthCard companyId="101" portalId={PORTAL} />);
  await r.waitFor(() => r.findByTestId(Flex, 'playbook-tasks'));
  return r;
}

type Rendered = Awaited<ReturnType<typeof renderLoaded>>;

const row = (r: Rendered, id: string) => r.findByTestId(Flex, `task-${id}`);
const rowTexts = (r: Rendered, id: string) =>
  row(r, id)
    .findAll(Text)
    .map((t) => t.text ?? '');
/** The task rows top to bottom, by task id. */
const order = (r: Rendered) =>
  r
    .findByTestId(Flex, 'playbook-tasks')
    .findAll(Flex)
    .map((f) => String(f.props.testId ?? ''))
    .filter((id) => /^task-\d+$/.test(id))
    .map((id) => id.slice('task-'.length));
const updateCalls = () => serverless.mock.calls.filter(([name]) => name === 'playbook_task_update');
const summary = (r: Rendered) => r.findByTestId(Text, 'playbook-summary').text;

describe('Playbook tasks on the health card', () => {
  it('lists open tasks first as given, with due day, owner, link, playbook and why it fired', async () => {
    const r = await renderLoaded();
    expect(order(r)).toEqual(['9093', '9101', '9102', '9095', '9090']);
    expect(summary(r)).toBe('3 open, 1 overdue · 2 created just now');

    const overdue = row(r, '9093').find(StatusTag);
    expect(overdue.text).toBe('Overdue 2026-10-30');
    expect(overdue.props.variant).toBe('danger');
    expect(row(r, '9101').find(StatusTag).text).toBe('Due today');
    expect(row(r, '9102').maybeFind(StatusTag)).toBeNull();
    expect(rowTexts(r, '9102')).toContain('Due 2026-11-04');

    expect(r.findByTestId(Text, `owner-9101`).text).toBe(PRIYA.name);
    expect(r.findByTestId(Text, `owner-9102`).text).toBe('Unassigned');
    expect(row(r, '9101').find(Link).props.href).toEqual({
      url: `https://app.hubspot.com/contacts/${PORTAL}/record/0-27/9101`,
      external: false,
    });
    expect(rowTexts(r, '9101')).toContain(
      'Red health recovery · Health fell to red (score 39.7, was yellow at 49)',
    );
    for (const id of ['9093', '9101', '9102']) {
      expect(r.findByTestId(LoadingButton, `mark-done-${id}`).props.disabled).toBe(false);
      expect(r.findByTestId(Button, `skip-${id}`).text).toBe('Skip…');
    }
  });

  it('takes the order and the flags from the answer, never from the dates', async () => {
    // The core lists the tasks in the function; the card draws that list as it comes.
    const answer = healthWithPlaybook();
    const playbook = answer.data.playbook!;
    const [late, today, ...rest] = playbook.tasks;
    playbook.tasks = [{ ...today!, dueToday: false }, { ...late!, overdue: false }, ...rest];
    const r = await renderLoaded(answer);
    expect(order(r)).toEqual(['9101', '9093', '9102', '9095', '9090']);
    expect(row(r, '9101').maybeFind(StatusTag)).toBeNull();
    expect(row(r, '9093').maybeFind(StatusTag)).toBeNull();
    expect(rowTexts(r, '9093')).toContain('Due 2026-10-30');
  });

  it('shows done and skipped tasks below, greyed, with the skip reason and no buttons', async () => {
    const r = await renderLoaded();
    const skipped = row(r, '9095');
    expect(skipped.find(StatusTag).text).toBe('Skipped 2026-10-25');
    expect(r.findByTestId(Text, 'closed-note-9095').text).toBe(
      'The champion is back from leave; nobody left',
    );
    expect(skipped.findAll(Text).map((t) => t.props.variant)).toEqual([
      'microcopy',
      'microcopy',
      'microcopy',
    ]);
    expect(row(r, '9090').find(StatusTag).text).toBe('Done 2026-09-16');
    for (const id of ['9095', '9090']) {
      expect(row(r, id).maybeFind(LoadingButton)).toBeNull();
      expect(row(r, id).maybeFind(Button)).toBeNull();
    }
  });

  it('says which escalation waits, and when it falls due if its step is still open', async () => {
    const r = await renderLoaded();
    const waiting = r
      .findByTestId(Flex, 'waiting-escalations')
      .findAll(Text)
      .map((t) => t.text);
    expect(waiting).toEqual([
      'Waiting escalations',
      'Red account without a recovery plan: escalate: escalates on 2026-11-04 if “Health dropped to red” is still open',
    ]);
  });

  it('marks a task done with one call and moves it, done, below the open ones', async () => {
    const r = await renderLoaded();
    answerWith(closedAnswer('9093', 'done'));
    r.findByTestId(LoadingButton, `mark-done-9093`).trigger('onClick');
    await r.waitFor(() => expect(summary(r)).toBe('2 open, 0 overdue · 2 created just now'));
    expect(call(1)).toEqual({
      name: 'playbook_task_update',
      parameters: { companyId: '101', taskId: '9093', outcome: 'done' },
    });
    expect(order(r)).toEqual(['9101', '9102', '9093', '9095', '9090']);
    expect(row(r, '9093').find(StatusTag).text).toBe('Done 2026-11-02');
    expect(row(r, '9093').maybeFind(LoadingButton)).toBeNull();
  });

  it('keeps the link and owner name the load gave when the answer has none', async () => {
    const r = await renderLoaded();
    answerWith(closedAnswer('9101', 'done', null, { url: null, ownerName: null }));
    r.findByTestId(LoadingButton, `mark-done-9101`).trigger('onClick');
    await r.waitFor(() => expect(row(r, '9101').find(StatusTag).text).toBe('Done 2026-11-02'));
    expect(rowTexts(r, '9101')).toContain(PRIYA.name);
    expect(row(r, '9101').find(Link).props.href).toMatchObject({
      url: `https://app.hubspot.com/contacts/${PORTAL}/record/0-27/9101`,
    });
  });

  it('skips a task with the reason given, and shows the reason on the closed task', async () => {
    const r = await renderLoaded();
    r.findByTestId(Button, `skip-9102`).trigger('onClick');
    await r.waitFor(() => r.findByTestId(TextArea, `skip-reason-9102`));
    r.findByTestId(TextArea, `skip-reason-9102`).trigger(
      'onInput',
      '  Covered in Tuesday’s call  ' as never,
    );
    answerWith(closedAnswer('9102', 'skipped', 'Covered in Tuesday’s call'));
    r.findByTestId(LoadingButton, `skip-confirm-9102`).trigger('onClick');
    await r.waitFor(() => expect(row(r, '9102').find(StatusTag).text).toBe('Skipped 2026-11-02'));
    expect(call(1).parameters).toEqual({
      companyId: '101',
      taskId: '9102',
      outcome: 'skipped',
      note: 'Covered in Tuesday’s call',
    });
    expect(r.findByTestId(Text, `closed-note-9102`).text).toBe('Covered in Tuesday’s call');
    expect(summary(r)).toBe('2 open, 1 overdue · 2 created just now');
  });

  it('asks for a reason on the field before skipping, and sends nothing without one', async () => {
    const r = await renderLoaded();
    r.findByTestId(Button, `skip-9102`).trigger('onClick');
    await r.waitFor(() => r.findByTestId(TextArea, `skip-reason-9102`));
    r.findByTestId(TextArea, `skip-reason-9102`).trigger('onInput', '   ' as never);
    r.findByTestId(LoadingButton, `skip-confirm-9102`).trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(TextArea, `skip-reason-9102`).props).toMatchObject({
        error: true,
        validationMessage: 'Say why this task is skipped.',
      }),
    );
    expect(updateCalls()).toHaveLength(0);
    // Typing clears the message.
    r.findByTestId(TextArea, `skip-reason-9102`).trigger('onInput', 'Done by AE' as never);
    await r.waitFor(() =>
      expect(r.findByTestId(TextArea, `skip-reason-9102`).props.error).toBe(false),
    );
  });

  it('shows the function’s refusal of a reason on the field, not as an error page', async () => {
    const r = await renderLoaded();
    r.findByTestId(Button, `skip-9102`).trigger('onClick');
    await r.waitFor(() => r.findByTestId(TextArea, `skip-reason-9102`));
    r.findByTestId(TextArea, `skip-reason-9102`).trigger('onChange', 'x'.repeat(501) as never);
    answerWith({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The request was refused: note: keep it to 500 characters',
        reference: 'CS-0A1B2C3D',
        issues: [{ path: 'note', message: 'keep it to 500 characters' }],
      },
    });
    r.findByTestId(LoadingButton, `skip-confirm-9102`).trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(TextArea, `skip-reason-9102`).props.validationMessage).toBe(
        'keep it to 500 characters',
      ),
    );
    expect(r.maybeFind(ErrorState)).toBeNull();
    expect(r.findByTestId(LoadingButton, `skip-confirm-9102`).props.disabled).toBe(false);
  });

  it('sends one request for a double click, with the task’s buttons disabled meanwhile', async () => {
    const r = await renderLoaded();
    const release = pendingAnswer();
    r.findByTestId(LoadingButton, `mark-done-9093`).trigger('onClick');
    r.findByTestId(LoadingButton, `mark-done-9093`).trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(LoadingButton, `mark-done-9093`).props).toMatchObject({
        loading: true,
        disabled: true,
      }),
    );
    expect(r.findByTestId(Button, `skip-9093`).props.disabled).toBe(true);
    release(closedAnswer('9093', 'done'));
    await r.waitFor(() => expect(row(r, '9093').find(StatusTag).text).toBe('Done 2026-11-02'));
    expect(updateCalls()).toHaveLength(1);
  });

  it('keeps both tasks closed when two answers arrive together', async () => {
    const r = await renderLoaded();
    const first = pendingAnswer();
    const second = pendingAnswer();
    r.findByTestId(LoadingButton, `mark-done-9093`).trigger('onClick');
    r.findByTestId(LoadingButton, `mark-done-9101`).trigger('onClick');
    await r.waitFor(() => expect(updateCalls()).toHaveLength(2));
    first(closedAnswer('9093', 'done'));
    second(closedAnswer('9101', 'done'));
    await r.waitFor(() => expect(summary(r)).toBe('1 open, 0 overdue · 2 created just now'));
    expect(order(r)[0]).toBe('9102');
  });

  it('shows a failed update as the card’s error view, never HubSpot’s text, and retries it', async () => {
    const r = await renderLoaded();
    answerWith({
      ok: false,
      error: {
        code: 'crm_unavailable',
        message: 'HubSpot did not answer. Try again shortly.',
        reference: 'CS-1A2B3C4D',
      },
    });
    r.findByTestId(LoadingButton, `mark-done-9093`).trigger('onClick');
    await r.waitFor(() => row(r, '9093').find(ErrorState));
    const error = row(r, '9093').find(ErrorState);
    expect(error.props.title).toBe('The task was not updated');
    expect(error.findAll(Text).map((t) => t.text)).toEqual([
      'HubSpot did not answer. Try again shortly.',
      'Reference: CS-1A2B3C4D',
    ]);
    // The rest of the card stays as it was; the task stays open with its buttons.
    expect(r.findAll(Heading).map((h) => h.text)).toContain('Playbook tasks');
    expect(r.findByTestId(LoadingButton, `mark-done-9093`).props.disabled).toBe(false);

    answerWith(closedAnswer('9093', 'done'));
    row(r, '9093').find(Button, { testId: 'retry' }).trigger('onClick');
    await r.waitFor(() => expect(row(r, '9093').find(StatusTag).text).toBe('Done 2026-11-02'));
    expect(updateCalls()).toHaveLength(2);
    expect(r.maybeFind(ErrorState)).toBeNull();
  });

  it('turns a rejected update call into a sentence, not the bridge’s error', async () => {
    const r = await renderLoaded();
    serverless.mockRejectedValueOnce(new Error('HTTP-Code: 502 at worker.js:12'));
    r.findByTestId(LoadingButton, `mark-done-9093`).trigger('onClick');
    await r.waitFor(() => row(r, '9093').find(ErrorState));
    const shown = row(r, '9093')
      .findAll(Text)
      .map((t) => t.text ?? '')
      .join(' ');
    expect(shown).toContain('csops could not be reached.');
    expect(shown).not.toMatch(/502|worker/);
  });

  it('says so when the company has no playbook tasks', async () => {
    const answer = healthWithPlaybook();
    answer.data.playbook = { tasks: [], open: 0, overdue: 0, waiting: [], created: 0 };
    const r = await renderLoaded(answer);
    expect(r.findByTestId(Text, 'no-tasks').text).toBe('No playbook tasks for this company.');
    expect(r.maybeFindByTestId(Text, 'playbook-summary')).toBeNull();
  });

  it('shows the evaluation’s due steps as before when the answer has no playbook', async () => {
    const answer = healthWithPlaybook();
    delete answer.data.playbook;
    answerWith(answer);
    const r = createRenderer('crm.record.tab');
    r.render(<HealthCard companyId="101" portalId={PORTAL} />);
    await r.waitFor(() => r.findByTestId(Flex, 'actions'));
    expect(r.findAll(Heading).map((h) => h.text)).toContain('Playbook steps due');
    expect(r.findByTestId(Flex, 'action-alert').find(StatusTag).text).toBe('Due today');
    expect(r.maybeFindByTestId(Flex, 'playbook-tasks')).toBeNull();
    expect(r.maybeFind(LoadingButton, { testId: 'mark-done' })).toBeNull();
  });
});
