import type { PlaybookAction } from '../playbooks/types.js';
import type { HandoffSubmission } from './submit.js';

/** One onboarding task a submission starts; `id` is the CRM record once it exists. */
export interface SubmissionTask {
  key: string;
  title: string;
  type: PlaybookAction['type'];
  assignee: PlaybookAction['assignee'];
  /** The playbook and why it fired, for the task's body. */
  detail: string;
  dueAt: string;
  id: string | null;
}

/**
 * What an accepted submission decided and did, stored on the deal before the first write it
 * makes: a retry carries it out again instead of deciding anew, and every load shows it.
 */
export interface SubmissionRecord {
  submittedAt: string;
  /** Who submitted: the user's email, else their id; null when the CRM did not say. */
  submittedBy: string | null;
  completeness: number;
  csm: {
    id: string | null;
    /** How the faces name the CSM (settings, else the CRM's user); filled in by the face. */
    name: string | null;
    reason: string;
    /** The CSM was on the account already: nothing to write to the company. */
    alreadyAssigned: boolean;
    /** The capacity slot the account holds in the CSM's book, when routing picked the CSM. */
    slot: string | null;
  };
  tasks: SubmissionTask[];
}

/** The record of an accepted submission; null for a refused one, which records nothing. */
export function submissionRecord(
  submission: HandoffSubmission,
  submittedBy: string | null,
): SubmissionRecord | null {
  if (!submission.accepted || submission.submittedAt === null || !submission.assignment) {
    return null;
  }
  const { assignment } = submission;
  return {
    submittedAt: submission.submittedAt,
    submittedBy,
    completeness: submission.evaluation.completeness,
    csm: {
      id: assignment.csmId,
      name: null,
      reason: assignment.reason,
      alreadyAssigned: assignment.alreadyAssigned,
      slot: submission.csmSlot,
    },
    tasks: submission.onboardingActions.map((a) => ({
      key: a.key,
      title: a.title,
      type: a.type,
      assignee: a.assignee,
      detail: `${a.playbookName}: ${a.triggerReason}`,
      dueAt: a.dueAt,
      id: null,
    })),
  };
}

/** The record with the CRM ids of its tasks, once they exist (found by key). */
export function withTaskIds(
  record: SubmissionRecord,
  idsByKey: ReadonlyMap<string, string>,
): SubmissionRecord {
  return {
    ...record,
    tasks: record.tasks.map((t) => ({ ...t, id: idsByKey.get(t.key) ?? t.id })),
  };
}

/** The CSM to write to the company: only one routing picked, not one already there. */
export function csmToStore(record: SubmissionRecord): string | null {
  return record.csm.alreadyAssigned ? null : record.csm.id;
}
