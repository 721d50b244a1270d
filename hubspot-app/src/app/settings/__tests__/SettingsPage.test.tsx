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
  Table,
  TableCell,
  Text,
  TextArea,
  Select,
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
        changes: ['Green from score: 65 → 70'],
        restoreChanges: [],
      },
      {
        version: 1,
        changedBy: 'morgan.reyes@csops-demo.example',
        changedAt: '2026-11-01T09:00:00.000Z',
        note: 'First calibration',
        restoredFrom: null,
        changes: ['Product usage weight: 20 → 25'],
        restoreChanges: ['Green from score: 70 → 65'],
      },
    ],
    canEdit: true,
    cannotEditBecause: null,
    owners: [
      { id: '101', firstName: 'Alex', lastName: 'Kim', email: 'alex.kim@csops-demo.example' },
      { id: '102', firstName: 'Sam', lastName: 'Lee', email: 'sam.lee@csops-demo.example' },
    ],
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
  await r.waitFor(() => r.findByTestId(Input, 'bands-green'));
  return { ...r, addAlert };
}

const total = MEASURE_KEYS.reduce((sum, k) => sum + defaultSettings().measures[k].weight, 0);

beforeEach(() => serverless.mockReset());

describe('csops settings page', () => {
  it('loads with one call and shows each weight as its share of the total', async () => {
    answer(getAnswer());
    const r = await renderPage();
    expect(calls()).toEqual([{ name: 'settings_get', parameters: {} }]);
    const usage = r.findByTestId(Input, 'weight-usage');
    expect(usage.props.value).toBe('25');
    expect(usage.props.description).toMatch(/^\d+(\.\d)?% of the total$/);
    // The shares shown add up to exactly 100, whatever rounding each would do on its own.
    const shown = MEASURE_KEYS.map((k) =>
      parseFloat(String(r.findByTestId(Input, `weight-${k}`).props.description)),
    );
    expect(Math.round(shown.reduce((a, b) => a + b, 0) * 10)).toBe(1000);

    r.findByTestId(Input, 'weight-usage').trigger('onInput', String(total - 25) as never);
    await r.waitFor(() =>
      expect(r.findByTestId(Input, 'weight-usage').props.description).toBe('50% of the total'),
    );
  });

  it('names the field the core refuses and keeps save and preview off until it is fixed', async () => {
    answer(getAnswer());
    const r = await renderPage();
    r.findByTestId(Input, 'bands-green').trigger('onInput', '30' as never);
    await r.waitFor(() => expect(r.findByTestId(Input, 'bands-green').props.error).toBe(true));
    expect(r.findByTestId(Input, 'bands-green').props.validationMessage).toBe(
      'Green from score must be above Yellow from score',
    );
    // The summary speaks the same words, never a settings path.
    expect(r.findByTestId(Alert, 'issues').text).toBe(
      'Green from score must be above Yellow from score',
    );
    expect(r.findByTestId(LoadingButton, 'save').props.disabled).toBe(true);
    expect(r.findByTestId(LoadingButton, 'preview-button').props.disabled).toBe(true);
    r.findByTestId(Input, 'bands-green').trigger('onInput', '75' as never);
    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'save').props.disabled).toBe(false));

    r.findByTestId(Input, 'renewal-stages').trigger('onInput', '180, soon' as never);
    await r.waitFor(() => expect(r.findByTestId(Input, 'renewal-stages').props.error).toBe(true));
    expect(r.findByTestId(Input, 'renewal-stages').props.validationMessage).toBe(
      'Renewal stage 2 must be a number',
    );
    expect(r.findByTestId(LoadingButton, 'save').props.disabled).toBe(true);
    r.findByTestId(Input, 'renewal-stages').trigger('onInput', '30, 90' as never);
    await r.waitFor(() =>
      expect(r.findByTestId(Input, 'renewal-stages').props.validationMessage).toBe(
        'Renewal stages must run from furthest to nearest, each once',
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
    r.findByTestId(Input, 'bands-green').trigger('onInput', '80' as never);
    await r.waitFor(() => expect(r.findByTestId(Input, 'bands-green').props.value).toBe('80'));
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
    r.findByTestId(Input, 'bands-green').trigger('onInput', '80' as never);
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

  it('sets a freshness window per kind of data, blank for the default one', async () => {
    answer(
      getAnswer(),
      { ok: true, data: { saved: { version: 3 }, settings: defaultSettings() } },
      getAnswer(),
    );
    const r = await renderPage();
    expect(r.findByTestId(Input, 'freshness-usage').props.label).toBe(
      'Usage data fresh for (days)',
    );
    expect(r.findByTestId(Input, 'freshness-contract').props.value).toBe('400');
    r.findByTestId(Input, 'freshness-usage').trigger('onInput', '14' as never);
    r.findByTestId(Input, 'freshness-contract').trigger('onInput', '' as never);
    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'save').props.disabled).toBe(false));
    expect(r.findByTestId(Input, 'freshness-contract').props.error).toBe(false);
    r.findByTestId(LoadingButton, 'save').trigger('onClick');
    await r.waitFor(() => expect(calls()[1]?.name).toBe('settings_save'));
    const saved = (calls()[1]?.parameters as { settings: ReturnType<typeof defaultSettings> })
      .settings;
    expect(saved.freshness.groupDays.usage).toBe(14);
    expect(saved.freshness.groupDays).not.toHaveProperty('contract');
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
        '2026-11-20 10:15 by morgan.reyes@csops-demo.example',
      ]),
    );
    expect(r.findByTestId(Text, 'changes-2').text).toBe(
      'Stricter bands — Green from score: 65 → 70',
    );
    expect(r.maybeFindByTestId(Button, 'restore-2')).toBeNull();
    r.findByTestId(Button, 'restore-1').trigger('onClick');
    // Nothing is restored until the admin has read what it changes and confirmed.
    await r.waitFor(() => r.findByTestId(Alert, 'confirm-restore'));
    expect(r.findByTestId(Alert, 'confirm-restore').find(Text).text).toContain(
      'Green from score: 70 → 65',
    );
    expect(calls()).toHaveLength(1);
    r.findByTestId(Button, 'cancel-restore').trigger('onClick');
    await r.waitFor(() => expect(r.maybeFindByTestId(Alert, 'confirm-restore')).toBeNull());
    expect(calls()).toHaveLength(1);
    r.findByTestId(Button, 'restore-1').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Button, 'confirm-restore-button'));
    r.findByTestId(Button, 'confirm-restore-button').trigger('onClick');
    await r.waitFor(() =>
      expect(r.addAlert).toHaveBeenCalledWith({
        type: 'success',
        message: 'Version 1 restored as version 3',
      }),
    );
    expect(calls()[1]).toEqual({ name: 'settings_restore', parameters: { version: 1 } });
  });

  it('keeps save off while a number field is blank or not a number, or nothing changed', async () => {
    const settings = defaultSettings();
    settings.csms = [
      { id: '101', name: 'Alex Kim', segments: ['smb'], maxArr: 900_000, maxAccounts: 40 },
    ];
    answer(getAnswer({ settings }));
    const r = await renderPage();
    // The saved settings unchanged: nothing to save, so no empty version can be written.
    expect(r.findByTestId(LoadingButton, 'save').props.disabled).toBe(true);
    expect(r.findByTestId(Text, 'pending').text).toContain('No changes to save');
    for (const [typed, message] of [
      ['', 'Green from score needs a number'],
      ['abc', 'Green from score must be a number'],
    ] as const) {
      r.findByTestId(Input, 'bands-green').trigger('onInput', typed as never);
      await r.waitFor(() =>
        expect(r.findByTestId(Input, 'bands-green').props.validationMessage).toBe(message),
      );
      expect(r.findByTestId(Input, 'bands-green').props.value).toBe(typed);
      expect(r.findByTestId(LoadingButton, 'save').props.disabled).toBe(true);
    }
    r.findByTestId(Input, 'csm-0-max-accounts').trigger('onInput', '2.5' as never);
    r.findByTestId(Input, 'bands-green').trigger('onInput', '75' as never);
    r.findByTestId(Input, 'renewal-stages').trigger('onInput', 'soon, 30, ninety' as never);
    await r.waitFor(() =>
      expect(r.findByTestId(Input, 'renewal-stages').props.validationMessage).toBe(
        'Renewal stage 1 must be a number; Renewal stage 3 must be a number',
      ),
    );
    expect(r.findByTestId(Input, 'csm-0-max-accounts').props.validationMessage).toBe(
      'CSM 1 max accounts must be a whole number',
    );
    expect(r.findByTestId(LoadingButton, 'save').props.disabled).toBe(true);
    r.findByTestId(LoadingButton, 'save').trigger('onClick');
    expect(calls().map((c) => c.name)).toEqual(['settings_get']);
  });

  it('picks a CSM from the portal’s owners, naming them', async () => {
    const settings = defaultSettings();
    settings.csms = [];
    answer(getAnswer({ settings }));
    const r = await renderPage();
    r.findByTestId(Button, 'add-csm').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Select, 'csm-0-owner'));
    const picker = r.findByTestId(Select, 'csm-0-owner');
    expect(picker.props.options).toEqual([
      { value: '101', label: 'Alex Kim (alex.kim@csops-demo.example)' },
      { value: '102', label: 'Sam Lee (sam.lee@csops-demo.example)' },
    ]);
    expect(picker.props.validationMessage).toBe('CSM 1 HubSpot owner cannot be empty');
    picker.trigger('onChange', '102' as never);
    await r.waitFor(() => expect(r.findByTestId(Input, 'csm-0-name').props.value).toBe('Sam Lee'));
    expect(r.findByTestId(Select, 'csm-0-owner').props.value).toBe('102');
    expect(r.findByTestId(Text, 'pending').text).toBe('Changes to save: CSM added: Sam Lee');
  });

  it('imports a settings file: checked by the core, previewed, then saved as a version', async () => {
    const file = defaultSettings();
    file.bands.green = 75;
    answer(
      getAnswer(),
      {
        ok: true,
        data: { scanned: 10, scored: 10, changed: 2, moves: { 'green→yellow': 2 }, complete: true },
      },
      { ok: true, data: { saved: { version: 3 } } },
      getAnswer({ version: 3, settings: file }),
    );
    const r = await renderPage();
    r.findByTestId(TextArea, 'import-text').trigger('onInput', '{ "version": 2, ' as never);
    await r.waitFor(() => expect(r.findByTestId(TextArea, 'import-text').props.value).not.toBe(''));
    r.findByTestId(Button, 'import-button').trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(TextArea, 'import-text').props.validationMessage).toBe(
        'This is not a settings file: it is not valid JSON',
      ),
    );
    expect(calls()).toHaveLength(1);

    r.findByTestId(TextArea, 'import-text').trigger(
      'onInput',
      JSON.stringify(file, null, 2) as never,
    );
    await r.waitFor(() => expect(r.findByTestId(TextArea, 'import-text').props.error).toBe(false));
    r.findByTestId(Button, 'import-button').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Alert, 'preview'));
    expect(calls()[1]?.name).toBe('settings_preview');
    expect(r.findByTestId(Input, 'bands-green').props.value).toBe('75');
    expect(r.findByTestId(Text, 'pending').text).toBe('Changes to save: Green from score: 70 → 75');
    r.findByTestId(LoadingButton, 'save').trigger('onClick');
    await r.waitFor(() =>
      expect(r.addAlert).toHaveBeenCalledWith({ type: 'success', message: 'Saved as version 3' }),
    );
    expect(calls()[2]).toEqual({
      name: 'settings_save',
      parameters: { settings: file, note: 'Imported settings file' },
    });
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
    expect(r.findByTestId(Input, 'bands-green').props.readOnly).toBe(true);
  });

  it('shows why a save was refused by the function', async () => {
    answer(getAnswer(), {
      ok: false,
      error: { code: 'forbidden', message: 'Only HubSpot super admins can change csops settings.' },
    });
    const r = await renderPage();
    r.findByTestId(Input, 'bands-green').trigger('onInput', '75' as never);
    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'save').props.disabled).toBe(false));
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
