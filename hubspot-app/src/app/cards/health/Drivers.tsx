import { Accordion, Flex, Heading, StatusTag, Text } from '@hubspot/ui-extensions';
import { displayScore, driversToShow, type Driver } from '@csops/core';

const VARIANT = { positive: 'success', negative: 'danger', neutral: 'default' } as const;

/** One measure: its tag above its reason, so a narrow column reads it as a short paragraph. */
function DriverLine({ driver, testId }: { driver: Driver; testId: string }) {
  return (
    <Flex direction="column" gap="flush">
      <StatusTag variant={VARIANT[driver.direction]} hollow>
        {driver.label} {displayScore(driver.score)}
      </StatusTag>
      <Text testId={testId}>{driver.reason}</Text>
    </Flex>
  );
}

/** The measures that moved the score most and every one in the red; all of them one click away. */
export function Drivers({ drivers }: { drivers: Driver[] }) {
  const shown = driversToShow(drivers);
  if (shown.length === 0) return null;
  return (
    <Flex direction="column" gap="xs" testId="drivers">
      <Heading>What drives it</Heading>
      {shown.map((d) => (
        <DriverLine key={d.measure} driver={d} testId={`driver-${d.measure}`} />
      ))}
      <Accordion title={`All measures (${drivers.length})`} size="sm" testId="all-measures">
        <Flex direction="column" gap="xs">
          {drivers.map((d) => (
            <DriverLine key={d.measure} driver={d} testId={`measure-${d.measure}`} />
          ))}
        </Flex>
      </Accordion>
    </Flex>
  );
}
