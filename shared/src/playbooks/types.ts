import type { Playbook, PlaybookStep } from '../settings/schema.js';

export interface PlaybookAction {
  /** Stable idempotency key: account + playbook + trigger instance + step. Same inputs, same key. */
  key: string;
  accountId: string;
  playbookId: string;
  playbookName: string;
  kind: Playbook['kind'];
  /** Identifies this firing of the trigger, e.g. "renewal_due:90:2027-03-01". */
  triggerInstance: string;
  /** Why the trigger fired, in plain language. */
  triggerReason: string;
  stepKey: string;
  type: PlaybookStep['type'];
  title: string;
  assignee: PlaybookStep['assignee'];
  /** When the trigger fired (ISO). */
  triggeredAt: string;
  dueAt: string;
  /** Due on asOf's UTC day: not late yet. */
  dueToday: boolean;
  /** Due on a UTC day before asOf's. */
  overdue: boolean;
  /** An escalation waits on this step (its title): it stands only while that step is open. */
  onlyIfOpen?: string;
}
