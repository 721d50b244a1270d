import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import {
  Accordion,
  Alert,
  Button,
  EmptyState,
  ErrorState,
  Flex,
  Link,
  LoadingButton,
  LoadingSpinner,
  ProgressBar,
  StatusTag,
  Text,
} from '@hubspot/ui-extensions';
import type * as UiExtensions from '@hubspot/ui-extensions';
import { defaultSettings, evaluateAccount } from '@csops/core';
import { GOLDEN_ACCOUNTS } from '@csops/core/fixtures';
import { HealthCard } from '../health/HealthCard.js';
import type { AccountHealthResponse } from '../common/responses.js';
import { answerWith, call, pendingAnswer, serverless } from './serverless-mock.js';

vi.mock('@hubspot/ui-extensions', async (importOriginal) => {
  const actual = await importOriginal<typeof UiExtensions>();
  return { ...actual, hubspot: { ...actual.hubspot, serverless: vi.fn() } };
});

/** What account_health answers for a golden account, computed by the core as the function does. */
function healthAnswer(key: string, openDeal: AccountHealthResponse['openExpansionDeal'] = null) {
  const golden = GOLDEN_ACCOUNTS.find((g) => g.key === key);
  if (!golden) throw new Error(`no golden account ${key}`);
  const evaluation = evaluateAccount(golden.snapshot, defaultSettings(), {
    previous: golden.previous,
    openExpansionDeal: openDeal !== null,
  });
  const data: AccountHealthResponse = {
    company: { id: '101', name: golden.snapshot.name ?? '' },
    asOf: golden.snapshot.asOf,
    settingsVersion: null,
    evaluation,
    openExpansionDeal: openDeal,
    dataIssues: [],
  };
  return { ok: true as const, data };
}

function renderCard() {
  const renderer = createRenderer('crm.record.tab');
  const addAlert = vi.fn();
  renderer.render(<HealthCard companyId="101" portalId={123} addAlert={addAlert} />);
  return { ...renderer, addAlert };
}

const texts = (r: ReturnType<typeof renderCard>) => r.findAll(Text).map((t) => t.text ?? '');

beforeEach(() => serverless.mockReset());

