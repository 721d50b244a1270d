import { Flex, Heading, NumberInput } from '@hubspot/ui-extensions';
import type { Settings } from '@csops/core';
import { fieldProps } from '../form.js';
import type { SectionProps } from './WeightsSection.js';

const FIELDS: { key: keyof Settings['expansion']; label: string }[] = [
  { key: 'seatUtilisationOver', label: 'Seat utilisation over (%)' },
  { key: 'adoptionMilestonePercent', label: 'Adoption milestone (% of features)' },
  { key: 'minHealthScore', label: 'Healthy means a score of at least' },
  { key: 'healthyWithinMonthsOfRenewal', label: 'Healthy within months of renewal' },
  { key: 'upliftPercent', label: 'Uplift on ARR for the estimate (%)' },
];

export function ExpansionTriggersSection({ draft, issues, readOnly, set }: SectionProps) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Expansion triggers</Heading>
      {FIELDS.map((f) => (
        <NumberInput
          key={f.key}
          label={f.label}
          name={`expansion.${f.key}`}
          value={draft.expansion[f.key]}
          onChange={(v) => set(['expansion', f.key], v)}
          testId={`expansion-${f.key}`}
          {...fieldProps(issues, `expansion.${f.key}`, readOnly)}
        />
      ))}
    </Flex>
  );
}
