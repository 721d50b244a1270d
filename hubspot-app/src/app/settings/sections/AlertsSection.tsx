import {
  Box,
  Button,
  Flex,
  Heading,
  Input,
  Select,
  Text,
  ToggleGroup,
} from '@hubspot/ui-extensions';
import {
  ALERT_EVENTS,
  ALERT_EVENT_LABELS,
  settingsFieldLabel,
  type AlertChannel,
} from '@csops/core';
import type { Owner } from '../functions.js';
import { fieldProps } from '../form.js';
import { ownerName, ownerOptions } from './owners.js';
import { SettingNumber } from './SettingNumber.js';
import type { SectionProps } from './WeightsSection.js';

export interface AlertsSectionProps extends SectionProps {
  owners: Owner[];
}

// The core's event words are written for sentences ("health band drops"); options start capitalised.
const eventOptions = (readOnly: boolean) =>
  ALERT_EVENTS.map((e) => {
    const words = ALERT_EVENT_LABELS[e];
    return { value: e, label: words.charAt(0).toUpperCase() + words.slice(1), readOnly };
  });

const NEW_CHANNEL: AlertChannel = {
  name: '',
  webhookSecret: 'CSOPS_SLACK_WEBHOOK_URL',
  events: ['band_drop', 'critical_renewal_risk'],
};

/** Who gets playbook escalations, and which Slack channels hear about which events. */
export function AlertsSection({ draft, issues, readOnly, set, owners }: AlertsSectionProps) {
  const manager = draft.team.manager;
  const channels = draft.alerts.channels;
  const pickManager = (id: string) => {
    if (!id) {
      // Nobody named: the key goes, so the saved settings read as they did before a manager.
      const { manager: _, ...team } = draft.team;
      return set(['team'], team);
    }
    const owner = owners.find((o) => o.id === id);
    // A manager who has left the portal keeps the name saved with them.
    const name = owner ? ownerName(owner) : (manager?.name ?? `Owner ${id}`);
    set(['team', 'manager'], { id, name });
  };
  const managerProps = fieldProps(issues, 'team.manager', readOnly);
  return (
    <Flex direction="column" gap="xs">
      <Heading>Escalations and alerts</Heading>
      <Flex direction="row" gap="xs" align="end" wrap="wrap">
        {owners.length > 0 || manager ? (
          <Select
            label={settingsFieldLabel('team.manager')}
            name="team.manager.id"
            value={manager?.id ?? ''}
            placeholder="Nobody: escalations go to the account’s CSM"
            options={ownerOptions(owners, manager?.id ?? '')}
            onChange={(v) => pickManager(String(v))}
            testId="manager"
            {...managerProps}
          />
        ) : (
          <Text testId="manager-owners-missing">
            HubSpot’s owners could not be listed, so no CS manager can be chosen: escalations go to
            the account’s CSM.
          </Text>
        )}
        {manager && !readOnly ? (
          <Button variant="transparent" onClick={() => pickManager('')} testId="manager-clear">
            Clear
          </Button>
        ) : null}
      </Flex>
      {/* In a row, the hours box keeps its own width instead of the whole section's. */}
      <Flex direction="row">
        <SettingNumber
          path={['alerts', 'cooldownHours']}
          value={draft.alerts.cooldownHours}
          description="The same alert for the same account is not sent again sooner."
          testId="alerts-cooldown"
          issues={issues}
          readOnly={readOnly}
          set={set}
        />
      </Flex>
      <Text format={{ fontWeight: 'demibold' }}>{settingsFieldLabel('alerts.channels')}</Text>
      {channels.length === 0 ? (
        <Text testId="no-channels">No Slack channels: csops sends no alerts.</Text>
      ) : null}
      {channels.map((channel, i) => (
        // Wraps at narrow widths: the events list needs its own line beside two text fields.
        <Flex key={i} direction="row" gap="sm" align="start" wrap="wrap">
          <Box flex={1}>
            <Input
              label="Channel"
              name={`alerts.channels.${i}.name`}
              value={channel.name}
              placeholder="#cs-alerts"
              onInput={(v) => set(['alerts', 'channels', i, 'name'], v)}
              testId={`channel-${i}-name`}
              {...fieldProps(issues, `alerts.channels.${i}.name`, readOnly)}
            />
          </Box>
          <Box flex={1}>
            <Input
              label="Webhook secret name"
              name={`alerts.channels.${i}.webhookSecret`}
              value={channel.webhookSecret}
              placeholder="CSOPS_SLACK_WEBHOOK_URL"
              onInput={(v) => set(['alerts', 'channels', i, 'webhookSecret'], v)}
              testId={`channel-${i}-secret`}
              {...fieldProps(issues, `alerts.channels.${i}.webhookSecret`, readOnly)}
            />
          </Box>
          <Box flex={2}>
            <ToggleGroup
              toggleType="checkboxList"
              label="Send"
              name={`alerts.channels.${i}.events`}
              value={channel.events}
              options={eventOptions(readOnly)}
              onChange={(v) => set(['alerts', 'channels', i, 'events'], v)}
              testId={`channel-${i}-events`}
              {...withoutReadOnly(fieldProps(issues, `alerts.channels.${i}.events`, readOnly))}
            />
          </Box>
          {readOnly ? null : (
            <Button
              variant="transparent"
              onClick={() =>
                set(
                  ['alerts', 'channels'],
                  channels.filter((_, j) => j !== i),
                )
              }
              testId={`channel-${i}-remove`}
            >
              Remove
            </Button>
          )}
        </Flex>
      ))}
      <Text variant="microcopy" testId="webhook-hint">
        The webhook URL itself goes into the app’s secrets and the scheduled run’s environment under
        the secret’s name, never into these settings.
      </Text>
      {readOnly ? null : (
        <Button
          onClick={() => set(['alerts', 'channels'], [...channels, NEW_CHANNEL])}
          testId="add-channel"
        >
          Add Slack channel
        </Button>
      )}
    </Flex>
  );
}

// A checkbox list is made read-only option by option, not as a whole.
function withoutReadOnly({ readOnly: _, ...rest }: ReturnType<typeof fieldProps>) {
  return rest;
}
