import {
  DescriptionList,
  DescriptionListItem,
  Flex,
  Heading,
  List,
  StatusTag,
  Text,
} from '@hubspot/ui-extensions';
import { RISK_LEVEL_LABELS, type RenewalRisk } from '@csops/core';
import { RISK_VARIANT, day, money } from '../common/format.js';

function daysText(risk: RenewalRisk): string {
  if (risk.daysToRenewal === null) return 'No renewal date recorded';
  if (risk.overdue) return `Renewal date passed ${Math.abs(risk.daysToRenewal)} days ago`;
  return `${risk.daysToRenewal} days (${day(risk.renewalDate)})`;
}

export function RenewalRiskSection({ risk }: { risk: RenewalRisk }) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Renewal risk</Heading>
      <DescriptionList direction="column">
        <DescriptionListItem label="Risk">
          <StatusTag variant={RISK_VARIANT[risk.level]} testId="risk-level">
            {RISK_LEVEL_LABELS[risk.level]}
          </StatusTag>
        </DescriptionListItem>
        <DescriptionListItem label="Renewal in">
          <Text testId="days-to-renewal">{daysText(risk)}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="ARR at risk">
          <Text testId="arr-at-risk">
            {money(risk.arrAtRisk)} of {money(risk.arr)}
          </Text>
        </DescriptionListItem>
      </DescriptionList>
      {risk.reasons.length > 0 ? (
        <List variant="unordered-styled" testId="risk-reasons">
          {risk.reasons.map((r) => (
            <Text key={r.code}>{r.message}</Text>
          ))}
        </List>
      ) : (
        <Text>No risk signals.</Text>
      )}
    </Flex>
  );
}
