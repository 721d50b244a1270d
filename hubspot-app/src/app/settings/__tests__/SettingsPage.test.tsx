import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import {
  Alert,
  Button,
  ErrorState,
  Input,
  LoadingButton,
  LoadingSpinner,
  MultiSelect,
  NumberInput,
  Table,
  TableCell,
  hubspot,
} from '@hubspot/ui-extensions';
import type * as UiExtensions from '@hubspot/ui-extensions';
import { defaultSettings, MEASURE_KEYS } from '@csops/core';
import { SettingsPage } from '../SettingsPage.js';
import type { SettingsGetResponse } from '../functions.js';

vi.mock('@hubspot/ui-extensions', async (importOriginal) => {
  const actual = await importOriginal<typeof UiExtensions>();
  return { ...actual, hubspot: { ...actual.hubspot, serverless: vi.fn() } };
});
const serverless = vi.mocked(hubspot.serverless);

function getAnswer(overrides: Partial<SettingsGetResponse> = {}) {
  const data: SettingsGetResponse = {
    settings: defaultSettings(),
    version: 2,
    isDefault: false,
    history: [
      {
        version: 2,
        changedBy: 'morgan.reyes@csops-demo.example',
        changedAt: '2026-11-20T10:15:00.000Z',
        note: 'Stricter bands',
        restoredFrom: null,
      },
      {
        version: 1,
        changedBy: 'morgan.reyes@csops-demo.example',
        changedAt: '2026-11-01T09:00:00.000Z',
        note: 'First calibration',
        restoredFrom: null,
      },
    ],
    canEdit: true,
    cannotEditBecause: null,
    ...overrides,
  };
  return { ok: true, data };
}

const answer = (...values: unknown[]) =>
  values.forEach((v) => serverless.mockResolvedValueOnce(v as never));
const calls = () =>
  serverless.mock.calls.map(([name, opts]) => ({ name, parameters: opts?.parameters }));

async function renderPage() {
  const r = createRenderer('settings');
  const addAlert = vi.fn();
  r.render(<SettingsPage addAlert={addAlert} />);
  expect(r.find(LoadingSpinner)).toBeDefined();
  await r.waitFor(() => r.findByTestId(NumberInput, 'bands-green'));
  return { ...r, addAlert };
}

const total = MEASURE_KEYS.reduce((sum, k) => sum + defaultSettings().measures[k].weight, 0);

beforeEach(() => serverless.mockReset());