describe('Customer health card', () => {
  it('shows a spinner while the account is scored, with one function call for the company', async () => {
    const release = pendingAnswer();
    const r = renderCard();
    expect(r.find(LoadingSpinner).props.label).toBe('Scoring this account…');
    await vi.waitFor(() => expect(serverless).toHaveBeenCalledTimes(1));
    expect(call(0)).toEqual({ name: 'account_health', parameters: { companyId: '101' } });
    release(healthAnswer('healthy-enterprise'));
    await r.waitFor(() => expect(r.maybeFind(LoadingSpinner)).toBeNull());
  });

  it('shows score, band, trend and the reasons behind the score', async () => {
    const answer = healthAnswer('healthy-enterprise');
    answerWith(answer);
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(ProgressBar, 'score'));
    const health = answer.data.evaluation.health;
    expect(r.findByTestId(ProgressBar, 'score').props.value).toBe(health.score);
    expect(r.findByTestId(StatusTag, 'band').text).toBe('Green');
    expect(r.findByTestId(Text, 'trend').text).toContain('since 2026-10-26');
    const shown = texts(r);
    const top = [...health.drivers]
      .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact))
      .slice(0, 3);
    expect(top.length).toBeGreaterThan(0);
    for (const d of top) expect(shown).toContain(d.reason);
    expect(r.maybeFindByTestId(Alert, 'coverage-warning')).toBeNull();
  });

  it('shows a measure in the red range even when three others moved the score more', async () => {
    const answer = healthAnswer('overdue-invoices');
    const health = answer.data.evaluation.health;
    const billing = health.drivers.find((d) => d.measure === 'billing');
    const top = [...health.drivers]
      .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact))
      .slice(0, 3);
    expect(billing?.direction).toBe('negative');
    expect(top).not.toContain(billing);
    answerWith(answer);
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(Flex, 'drivers'));
    expect(r.findByTestId(Text, 'driver-billing').text).toBe(billing?.reason);
  });

  it('keeps every measure one click away', async () => {
    const answer = healthAnswer('healthy-enterprise');
    answerWith(answer);
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(Accordion, 'all-measures'));
    const all = r.findByTestId(Accordion, 'all-measures');
    const drivers = answer.data.evaluation.health.drivers;
    expect(all.props.title).toBe(`All measures (${drivers.length})`);
    expect(all.props.defaultOpen ?? false).toBe(false);
    for (const d of drivers)
      expect(r.findByTestId(Text, `measure-${d.measure}`).text).toBe(d.reason);
  });

  it('names a red band Red beside a Critical renewal risk, so the two never read alike', async () => {
    const answer = healthAnswer('fell-to-red-with-open-deal');
    expect(answer.data.evaluation.health.band).toBe('red');
    expect(answer.data.evaluation.risk.level).toBe('critical');
    answerWith(answer);
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(StatusTag, 'band'));
    const band = r.findByTestId(StatusTag, 'band');
    expect(band.text).toBe('Red');
    expect(band.props.variant).toBe('danger');
    expect(r.findByTestId(StatusTag, 'risk-level').text).toBe('Critical');
  });

  it('draws the score in the colour of its band, whatever the score, for every scored golden account', async () => {
    const variant = { green: 'success', yellow: 'warning', red: 'danger' } as const;
    const scored = GOLDEN_ACCOUNTS.filter((g) => healthAnswer(g.key).data.evaluation.health.band);
    // A red score above 33 and a yellow one above 66 are where fixed cut-offs would disagree.
    expect(scored.map((g) => healthAnswer(g.key).data.evaluation.health.band)).toEqual(
      expect.arrayContaining(['green', 'yellow', 'red']),
    );
    for (const golden of scored) {
      serverless.mockReset();
      const answer = healthAnswer(golden.key);
      const band = answer.data.evaluation.health.band;
      if (!band) continue;
      answerWith(answer);
      const r = renderCard();
      await r.waitFor(() => r.findByTestId(ProgressBar, 'score'));
      expect(r.findByTestId(ProgressBar, 'score').props.variant).toBe(variant[band]);
      expect(r.findByTestId(StatusTag, 'band').props.variant).toBe(variant[band]);
    }
  });

  it('shows renewal risk with days to renewal, ARR at risk and why', async () => {
    const answer = healthAnswer('downgrade-near-renewal');
    answerWith(answer);
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(ProgressBar, 'score'));
    const risk = answer.data.evaluation.risk;
    expect(r.findByTestId(StatusTag, 'risk-level').text).toBe('High');
    expect(r.findByTestId(Text, 'days-to-renewal').text).toBe(
      `${risk.daysToRenewal} days (2026-11-22)`,
    );
    expect(r.findByTestId(Text, 'arr-at-risk').text).toContain('of $110,000');
    const shown = texts(r);
    for (const reason of risk.reasons) expect(shown).toContain(reason.message);
  });

  it('lists the playbook steps that are due', async () => {
    const answer = healthAnswer('champion-left');
    answerWith(answer);
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(ProgressBar, 'score'));
    const shown = texts(r);
    expect(answer.data.evaluation.actions.length).toBeGreaterThan(0);
    for (const a of answer.data.evaluation.actions) expect(shown).toContain(a.title);
    expect(shown).toContain('Identify and meet a new champion');
  });

  it('labels a step due today "Due today", and overdue only once its day has passed', async () => {
    // Fell to red at asOf: the alert is due today, the diagnosis in two days.
    const answer = healthAnswer('fell-to-red-with-open-deal');
    answerWith(answer);
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(Flex, 'action-alert'));
    const tagsOf = (step: string) =>
      r
        .findByTestId(Flex, `action-${step}`)
        .findAll(StatusTag)
        .map((t) => t.text);
    expect(tagsOf('alert')).toEqual(['Due today']);
    expect(tagsOf('diagnose')).toEqual([]);
    expect(texts(r)).toContain(
      'Red health recovery · only if “Health dropped to red” is still open',
    );
  });

  it('warns when the score rests on little or stale data', async () => {
    const answer = healthAnswer('new-in-onboarding');
    answerWith(answer);
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(ProgressBar, 'score'));
    expect(answer.data.evaluation.health.missing).toContain('support');
    const warning = r.findByTestId(Alert, 'coverage-warning');
    expect(warning.text).toContain('No data for');
    expect(warning.text).toContain('Support');
  });

  it('shows an empty state with a refresh when nothing is known about the company', async () => {
    answerWith(healthAnswer('no-data'), healthAnswer('healthy-enterprise'));
    const r = renderCard();
    await r.waitFor(() => r.find(EmptyState));
    expect(r.find(EmptyState).props.title).toBe('No health data yet');
    r.findByTestId(Button, 'refresh').trigger('onClick');
    await r.waitFor(() => r.findByTestId(ProgressBar, 'score'));
    expect(serverless).toHaveBeenCalledTimes(2);
    expect(call(1)).toEqual({ name: 'account_health', parameters: { companyId: '101' } });
  });

  it('shows the error and retries on request', async () => {
    answerWith(
      {
        ok: false,
        error: { code: 'crm_unavailable', message: 'HubSpot did not answer. Try again shortly.' },
      },
      healthAnswer('healthy-enterprise'),
    );
    const r = renderCard();
    await r.waitFor(() => r.find(ErrorState));
    expect(r.find(ErrorState).props.title).toBe('This could not be loaded');
    expect(texts(r)).toContain('HubSpot did not answer. Try again shortly.');
    r.findByTestId(Button, 'retry').trigger('onClick');
    await r.waitFor(() => r.findByTestId(ProgressBar, 'score'));
  });

  it('treats a rejected call like an error, not a crash', async () => {
    serverless.mockRejectedValueOnce(new Error('timeout'));
    const r = renderCard();
    await r.waitFor(() => r.find(ErrorState));
    expect(texts(r).join(' ')).toContain('csops could not be reached.');
    expect(texts(r).join(' ')).not.toContain('timeout');
  });

  it('says which permission is missing instead of offering a retry', async () => {
    answerWith({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'The csops app is missing a permission (scope) for this data.',
      },
    });
    const r = renderCard();
    await r.waitFor(() => r.find(ErrorState));
    expect(r.find(ErrorState).props.title).toBe('Missing permission');
    expect(r.find(ErrorState).props.type).toBe('lock');
    expect(r.maybeFindByTestId(Button, 'retry')).toBeNull();
  });
});

