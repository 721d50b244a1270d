import type { HandoffItemKey, StakeholderRole } from '../vocabulary/keys.js';

export interface Stakeholder {
  name: string;
  email?: string;
  role: StakeholderRole;
}

/** What the AE fills in on the deal. Every item may be missing while the handoff is a draft. */
export interface HandoffInput {
  customerGoals?: string;
  successCriteria?: string;
  technicalRequirements?: string;
  implementationRequirements?: string;
  stakeholders?: Stakeholder[];
  competitiveAlternatives?: string;
  promisesMade?: string;
  contractExecuted?: boolean;
  paymentTermsConfirmed?: boolean;
  /** ISO date (YYYY-MM-DD) of the kickoff call. */
  kickoffDate?: string;
}

export interface HandoffItemResult {
  key: HandoffItemKey;
  label: string;
  required: boolean;
  weight: number;
  status: 'complete' | 'missing' | 'invalid';
  /** Why it is not complete, in words an AE acts on; empty when complete. */
  message: string;
}

export interface HandoffEvaluation {
  /** Weighted share of items complete, 0–100, rounded to a whole number. */
  completeness: number;
  items: HandoffItemResult[];
  missing: HandoffItemResult[];
  blocking: HandoffItemResult[];
  readyForOnboarding: boolean;
}
