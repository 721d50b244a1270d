import { Flex, Heading, StatusTag, Text } from '@hubspot/ui-extensions';
import { displayScore, type Driver } from '@csops/core';

const SHOWN = 3;

/** The few measures that moved the score most, each with the reason in words. */
export function Drivers({ drivers }: { drivers: Driver[] }) {
  const top = [...drivers].sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact)).slice(0, SHOWN);
  if (top.length === 0) return null;
  return (
    <Flex direction="column" gap="xs">
      <Heading>What drives it</Heading>
      {top.map((d) => (
        <Flex key={d.measure} direction="row" gap="sm" align="center">
          <StatusTag
            variant={
              d.direction === 'positive'
                ? 'success'
                : d.direction === 'negative'
                  ? 'danger'
                  : 'default'
            }
            hollow
          >
            {d.label} {displayScore(d.score)}
          </StatusTag>
          <Text testId={`driver-${d.measure}`}>{d.reason}</Text>
        </Flex>
      ))}
    </Flex>
  );
}
