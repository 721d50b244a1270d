import { Flex, List, ProgressBar, StatusTag, Text } from '@hubspot/ui-extensions';
import type { HandoffEvaluation } from '@csops/core';

/** Completeness and exactly what is missing, recomputed by the core as the AE types. */
export function Completeness({ evaluation }: { evaluation: HandoffEvaluation }) {
  return (
    <Flex direction="column" gap="xs">
      <ProgressBar
        title="Handoff completeness"
        value={evaluation.completeness}
        maxValue={100}
        showPercentage
        variant={evaluation.readyForOnboarding ? 'success' : 'warning'}
        testId="completeness"
      />
      {evaluation.missing.length === 0 ? (
        <Text testId="all-complete">Every item is complete.</Text>
      ) : (
        <List variant="unordered-styled" testId="missing-items">
          {evaluation.missing.map((item) => (
            <Flex key={item.key} direction="row" gap="xs" align="center">
              {item.required ? (
                <StatusTag variant="danger">Required</StatusTag>
              ) : (
                <StatusTag>Optional</StatusTag>
              )}
              <Text>
                {item.label}: {item.message}
              </Text>
            </Flex>
          ))}
        </List>
      )}
    </Flex>
  );
}
