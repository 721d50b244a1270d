// What the app functions answer (hubspot-app/src/app/functions), as the cards and settings page read it.
import type {
  AccountEvaluation,
  FieldIssue,
  HandoffEvaluation,
  HandoffInput,
  Settings,
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
}

export interface CreateExpansionDealResponse {
  created: boolean;
  deal: ExpansionDealRef;
}

export interface HandoffLoadResponse {
  dealId: string;
  dealName: string;
  /** HubSpot's `dealtype` internal value; null when the deal has none. */
  dealType: string | null;
  status: 'draft' | 'submitted';
  submittedAt: string | null;
  handoff: HandoffInput;
  settings: Settings;
}

export interface HandoffSubmitResponse {
  dealId: string;
  companyId: string;
  status: 'submitted';
  submittedAt: string;
  evaluation: HandoffEvaluation;
  csm: { id: string | null; name: string | null; reason: string };
  tasks: { created: string[]; existing: string[] };
}