describe('Create expansion deal', () => {
  const created = {
    ok: true,
    data: {
      created: true,
      deal: { id: '9001', name: 'Brightline Retail — seats', amount: 27000, key: 'k' },
    },
  };

  it('offers the draft, creates the deal for this company and links to it', async () => {
    const answer = healthAnswer('expansion-ready');
    expect(answer.data.evaluation.expansion.draft).not.toBeNull();
    answerWith(answer, created);
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(LoadingButton, 'create-expansion'));
    expect(r.findByTestId(Text, 'expansion-draft').text).toContain(
      answer.data.evaluation.expansion.draft?.name ?? '?',
    );
    r.findByTestId(LoadingButton, 'create-expansion').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Link, 'expansion-deal-link'));
    expect(call(1)).toEqual({ name: 'create_expansion_deal', parameters: { companyId: '101' } });
    const link = r.findByTestId(Link, 'expansion-deal-link');
    expect(link.text).toBe('Open expansion deal: Brightline Retail — seats');
    expect(link.props.href).toEqual({
      url: 'https://app.hubspot.com/contacts/123/record/0-3/9001',
      external: false,
    });
    expect(r.addAlert).toHaveBeenCalledWith({
      type: 'success',
      message: 'Created “Brightline Retail — seats”',
    });
    expect(r.maybeFindByTestId(LoadingButton, 'create-expansion')).toBeNull();
  });

  it('offers no deal to an account at risk and says why expansion waits', async () => {
    const answer = healthAnswer('fell-to-red-with-open-deal');
    expect(answer.data.evaluation.expansion.signals.length).toBeGreaterThan(0);
    answerWith(answer);
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(Flex, 'expansion-held-back'));
    expect(r.maybeFindByTestId(LoadingButton, 'create-expansion')).toBeNull();
    expect(r.maybeFindByTestId(Text, 'expansion-draft')).toBeNull();
    const held = r
      .findByTestId(Flex, 'expansion-held-back')
      .findAll(Text)
      .map((t) => t.text);
    expect(held).toEqual([
      'Expansion waits until the account is out of risk:',
      'Renewal risk is critical',
      'Billing trouble: 3 overdue invoices, 95 days past due, 2 failed payments in 90 days',
    ]);
  });

  it('sends one request for a double click', async () => {
    answerWith(healthAnswer('expansion-ready'));
    const release = pendingAnswer();
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(LoadingButton, 'create-expansion'));
    r.findByTestId(LoadingButton, 'create-expansion').trigger('onClick');
    r.findByTestId(LoadingButton, 'create-expansion').trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(LoadingButton, 'create-expansion').props.loading).toBe(true),
    );
    release(created);
    await r.waitFor(() => r.findByTestId(Link, 'expansion-deal-link'));
    expect(serverless.mock.calls.filter(([name]) => name === 'create_expansion_deal')).toHaveLength(
      1,
    );
  });

  it('links to the open expansion deal instead of offering a second one', async () => {
    answerWith(
      healthAnswer('expansion-ready', {
        id: '77',
        name: 'Brightline Retail — seats',
        amount: 1,
        key: 'k',
      }),
    );
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(Link, 'expansion-deal-link'));
    expect(r.maybeFindByTestId(LoadingButton, 'create-expansion')).toBeNull();
  });

  it('keeps the button and explains when the deal could not be created', async () => {
    answerWith(healthAnswer('expansion-ready'), {
      ok: false,
      error: { code: 'crm_unavailable', message: 'HubSpot did not answer. Try again shortly.' },
    });
    const r = renderCard();
    await r.waitFor(() => r.findByTestId(LoadingButton, 'create-expansion'));
    r.findByTestId(LoadingButton, 'create-expansion').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Alert, 'expansion-error'));
    expect(r.findByTestId(Alert, 'expansion-error').text).toContain('HubSpot did not answer');
    expect(r.findByTestId(LoadingButton, 'create-expansion').props.loading).toBe(false);
  });
});
