import { Flex, Heading } from '@hubspot/ui-extensions';
import type { Settings } from '@csops/core';
import { SettingNumber } from './SettingNumber.js';
import type { SectionProps } from './WeightsSection.js';

// The deal type is a word, not a trigger number: it is not edited here.
const FIELDS: Exclude<keyof Settings['expansion'], 'dealType'>[] = [
  'seatUtilisationOver',
  'adoptionMilestonePercent',
  'minHealthScore',
  'minUsageScore',
  'healthyWithinMonthsOfRenewal',
  'upliftPercent',
];

export function ExpansionTriggersSection({ draft, issues, readOnly, set }: SectionProps) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Expansion triggers</Heading>
      {FIELDS.map((f) => (
        <SettingNumber
          key={f}
          path={['expansion', f]}
          value={draft.expansion[f]}
          testId={`expansion-${f}`}
          issues={issues}
          readOnly={readOnly}
          set={set}
        />
      ))}
    </Flex>
  );
}
