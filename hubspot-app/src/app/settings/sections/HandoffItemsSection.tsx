import { Box, Checkbox, Flex, Heading, MultiSelect } from '@hubspot/ui-extensions';
import { HANDOFF_ITEM_KEYS, STAKEHOLDER_ROLES, STAKEHOLDER_ROLE_LABELS } from '@csops/core';
import { fieldProps } from '../form.js';
import { SettingNumber } from './SettingNumber.js';
import type { SectionProps } from './WeightsSection.js';

// The core's role words are written for sentences ("the executive sponsor"); options start capitalised.
function optionLabel(role: (typeof STAKEHOLDER_ROLES)[number]): string {
  const words = STAKEHOLDER_ROLE_LABELS[role];
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function HandoffItemsSection({ draft, issues, readOnly, set }: SectionProps) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Handoff checklist</Heading>
      {HANDOFF_ITEM_KEYS.map((k) => (
        <Flex key={k} direction="row" gap="sm" align="end">
          {/* Every weight box the same width, so the required ticks line up. */}
          <Box flex={1}>
            <SettingNumber
              path={['handoff', 'items', k, 'weight']}
              value={draft.handoff.items[k].weight}
              testId={`handoff-weight-${k}`}
              issues={issues}
              readOnly={readOnly}
              set={set}
            />
          </Box>
          <Checkbox
            name={`handoff.items.${k}.required`}
            checked={draft.handoff.items[k].required}
            readOnly={readOnly}
            onChange={(checked) => set(['handoff', 'items', k, 'required'], checked)}
            testId={`handoff-required-${k}`}
          >
            Required to submit
          </Checkbox>
        </Flex>
      ))}
      <MultiSelect
        label="Stakeholder roles the handoff must name"
        name="handoff.requiredStakeholderRoles"
        value={draft.handoff.requiredStakeholderRoles}
        options={STAKEHOLDER_ROLES.map((r) => ({ value: r, label: optionLabel(r) }))}
        onChange={(v) => set(['handoff', 'requiredStakeholderRoles'], v)}
        testId="handoff-roles"
        {...fieldProps(issues, 'handoff.requiredStakeholderRoles', readOnly)}
      />
    </Flex>
  );
}
