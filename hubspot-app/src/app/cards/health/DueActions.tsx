import { Flex, Heading, StatusTag, Text } from '@hubspot/ui-extensions';
import type { PlaybookAction } from '@csops/core';
import { day } from '../common/format.js';

const ASSIGNEE = { csm: 'CSM', owner: 'Account owner', manager: 'CS manager' } as const;

function Due({ action }: { action: PlaybookAction }) {
  const tag = action.overdue ? (
    <StatusTag variant="danger">Overdue {day(action.dueAt)}</StatusTag>
  ) : action.dueToday ? (
    <StatusTag variant="warning">Due today</StatusTag>
  ) : (
    <Text>Due {day(action.dueAt)}</Text>
  );
  return (
    <Flex direction="row" gap="xs" align="center" wrap="wrap">
      {tag}
      <Text variant="microcopy">{ASSIGNEE[action.assignee]}</Text>
    </Flex>
  );
}

/**
 * The steps due, as the evaluation computes them, for an account-health function that does not
 * read the CRM's tasks yet. Each is a short stack (title, why, when and who) rather than a
 * four-column table, which a narrow record column squeezes to a word per line.
 */
export function DueActions({ actions }: { actions: PlaybookAction[] }) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Playbook steps due</Heading>
      {actions.length === 0 ? (
        <Text testId="no-actions">No playbook steps are due.</Text>
      ) : (
        <Flex direction="column" gap="sm" testId="actions">
          {[...actions]
            .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
            .map((a) => (
              <Flex key={a.key} direction="column" gap="flush" testId={`action-${a.stepKey}`}>
                <Text format={{ fontWeight: 'demibold' }}>{a.title}</Text>
                <Text variant="microcopy">
                  {a.playbookName}
                  {a.onlyIfOpen ? ` · only if “${a.onlyIfOpen}” is still open` : ''}
                </Text>
                <Due action={a} />
              </Flex>
            ))}
        </Flex>
      )}
    </Flex>
  );
}
