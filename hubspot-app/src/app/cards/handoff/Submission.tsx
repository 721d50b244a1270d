import { Alert, Flex, Link, List, Text } from '@hubspot/ui-extensions';
import type { HandoffSubmissionView } from '../common/responses.js';
import { day, recordUrl } from '../common/format.js';

/** HubSpot's object type id for tasks, in record links. */
const TASK_TYPE_ID = '0-27';

function routing(csm: HandoffSubmissionView['csm']): string {
  if (!csm.id) return csm.reason ? `Not routed yet: ${csm.reason}.` : '';
  const who = csm.name ?? `owner ${csm.id}`;
  return csm.reason ? `Routed to ${who}. ${csm.reason}.` : `Routed to ${who}.`;
}

/** What the submission did, read back from the deal on every load: who, when, the CSM, the tasks. */
export function Submission({
  submission,
  portalId,
}: {
  submission: HandoffSubmissionView;
  portalId: number;
}) {
  const by = submission.submittedBy ? ` by ${submission.submittedBy}` : '';
  return (
    <Alert title="Handed off to Customer Success" variant="success" testId="submitted">
      <Flex direction="column" gap="xs">
        <Text testId="submitted-summary">
          {`Submitted ${day(submission.submittedAt)}${by}. ${routing(submission.csm)}`}
        </Text>
        {submission.tasks.length > 0 ? (
          <List variant="unordered-styled" testId="onboarding-tasks">
            {submission.tasks.map((t) =>
              t.id ? (
                <Link
                  key={t.id}
                  href={{ url: recordUrl(portalId, TASK_TYPE_ID, t.id), external: false }}
                  testId={`task-${t.id}`}
                >
                  {`${t.title} (due ${day(t.dueAt)})`}
                </Link>
              ) : (
                <Text key={t.title}>{`${t.title} (due ${day(t.dueAt)})`}</Text>
              ),
            )}
          </List>
        ) : null}
      </Flex>
    </Alert>
  );
}
