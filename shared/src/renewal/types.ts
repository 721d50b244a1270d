export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface RiskReason {
  code:
    | 'red'
    | 'yellow'
    | 'decliningTrend'
    | 'championLeft'
    | 'billingTrouble'
    | 'downgradeRequested'
    | 'lowCoverage'
    | 'closeToRenewal'
    | 'renewalLapsed';
  points: number;
  message: string;
}

export interface RenewalRisk {
  accountId: string;
  level: RiskLevel;
  points: number;
  arr: number | null;
  arrAtRisk: number;
  /** Days from asOf to the renewal date; negative when the renewal date has passed; null if unknown. */
  daysToRenewal: number | null;
  renewalDate: string | null;
  /** The nearest renewal stage reached (e.g. 90 when 75 days out with stages 180/120/90/30), or null. */
  stage: number | null;
  /** True when the renewal date has passed without a new one being recorded. */
  overdue: boolean;
  reasons: RiskReason[];
}