describe('csops settings page', () => {
  it('loads with one call and shows each weight as its share of the total', async () => {
    answer(getAnswer());
    const r = await renderPage();
    expect(calls()).toEqual([{ name: 'settings_get', parameters: {} }]);
    const usage = r.findByTestId(NumberInput, 'weight-usage');
    expect(usage.props.value).toBe(25);
    expect(usage.props.description).toBe(`${Math.round((25 / total) * 1000) / 10}% of the total`);

    r.findByTestId(NumberInput, 'weight-usage').trigger('onChange', (total - 25) as never);
    await r.waitFor(() =>
      expect(r.findByTestId(NumberInput, 'weight-usage').props.description).toBe(
        '50% of the total',
      ),
    );
  });

  it('names the field the core refuses and keeps save and preview off until it is fixed', async () => {
    answer(getAnswer());
    const r = await renderPage();
    r.findByTestId(NumberInput, 'bands-green').trigger('onChange', 30 as never);
    await r.waitFor(() =>
      expect(r.findByTestId(NumberInput, 'bands-green').props.error).toBe(true),
    );
    expect(r.findByTestId(NumberInput, 'bands-green').props.validationMessage).toBe(
      'green must start above yellow',
    );
    expect(r.findByTestId(LoadingButton, 'save').props.disabled).toBe(true);
    expect(r.findByTestId(LoadingButton, 'preview-button').props.disabled).toBe(true);
    r.findByTestId(NumberInput, 'bands-green').trigger('onChange', 75 as never);
    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'save').props.disabled).toBe(false));

    r.findByTestId(Input, 'renewal-stages').trigger('onInput', '180, soon' as never);
    await r.waitFor(() => expect(r.findByTestId(Input, 'renewal-stages').props.error).toBe(true));
    expect(r.findByTestId(Input, 'renewal-stages').props.validationMessage).toContain(
      'whole numbers',
    );
    r.findByTestId(Input, 'renewal-stages').trigger('onInput', '30, 90' as never);
    await r.waitFor(() =>
      expect(r.findByTestId(Input, 'renewal-stages').props.validationMessage).toBe(
        'list stages from furthest to nearest, each once',
      ),
    );
  });

  it('lists the stakeholder roles as option labels, capitalised like the handoff card', async () => {
    answer(getAnswer());
    const r = await renderPage();
    const roles = r.findByTestId(MultiSelect, 'handoff-roles');
    expect(roles.props.options.map((o) => o.label)).toEqual([
      'Champion',
      'Executive sponsor',
      'Admin',
      'User',
      'Other contact',
    ]);
  });

  it('previews how many accounts change band under the draft', async () => {
    answer(getAnswer(), {
      ok: true,
      data: {
        scanned: 300,
        scored: 300,
        changed: 12,
        moves: { 'green→yellow': 9, 'yellow→red': 3 },
        complete: true,
      },
    });
    const r = await renderPage();
    r.findByTestId(NumberInput, 'bands-green').trigger('onChange', 80 as never);
    await r.waitFor(() => expect(r.findByTestId(NumberInput, 'bands-green').props.value).toBe(80));
    r.findByTestId(LoadingButton, 'preview-button').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Alert, 'preview'));
    expect(calls()[1]?.name).toBe('settings_preview');
    expect((calls()[1]?.parameters as { settings: { bands: unknown } }).settings.bands).toEqual({
      green: 80,
      yellow: 45,
    });
    expect(r.findByTestId(Alert, 'preview').text).toBe(
      '12 of 300 accounts would change band (Green → Yellow: 9, Yellow → Red: 3).',
    );
  });

  it('saves the draft with a note, then shows the new history', async () => {
    const saved = defaultSettings();
    saved.bands.green = 80;
    answer(
      getAnswer(),
      { ok: true, data: { saved: { version: 3 } } },
      getAnswer({ version: 3, settings: saved }),
    );
    const r = await renderPage();
    r.findByTestId(NumberInput, 'bands-green').trigger('onChange', 80 as never);
    r.findByTestId(Input, 'note').trigger('onInput', 'After Q3 back-test' as never);
    await r.waitFor(() =>
      expect(r.findByTestId(Input, 'note').props.value).toBe('After Q3 back-test'),
    );
    r.findByTestId(LoadingButton, 'save').trigger('onClick');
    await r.waitFor(() =>
      expect(r.addAlert).toHaveBeenCalledWith({ type: 'success', message: 'Saved as version 3' }),
    );
    const save = calls()[1];
    expect(save?.name).toBe('settings_save');
    expect(save?.parameters).toMatchObject({
      note: 'After Q3 back-test',
      settings: { bands: { green: 80, yellow: 45 } },
    });
    expect(calls()[2]?.name).toBe('settings_get');
  });

  it('shows the history with who and when, and restores an earlier version', async () => {
    answer(getAnswer(), { ok: true, data: { saved: { version: 3 } } }, getAnswer({ version: 3 }));
    const r = await renderPage();
    const cells = r
      .findByTestId(Table, 'history')
      .findAll(TableCell)
      .map((c) => c.text);
    expect(cells).toEqual(
      expect.arrayContaining([
        '2 (current)',
        '2026-11-20 10:15',
        'morgan.reyes@csops-demo.example',
        'Stricter bands',
      ]),
    );
    expect(r.maybeFindByTestId(Button, 'restore-2')).toBeNull();
    r.findByTestId(Button, 'restore-1').trigger('onClick');
    await r.waitFor(() =>
      expect(r.addAlert).toHaveBeenCalledWith({
        type: 'success',
        message: 'Version 1 restored as version 3',
      }),
    );
    expect(calls()[1]).toEqual({ name: 'settings_restore', parameters: { version: 1 } });
  });

  it('is view-only for someone who may not manage settings', async () => {
    answer(
      getAnswer({
        canEdit: false,
        cannotEditBecause: 'Only HubSpot super admins can change csops settings.',
      }),
    );
    const r = await renderPage();
    expect(r.findByTestId(Alert, 'read-only').text).toContain('Only HubSpot super admins');
    expect(r.maybeFindByTestId(LoadingButton, 'save')).toBeNull();
    expect(r.maybeFindByTestId(Button, 'restore-1')).toBeNull();
    expect(r.findByTestId(NumberInput, 'bands-green').props.readOnly).toBe(true);
  });

  it('shows why a save was refused by the function', async () => {
    answer(getAnswer(), {
      ok: false,
      error: { code: 'forbidden', message: 'Only HubSpot super admins can change csops settings.' },
    });
    const r = await renderPage();
    r.findByTestId(LoadingButton, 'save').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Alert, 'problem'));
    expect(r.findByTestId(Alert, 'problem').text).toContain('super admins');
  });

  it('shows an error state when settings cannot be loaded', async () => {
    answer({
      ok: false,
      error: { code: 'crm_unavailable', message: 'HubSpot did not answer. Try again shortly.' },
    });
    const r = createRenderer('settings');
    r.render(<SettingsPage />);
    await r.waitFor(() => r.find(ErrorState));
    expect(r.find(ErrorState).props.title).toBe('Settings could not be loaded');
  });
});
