export interface ExpansionSignal {
  code: 'seatUtilisation' | 'adoptionMilestone' | 'healthyNearRenewal';
  message: string;
}

export interface OpportunityDraft {
  /** Stored on the deal / Opportunity so a retry or a second click finds the existing one. */
  idempotencyKey: string;
  accountId: string;
  name: string;
  amount: number;
  /** How the amount was estimated, in words ("12 more seats × $1,200 per seat"). */
  amountBasis: string;
  closeDate: string;
  reason: string;
  signals: ExpansionSignal[];
}

export interface ExpansionResult {
  signals: ExpansionSignal[];
  /** Null when no signal fired, or when an open expansion deal already exists. */
  draft: OpportunityDraft | null;
  /** Why no draft was made although signals fired (e.g. an open expansion deal exists). */
  suppressedBecause?: string;
  /**
   * Why expansion waits on this account whatever its signals: high or critical renewal risk, a
   * requested downgrade, billing trouble. Empty when nothing holds it back.
   */
  heldBackBecause: string[];
}
