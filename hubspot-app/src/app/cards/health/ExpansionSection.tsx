import { Alert, Flex, Heading, Link, List, LoadingButton, Text } from '@hubspot/ui-extensions';
import type { ExpansionResult } from '@csops/core';
import type { ExpansionDealRef, FunctionError } from '../common/responses.js';
import { money, recordUrl } from '../common/format.js';

export interface ExpansionSectionProps {
  expansion: ExpansionResult;
  openDeal: ExpansionDealRef | null;
  portalId: number;
  creating: boolean;
  createError: FunctionError | null;
  onCreate: () => void;
}

export function ExpansionSection(props: ExpansionSectionProps) {
  const { expansion, openDeal, creating, createError } = props;
  if (expansion.signals.length === 0 && !openDeal) return null;
  const draft = expansion.draft;
  return (
    <Flex direction="column" gap="xs">
      <Heading>Expansion</Heading>
      <List variant="unordered-styled" testId="expansion-signals">
        {expansion.signals.map((s) => (
          <Text key={s.code}>{s.message}</Text>
        ))}
      </List>
      {openDeal ? (
        <Link
          href={{ url: recordUrl(props.portalId, '0-3', openDeal.id), external: false }}
          testId="expansion-deal-link"
        >
          Open expansion deal: {openDeal.name}
        </Link>
      ) : draft ? (
        <Flex direction="column" gap="xs">
          <Text testId="expansion-draft">
            {draft.name}: {money(draft.amount)} ({draft.amountBasis}), close by{' '}
            {draft.closeDate.slice(0, 10)}
          </Text>
          <LoadingButton
            variant="primary"
            loading={creating}
            onClick={props.onCreate}
            testId="create-expansion"
          >
            Create expansion deal
          </LoadingButton>
        </Flex>
      ) : expansion.heldBackBecause.length > 0 ? (
        <Flex direction="column" gap="xs" testId="expansion-held-back">
          <Text format={{ fontWeight: 'demibold' }}>
            Expansion waits until the account is out of risk:
          </Text>
          <List variant="unordered-styled">
            {expansion.heldBackBecause.map((reason) => (
              <Text key={reason}>{reason}</Text>
            ))}
          </List>
        </Flex>
      ) : expansion.suppressedBecause ? (
        <Text variant="microcopy">{expansion.suppressedBecause}</Text>
      ) : null}
      {createError ? (
        <Alert title="The deal was not created" variant="danger" testId="expansion-error">
          {createError.message}
        </Alert>
      ) : null}
    </Flex>
  );
}
