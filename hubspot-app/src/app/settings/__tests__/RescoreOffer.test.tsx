import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { Alert, Input, LoadingButton, Text, hubspot } from '@hubspot/ui-extensions';
import type * as UiExtensions from '@hubspot/ui-extensions';
import { defaultSettings } from '@csops/core';
import { SettingsPage } from '../SettingsPage.js';
import type { SettingsGetResponse } from '../functions.js';

vi.mock('@hubspot/ui-extensions', async (importOriginal) => {
  const actual = await importOriginal<typeof UiExtensions>();
  return { ...actual, hubspot: { ...actual.hubspot, serverless: vi.fn() } };
});
const serverless = vi.mocked(hubspot.serverless);
const answer = (...values: unknown[]) =>
  values.forEach((v) => serverless.mockResolvedValueOnce(v as never));
const calls = () =>
  serverless.mock.calls.map(([name, opts]) => ({ name, parameters: opts?.parameters }));

function getAnswer(version: number) {
  const data: SettingsGetResponse = {
    settings: defaultSettings(),
    version,
    isDefault: false,
    history: [],
    canEdit: true,
    cannotEditBecause: null,
    owners: [],
  };
  return { ok: true, data };
}

const saveAnswer = (changed: number) => ({
  ok: true,
  data: {
    saved: { version: 3 },
    settings: defaultSettings(),
    bandChanges: { scanned: 300, scored: 290, changed, moves: {}, complete: true },
  },
});

async function saveWith(changed: number) {
  answer(getAnswer(2), saveAnswer(changed), getAnswer(3));
  const r = createRenderer('settings');
  r.render(<SettingsPage addAlert={vi.fn()} />);
  await r.waitFor(() => r.findByTestId(Input, 'bands-green'));
  r.findByTestId(Input, 'bands-green').trigger('onInput', '80' as never);
  r.findByTestId(LoadingButton, 'save').trigger('onClick');
  await r.waitFor(() => expect(calls()[2]?.name).toBe('settings_get'));
  return r;
}

beforeEach(() => serverless.mockReset());

describe('the rescore offer after a save', () => {
  it('says how many accounts change band and rescores the whole portfolio on request', async () => {
    const r = await saveWith(12);
    await r.waitFor(() => r.findByTestId(Alert, 'rescore-offer'));
    expect(r.findByTestId(Alert, 'rescore-offer').text).toContain(
      '12 accounts change band under these settings',
    );
    answer(
      { ok: true, data: { done: false, lastId: '10150', written: 140, scanned: 150 } },
      { ok: true, data: { done: true, lastId: '10300', written: 130, scanned: 150 } },
    );
    r.findByTestId(LoadingButton, 'rescore-now').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Alert, 'rescore-done'));
    expect(calls().slice(3)).toEqual([
      { name: 'portfolio_rescore', parameters: {} },
      { name: 'portfolio_rescore', parameters: { afterId: '10150' } },
    ]);
    expect(r.findByTestId(Alert, 'rescore-done').text).toBe(
      '300 companies rescored under the new settings; 270 had a new result written.',
    );
  });

  it('offers nothing when no band moves', async () => {
    const r = await saveWith(0);
    expect(r.maybeFindByTestId(Alert, 'rescore-offer')).toBeNull();
  });

  it('keeps the offer, with the reason, when the rescore fails', async () => {
    const r = await saveWith(1);
    await r.waitFor(() => r.findByTestId(Alert, 'rescore-offer'));
    expect(r.findByTestId(Alert, 'rescore-offer').text).toContain('1 account changes band');
    answer({
      ok: false,
      error: {
        code: 'rate_limited',
        message: 'HubSpot is busy right now (too many requests). Try again in a minute.',
        reference: 'CS-0A1B2C3D',
      },
    });
    r.findByTestId(LoadingButton, 'rescore-now').trigger('onClick');
    await r.waitFor(() => expect(calls()).toHaveLength(4));
    await r.waitFor(() => r.findByTestId(LoadingButton, 'rescore-now'));
    expect(r.findByTestId(LoadingButton, 'rescore-now').props.loading).toBe(false);
    expect(r.findByTestId(Text, 'rescore-problem').text).toBe(
      'HubSpot is busy right now (too many requests). Try again in a minute. Reference: CS-0A1B2C3D',
    );
  });
});
