// What the app functions answer (hubspot-app/src/app/functions), as the cards and settings page read it.
import type {
  AccountEvaluation,
  FieldIssue,
  HandoffEvaluation,
  HandoffInput,
  ListedTask,
  Settings,
  WaitingEscalation,
} from '@csops/core';

export interface FunctionError {
  code: string;
  /** A sentence for the person at the card; HubSpot's raw answer stays in the function log. */
  message: string;
  /** Quoted to an admin, it finds the function log line with the raw details. */
  reference?: string;
  issues?: FieldIssue[];
}

export type FunctionResult<T> = { ok: true; data: T } | { ok: false; error: FunctionError };

export interface ExpansionDealRef {
  id: string;
  name: string;
  amount: number | null;
  key: string;
}

export interface AccountHealthResponse {
  company: { id: string; name: string };
  asOf: string;
  settingsVersion: number | null;
  evaluation: AccountEvaluation;
  openExpansionDeal: ExpansionDealRef | null;
  dataIssues: FieldIssue[];
  /** The company's csops tasks as the CRM holds them; absent from functions older than the ledger. */
  playbook?: PlaybookView;
}

/** A csops playbook task in the CRM, listed by the core, with its HubSpot link and owner. */
export type PlaybookTaskView = ListedTask & { url: string | null; ownerName: string | null };

export interface PlaybookView {
  tasks: PlaybookTaskView[];
  open: number;
  overdue: number;
  waiting: WaitingEscalation[];
  /** Tasks this load created. */
  created: number;
}

export type TaskOutcome = 'done' | 'skipped';

export interface PlaybookTaskUpdateResponse {
  task: PlaybookTaskView;
}

export interface CreateExpansionDealResponse {
  created: boolean;
  deal: ExpansionDealRef;
}

/** What a submission did, as the deal records it: who and when, the CSM, the onboarding tasks. */
export interface HandoffSubmissionView {
  submittedAt: string;
  submittedBy: string | null;
  csm: { id: string | null; name: string | null; reason: string };
  tasks: { id: string | null; title: string; dueAt: string }[];
}

export interface HandoffLoadResponse {
  dealId: string;
  dealName: string;
  /** HubSpot's `dealtype` internal value; null when the deal has none. */
  dealType: string | null;
  /** "submitting": an earlier submit stopped part-way; submitting again completes it. */
  status: 'draft' | 'submitting' | 'submitted';
  submittedAt: string | null;
  submission: HandoffSubmissionView | null;
  handoff: HandoffInput;
  settings: Settings;
}

export interface HandoffSubmitResponse {
  dealId: string;
  companyId: string;
  status: 'submitted';
  submittedAt: string;
  /** Null when the answer is an earlier submission, completed or repeated. */
  evaluation: HandoffEvaluation | null;
  csm: { id: string | null; name: string | null; reason: string };
  /** Task record ids: created by this call, and made by an earlier one. */
  tasks: { created: string[]; existing: string[] };
  submission: HandoffSubmissionView;
  /** The handoff was submitted before: nothing was written. */
  repeated: boolean;
}
