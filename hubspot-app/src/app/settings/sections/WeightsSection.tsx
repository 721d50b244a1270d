import { Flex, Heading, Text } from '@hubspot/ui-extensions';
import { displayWeightShares, MEASURE_KEYS, type FieldIssue, type Settings } from '@csops/core';
import { fieldProps } from '../form.js';
import { SettingNumber } from './SettingNumber.js';

export interface SectionProps {
  draft: Settings;
  issues: FieldIssue[];
  readOnly: boolean;
  set: (path: (string | number)[], value: unknown) => void;
}

export function WeightsSection({ draft, issues, readOnly, set }: SectionProps) {
  const shares = displayWeightShares(MEASURE_KEYS.map((k) => draft.measures[k].weight));
  return (
    <Flex direction="column" gap="xs">
      <Heading>Health measures</Heading>
      <Text variant="microcopy">
        Weights are relative: each measure counts for its share of the total.
      </Text>
      {MEASURE_KEYS.map((k, i) => (
        <SettingNumber
          key={k}
          path={['measures', k, 'weight']}
          value={draft.measures[k].weight}
          description={shares ? `${shares[i] ?? '0%'} of the total` : 'no weight set'}
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
