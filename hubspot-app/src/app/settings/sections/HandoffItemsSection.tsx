import { Checkbox, Flex, Heading, MultiSelect, NumberInput } from '@hubspot/ui-extensions';
import {
  HANDOFF_ITEM_KEYS,
  HANDOFF_ITEM_LABELS,
  STAKEHOLDER_ROLES,
  STAKEHOLDER_ROLE_LABELS,
} from '@csops/core';
import { fieldProps } from '../form.js';
import type { SectionProps } from './WeightsSection.js';

export function HandoffItemsSection({ draft, issues, readOnly, set }: SectionProps) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Handoff checklist</Heading>
      {HANDOFF_ITEM_KEYS.map((k) => (
        <Flex key={k} direction="row" gap="sm" align="end">
          <NumberInput
            label={`${HANDOFF_ITEM_LABELS[k]} — weight`}
            name={`handoff.items.${k}.weight`}
            value={draft.handoff.items[k].weight}
            onChange={(v) => set(['handoff', 'items', k, 'weight'], v)}
            testId={`handoff-weight-${k}`}
            {...fieldProps(issues, `handoff.items.${k}.weight`, readOnly)}
          />
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
        options={STAKEHOLDER_ROLES.map((r) => ({ value: r, label: STAKEHOLDER_ROLE_LABELS[r] }))}
        onChange={(v) => set(['handoff', 'requiredStakeholderRoles'], v)}
        testId="handoff-roles"
        {...fieldProps(issues, 'handoff.requiredStakeholderRoles', readOnly)}
      />
    </Flex>
  );
}
