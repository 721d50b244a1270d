import { Flex, Heading, Text } from '@hubspot/ui-extensions';
import { MEASURE_KEYS, MEASURE_LABELS, type FieldIssue, type Settings } from '@csops/core';
import { fieldProps, shareOfTotal } from '../form.js';
import { SettingNumber } from './SettingNumber.js';

export interface SectionProps {
  draft: Settings;
  issues: FieldIssue[];
  readOnly: boolean;
  set: (path: (string | number)[], value: unknown) => void;
}

export function WeightsSection({ draft, issues, readOnly, set }: SectionProps) {
  const weights = MEASURE_KEYS.map((k) => draft.measures[k].weight);
  return (
    <Flex direction="column" gap="xs">
      <Heading>Health measures</Heading>
      <Text variant="microcopy">
        Weights are relative: each measure counts for its share of the total.
      </Text>
      {MEASURE_KEYS.map((k) => (
        <SettingNumber
          key={k}
          label={MEASURE_LABELS[k]}
          path={['measures', k, 'weight']}
          value={draft.measures[k].weight}
          min={0}
          description={shareOfTotal(draft.measures[k].weight, weights)}
          testId={`weight-${k}`}
          issues={issues}
          readOnly={readOnly}
          set={set}
        />
      ))}
      {fieldProps(issues, 'measures', readOnly).validationMessage &&
      !issues.some((i) => i.path.startsWith('measures.')) ? (
        <Text testId="measures-error">
          {fieldProps(issues, 'measures', readOnly).validationMessage}
        </Text>
      ) : null}
    </Flex>
  );
}
