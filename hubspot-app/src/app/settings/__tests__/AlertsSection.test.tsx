import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import {
  Button,
  Input,
  LoadingButton,
  Select,
  Text,
  ToggleGroup,
  hubspot,
} from '@hubspot/ui-extensions';
import type * as UiExtensions from '@hubspot/ui-extensions';
import { defaultSettings, type Settings } from '@csops/core';
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
    history: [],
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
const savedSettings = () =>
  (calls().find((c) => c.name === 'settings_save')?.parameters as { settings: Settings }).settings;

async function renderPage() {
  const r = createRenderer('settings');
  r.render(<SettingsPage />);
  await r.waitFor(() => r.findByTestId(Input, 'alerts-cooldown'));
  return r;
}

const SECRET_MESSAGE =
  'must be the name of the secret holding the webhook URL (capitals, digits and _), e.g. CSOPS_SLACK_WEBHOOK_URL';

beforeEach(() => serverless.mockReset());

describe('escalations and alerts on the settings page', () => {
  it('names the CS manager from the portal’s owners, storing id and name, and clears them', async () => {
    answer(getAnswer());
    const r = await renderPage();
    const picker = r.findByTestId(Select, 'manager');
    expect(picker.props.value).toBe('');
    expect(picker.props.options).toEqual([
      { value: '101', label: 'Alex Kim (alex.kim@csops-demo.example)' },
      { value: '102', label: 'Sam Lee (sam.lee@csops-demo.example)' },
    ]);
    expect(r.maybeFindByTestId(Button, 'manager-clear')).toBeNull();
    picker.trigger('onChange', '102' as never);
    await r.waitFor(() => expect(r.findByTestId(Select, 'manager').props.value).toBe('102'));
    expect(r.findByTestId(Text, 'pending').text).toContain('CS manager');

    r.findByTestId(Button, 'manager-clear').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Select, 'manager').props.value).toBe(''));
    expect(r.findByTestId(Text, 'pending').text).toBe(
      'No changes to save: the form holds the saved settings.',
    );

    answer({ ok: true, data: { saved: { version: 3 } } }, getAnswer({ version: 3 }));
    r.findByTestId(Select, 'manager').trigger('onChange', '101' as never);
    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'save').props.disabled).toBe(false));
    r.findByTestId(LoadingButton, 'save').trigger('onClick');
    await r.waitFor(() => expect(calls()[1]?.name).toBe('settings_save'));
    expect(savedSettings().team).toEqual({ manager: { id: '101', name: 'Alex Kim' } });
  });

  it('shows the core’s message on a lower-case secret name and on a channel without events, and will not save', async () => {
    answer(getAnswer());
    const r = await renderPage();
    r.findByTestId(Button, 'add-channel').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Input, 'channel-0-secret'));
    r.findByTestId(Input, 'channel-0-name').trigger('onInput', '#cs-alerts' as never);
    r.findByTestId(Input, 'channel-0-secret').trigger('onInput', 'csops_slack_url' as never);
    await r.waitFor(() => expect(r.findByTestId(Input, 'channel-0-secret').props.error).toBe(true));
    expect(r.findByTestId(Input, 'channel-0-secret').props.validationMessage).toContain(
      SECRET_MESSAGE,
    );
    expect(r.findByTestId(Input, 'channel-0-name').props.error).toBe(false);
    expect(r.findByTestId(LoadingButton, 'save').props.disabled).toBe(true);
    r.findByTestId(LoadingButton, 'save').trigger('onClick');
    expect(calls().map((c) => c.name)).toEqual(['settings_get']);

    r.findByTestId(ToggleGroup, 'channel-0-events').trigger('onChange', [] as never);
    await r.waitFor(() =>
      expect(r.findByTestId(ToggleGroup, 'channel-0-events').props.validationMessage).toContain(
        'must choose at least one event to send',
      ),
    );
  });

  it('saves a valid channel, its events and the cooldown in the settings sent to settings_save', async () => {
    answer(getAnswer(), { ok: true, data: { saved: { version: 3 } } }, getAnswer({ version: 3 }));
    const r = await renderPage();
    r.findByTestId(Button, 'add-channel').trigger('onClick');
    await r.waitFor(() => r.findByTestId(ToggleGroup, 'channel-0-events'));
    const events = r.findByTestId(ToggleGroup, 'channel-0-events');
    expect(events.props.options.map((o: { label: string }) => o.label)).toEqual([
      'Health band drops',
      'Critical renewal risk',
      'A champion leaving',
      'Renewals entering a stage',
      'Escalations falling due',
    ]);
    // An unnamed channel is refused on its name field.
    await r.waitFor(() =>
      expect(r.findByTestId(Input, 'channel-0-name').props.validationMessage).toContain(
        'needs a channel name, e.g. #cs-alerts',
      ),
    );
    r.findByTestId(Input, 'channel-0-name').trigger('onInput', '#cs-renewals' as never);
    r.findByTestId(Input, 'channel-0-secret').trigger('onInput', 'CSOPS_RENEWALS_WEBHOOK' as never);
    r.findByTestId(ToggleGroup, 'channel-0-events').trigger('onChange', [
      'renewal_stage',
      'escalation_due',
    ] as never);
    r.findByTestId(Input, 'alerts-cooldown').trigger('onInput', '48' as never);
    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'save').props.disabled).toBe(false));
    r.findByTestId(LoadingButton, 'save').trigger('onClick');
    await r.waitFor(() => expect(calls()[1]?.name).toBe('settings_save'));
    expect(savedSettings().alerts).toEqual({
      cooldownHours: 48,
      channels: [
        {
          name: '#cs-renewals',
          webhookSecret: 'CSOPS_RENEWALS_WEBHOOK',
          events: ['renewal_stage', 'escalation_due'],
        },
      ],
    });
  });

  it('removes a channel', async () => {
    const settings = defaultSettings();
    settings.alerts.channels = [
      { name: '#cs-alerts', webhookSecret: 'CSOPS_SLACK_WEBHOOK_URL', events: ['band_drop'] },
    ];
    answer(getAnswer({ settings }));
    const r = await renderPage();
    r.findByTestId(Button, 'channel-0-remove').trigger('onClick');
    await r.waitFor(() => r.findByTestId(Text, 'no-channels'));
    expect(r.maybeFindByTestId(Input, 'channel-0-name')).toBeNull();
  });

  it('is read-only for someone who may not manage settings', async () => {
    const settings = defaultSettings();
    settings.team = { manager: { id: '101', name: 'Alex Kim' } };
    settings.alerts.channels = [
      { name: '#cs-alerts', webhookSecret: 'CSOPS_SLACK_WEBHOOK_URL', events: ['band_drop'] },
    ];
    answer(getAnswer({ settings, canEdit: false, cannotEditBecause: 'Only super admins.' }));
    const r = await renderPage();
    expect(r.findByTestId(Select, 'manager').props.readOnly).toBe(true);
    expect(r.findByTestId(Select, 'manager').props.value).toBe('101');
    expect(r.findByTestId(Input, 'alerts-cooldown').props.readOnly).toBe(true);
    expect(r.findByTestId(Input, 'channel-0-name').props.readOnly).toBe(true);
    expect(r.findByTestId(Input, 'channel-0-secret').props.readOnly).toBe(true);
    expect(
      r
        .findByTestId(ToggleGroup, 'channel-0-events')
        .props.options.every((o: { readOnly?: boolean }) => o.readOnly === true),
    ).toBe(true);
    expect(r.maybeFindByTestId(Button, 'add-channel')).toBeNull();
    expect(r.maybeFindByTestId(Button, 'channel-0-remove')).toBeNull();
    expect(r.maybeFindByTestId(Button, 'manager-clear')).toBeNull();
  });
});
