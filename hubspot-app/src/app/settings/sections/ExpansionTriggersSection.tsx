import { Flex, Heading } from '@hubspot/ui-extensions';
import type { Settings } from '@csops/core';
import { SettingNumber } from './SettingNumber.js';
import type { SectionProps } from './WeightsSection.js';

// The deal type is text, not a trigger.
const FIELDS: { key: Exclude<keyof Settings['expansion'], 'dealType'>; label: string }[] = [
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
        <SettingNumber
          key={f.key}
          label={f.label}
          path={['expansion', f.key]}
          value={draft.expansion[f.key]}
          testId={`expansion-${f.key}`}
          issues={issues}
          readOnly={readOnly}
          set={set}
        />
      ))}
    </Flex>
  );
}
