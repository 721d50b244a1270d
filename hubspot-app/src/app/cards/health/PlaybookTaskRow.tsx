import { useRef, useState } from 'react';
import {
  Button,
  Flex,
  Link,
  LoadingButton,
  StatusTag,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import type { PlaybookAction } from '@csops/core';
import type {
  FunctionError,
  PlaybookTaskUpdateResponse,
  PlaybookTaskView,
  TaskOutcome,
} from '../common/responses.js';
import { callFunction } from '../common/useFunction.js';
import { ErrorView } from '../common/ErrorView.js';
import { day } from '../common/format.js';

export interface PlaybookTaskRowProps {
  task: PlaybookTaskView;
  /** The firing that made the task, when the evaluation still sees it: playbook and reason. */
  firing?: PlaybookAction;
  companyId: string;
  onUpdated: (task: PlaybookTaskView) => void;
}

const NO_REASON = 'Say why this task is skipped.';

function Due({ task }: { task: PlaybookTaskView }) {
  if (task.overdue)
    return (
      <StatusTag variant="danger" testId={`due-${task.id}`}>
        Overdue {day(task.dueAt)}
      </StatusTag>
    );
  if (task.dueToday)
    return (
      <StatusTag variant="warning" testId={`due-${task.id}`}>
        Due today
      </StatusTag>
    );
  return (
    <Text testId={`due-${task.id}`}>{task.dueAt ? `Due ${day(task.dueAt)}` : 'No due date'}</Text>
  );
}

function owner(task: PlaybookTaskView): string {
  return task.ownerName ?? (task.ownerId ? `Owner ${task.ownerId}` : 'Unassigned');
}

function Firing({ id, firing }: { id: string; firing?: PlaybookAction }) {
  return firing ? (
    <Text variant="microcopy" testId={`firing-${id}`}>
      {firing.playbookName} · {firing.triggerReason}
    </Text>
  ) : null;
}

function TaskLink({ task }: { task: PlaybookTaskView }) {
  return task.url ? (
    <Link href={{ url: task.url, external: false }} testId={`task-link-${task.id}`}>
      Open in HubSpot
    </Link>
  ) : null;
}

/** A done or skipped task: below the open ones, greyed, with why it was closed. */
function ClosedTask({ task, firing }: { task: PlaybookTaskView; firing?: PlaybookAction }) {
  return (
    <Flex direction="column" gap="flush" testId={`task-${task.id}`}>
      <Text variant="microcopy" format={{ lineDecoration: 'strikethrough' }}>
        {task.title}
      </Text>
      <Firing id={task.id} firing={firing} />
      <Flex direction="row" gap="xs" align="center" wrap="wrap">
        <StatusTag hollow testId={`outcome-${task.id}`}>
          {task.status === 'skipped' ? 'Skipped' : 'Done'}
          {task.completedAt ? ` ${day(task.completedAt)}` : ''}
        </StatusTag>
        <Text variant="microcopy">{owner(task)}</Text>
        <TaskLink task={task} />
      </Flex>
      {task.note ? (
        <Text variant="microcopy" format={{ italic: true }} testId={`closed-note-${task.id}`}>
          {task.note}
        </Text>
      ) : null}
    </Flex>
  );
}

/**
 * An open task with "Mark done" and "Skip…". One call per task at a time: a ref, not state, so a
 * second click in the same render sees the first in flight.
 */
function OpenTask({ task, firing, companyId, onUpdated }: PlaybookTaskRowProps) {
  const inFlight = useRef(false);
  const [pending, setPending] = useState<TaskOutcome | null>(null);
  const [error, setError] = useState<{ error: FunctionError; retry: () => void } | null>(null);
  const [skipping, setSkipping] = useState(false);
  // Kept in a ref too: HubSpot commits a text area's value on blur, just before the button's click.
  const reason = useRef('');
  const [reasonText, setReasonText] = useState('');
  const [reasonMessage, setReasonMessage] = useState<string | null>(null);

  async function close(outcome: TaskOutcome, note?: string) {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(outcome);
    setError(null);
    const result = await callFunction<PlaybookTaskUpdateResponse>('playbook_task_update', {
      companyId,
      taskId: task.id,
      outcome,
      ...(note === undefined ? {} : { note }),
    });
    inFlight.current = false;
    setPending(null);
    if (result.ok) {
      onUpdated(result.data.task);
      return;
    }
    const onNote = (result.error.issues ?? []).filter((i) => i.path === 'note');
    if (onNote.length > 0) {
      setReasonMessage(onNote.map((i) => i.message).join('; '));
      return;
    }
    setError({ error: result.error, retry: () => void close(outcome, note) });
  }

  function setReason(value: string) {
    reason.current = value;
    setReasonText(value);
    setReasonMessage(null);
  }

  function skip() {
    const note = reason.current.trim();
    if (note === '') {
      setReasonMessage(NO_REASON);
      return;
    }
    void close('skipped', note);
  }

  const busy = pending !== null;
  return (
    <Flex direction="column" gap="xs" testId={`task-${task.id}`}>
      <Flex direction="column" gap="flush">
        <Text format={{ fontWeight: 'demibold' }}>{task.title}</Text>
        <Firing id={task.id} firing={firing} />
        <Flex direction="row" gap="xs" align="center" wrap="wrap">
          <Due task={task} />
          <Text variant="microcopy" testId={`owner-${task.id}`}>
            {owner(task)}
          </Text>
          <TaskLink task={task} />
        </Flex>
      </Flex>
      {skipping ? (
        <Flex direction="column" gap="xs" testId={`skip-form-${task.id}`}>
          <TextArea
            label="Why skip this task?"
            name={`skip-reason-${task.id}`}
            required
            rows={2}
            value={reasonText}
            error={reasonMessage !== null}
            validationMessage={reasonMessage ?? undefined}
            readOnly={busy}
            onInput={setReason}
            onChange={setReason}
            testId={`skip-reason-${task.id}`}
          />
          <Flex direction="row" gap="xs">
            <LoadingButton
              size="sm"
              variant="primary"
              loading={pending === 'skipped'}
              disabled={busy}
              onClick={skip}
              testId={`skip-confirm-${task.id}`}
            >
              Skip task
            </LoadingButton>
            <Button
              size="sm"
              disabled={busy}
              onClick={() => setSkipping(false)}
              testId={`skip-cancel-${task.id}`}
            >
              Cancel
            </Button>
          </Flex>
        </Flex>
      ) : (
        <Flex direction="row" gap="xs">
          <LoadingButton
            size="sm"
            loading={pending === 'done'}
            disabled={busy}
            onClick={() => void close('done')}
            testId={`mark-done-${task.id}`}
          >
            Mark done
          </LoadingButton>
          <Button
            size="sm"
            disabled={busy}
            onClick={() => setSkipping(true)}
            testId={`skip-${task.id}`}
          >
            Skip…
          </Button>
        </Flex>
      )}
      {error ? (
        <ErrorView error={error.error} onRetry={error.retry} title="The task was not updated" />
      ) : null}
    </Flex>
  );
}

export function PlaybookTaskRow(props: PlaybookTaskRowProps) {
  return props.task.status === 'open' ? (
    <OpenTask {...props} />
  ) : (
    <ClosedTask task={props.task} firing={props.firing} />
  );
}
