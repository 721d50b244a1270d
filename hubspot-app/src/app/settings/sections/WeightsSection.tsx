import { Flex, Heading, NumberInput, Text } from '@hubspot/ui-extensions';
import { MEASURE_KEYS, MEASURE_LABELS, type FieldIssue, type Settings } from '@csops/core';
import { fieldProps, shareOfTotal } from '../form.js';

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
        <NumberInput
          key={k}
          label={MEASURE_LABELS[k]}
          name={`measures.${k}.weight`}
          value={draft.measures[k].weight}
          min={0}
          description={shareOfTotal(draft.measures[k].weight, weights)}
          onChange={(v) => set(['measures', k, 'weight'], v)}
          testId={`weight-${k}`}
          {...fieldProps(issues, `measures.${k}.weight`, readOnly)}
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
