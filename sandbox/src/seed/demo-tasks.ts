import { actionKey, defaultSettings } from '@csops/core';
import { createRecords } from '../crm/records.js';
import type { CrmStore } from '../store/store.js';
import type { DemoAccountKey } from './demo.js';

const DAY = 86_400_000;
const TASK_TO_COMPANY = 192;

/**
 * Playbook tasks csops made on the named accounts before the reset, so the task screens are not
 * empty: one open and overdue, one done, one skipped with the CSM's note. Each carries the action
 * key the core gives its step, as the playbook run writes it.
 */
interface DemoTask {
  account: DemoAccountKey;
  playbookId: string;
  stepKey: string;
  /** Days before the reset the trigger fired; the trigger instance is that day. */
  triggeredDaysAgo: number;
  triggerType: string;
  status: 'NOT_STARTED' | 'COMPLETED';
  /** How csops records a closed step: done, or skipped with the CSM's reason. */
  outcome?: 'done' | 'skipped';
  /** Days before the reset the task was closed (completed or skipped). */
  closedDaysAgo?: number;
  closedNote?: string;
  body: string;
}

export const DEMO_TASKS: DemoTask[] = [
  {
    // Bluefin Health's champion left 38 days ago; the week to find a new one is long gone.
    account: 'silentChurner',
    playbookId: 'champion-left',
    stepKey: 'new-champion',
    triggeredDaysAgo: 38,
    triggerType: 'champion_left',
    status: 'NOT_STARTED',
    body: 'The champion left the company. Find who now owns the rollout and meet them.',
  },
  {
    account: 'onboarding',
    playbookId: 'onboarding',
    stepKey: 'kickoff',
    triggeredDaysAgo: 12,
    triggerType: 'handoff_submitted',
    status: 'COMPLETED',
    outcome: 'done',
    closedDaysAgo: 10,
    body: 'Handoff submitted by sales. Hold the kickoff call with the champion and the admin.',
  },
  {
    account: 'overdueInvoices',
    playbookId: 'renewal-90',
    stepKey: 'ebr',
    triggeredDaysAgo: 15,
    triggerType: 'renewal_due:90',
    status: 'COMPLETED',
    outcome: 'skipped',
    closedDaysAgo: 4,
    closedNote:
      'Skipped: their CFO asked to hold the review until the overdue invoices are settled.',
    body: 'Renewal in 90 days. Review outcomes and the roadmap with the executive sponsor.',
  },
];

export function seedDemoTasks(
  store: CrmStore,
  reference: Date,
  companyIds: Record<string, string>,
): void {
  const type = store.objectType('tasks')!;
  const companies = store.objectType('companies')!;
  const playbooks = defaultSettings().playbooks;
  const at = (daysAgo: number) => new Date(reference.getTime() - daysAgo * DAY).toISOString();
  for (const t of DEMO_TASKS) {
    const companyId = companyIds[t.account]!;
    const company = store.getRecord(companies.objectTypeId, companyId)!.properties;
    const playbook = playbooks.find((p) => p.id === t.playbookId)!;
    const step = playbook.steps.find((s) => s.key === t.stepKey)!;
    const triggeredAt = at(t.triggeredDaysAgo);
    const dueInDays = step.type === 'escalation' ? step.afterHours / 24 : step.dueInDays;
    // The trigger instance as the core names it: a renewal stage by its renewal date, an event by its day.
    const instanceDay = t.triggerType.startsWith('renewal_due')
      ? String(company.csops_renewal_date).slice(0, 10)
      : triggeredAt.slice(0, 10);
    const instance = `${t.triggerType}:${instanceDay}`;
    createRecords(
      store,
      type,
      [
        {
          properties: {
            hs_task_subject: step.title,
            hs_task_body: t.body,
            hs_task_status: t.status,
            hs_task_priority: 'HIGH',
            hs_task_type: 'TODO',
            hs_timestamp: at(t.triggeredDaysAgo - dueInDays),
            hubspot_owner_id: company.csops_csm_owner_id ?? company.hubspot_owner_id ?? '',
            createdate: triggeredAt,
            csops_action_key: actionKey(companyId, playbook.id, instance, step.key),
            csops_playbook_id: playbook.id,
            csops_triggered_at: triggeredAt,
            csops_action_type: step.type,
            csops_outcome: t.outcome ?? '',
            csops_closed_note: t.closedNote ?? '',
          },
          associations: [{ toId: companyId, typeIds: [TASK_TO_COMPANY] }],
        },
      ],
      // A closed task was last written when it was closed: the CRM stamps its completion then.
      at(t.closedDaysAgo ?? t.triggeredDaysAgo),
    );
  }
}
