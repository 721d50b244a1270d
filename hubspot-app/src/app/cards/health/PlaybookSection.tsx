import { Flex, Heading, List, Text } from '@hubspot/ui-extensions';
import type { PlaybookAction } from '@csops/core';
import type { PlaybookTaskView, PlaybookView } from '../common/responses.js';
import { count, day } from '../common/format.js';
import { DueActions } from './DueActions.js';
import { PlaybookTaskRow } from './PlaybookTaskRow.js';
import { firingsByKey } from './playbook-tasks.js';

export interface PlaybookSectionProps {
  companyId: string;
  /** The steps the evaluation finds due; shown as they are when the CRM's tasks are not in the answer. */
  actions: PlaybookAction[];
  playbook?: PlaybookView;
  onTaskUpdated: (task: PlaybookTaskView) => void;
}

/** The company's playbook tasks in the order the core lists them, with what escalates next. */
export function PlaybookSection({
  companyId,
  actions,
  playbook,
  onTaskUpdated,
}: PlaybookSectionProps) {
  if (!playbook) return <DueActions actions={actions} />;
  const firings = firingsByKey(actions);
  return (
    <Flex direction="column" gap="xs">
      <Heading>Playbook tasks</Heading>
      {playbook.tasks.length === 0 && playbook.waiting.length === 0 ? (
        <Text testId="no-tasks">No playbook tasks for this company.</Text>
      ) : (
        <Text testId="playbook-summary">
          {count(playbook.open)} open, {count(playbook.overdue)} overdue
          {playbook.created > 0 ? ` · ${count(playbook.created)} created just now` : ''}
        </Text>
      )}
      <Flex direction="column" gap="sm" testId="playbook-tasks">
        {playbook.tasks.map((task) => (
          <PlaybookTaskRow
            key={task.id}
            task={task}
            firing={task.key ? firings.get(task.key) : undefined}
            companyId={companyId}
            onUpdated={onTaskUpdated}
          />
        ))}
      </Flex>
      {playbook.waiting.length > 0 ? (
        <Flex direction="column" gap="flush" testId="waiting-escalations">
          <Text format={{ fontWeight: 'demibold' }}>Waiting escalations</Text>
          <List variant="unordered-styled">
            {playbook.waiting.map((w) => (
              <Text key={w.key} testId={`waiting-${w.key}`}>
                {w.title}: escalates on {day(w.dueAt)} if “{w.waitsOn}” is still open
              </Text>
            ))}
          </List>
        </Flex>
      ) : null}
    </Flex>
  );
}
