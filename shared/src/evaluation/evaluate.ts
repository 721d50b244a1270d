import { detectExpansion } from '../expansion/draft.js';
import type { ExpansionResult } from '../expansion/types.js';
import { scoreHealth } from '../health/score.js';
import type { HealthScore, PreviousHealth } from '../health/types.js';
import { duePlaybookActions } from '../playbooks/run.js';
import type { PlaybookAction } from '../playbooks/types.js';
import { assessRenewalRisk } from '../renewal/risk.js';
import type { RenewalRisk } from '../renewal/types.js';
import { segmentFor } from '../routing/segment.js';
import type { Settings } from '../settings/schema.js';
import type { AccountSnapshot, Segment } from '../snapshot/schema.js';

export interface EvaluationContext {
  /** The last score written back for this account, for the trend and band crossings. */
  previous?: PreviousHealth;
  /** An expansion deal / Opportunity is already open, so no new draft is offered. */
  openExpansionDeal?: boolean;
}

/** Everything a face shows or writes back for one account. */
export interface AccountEvaluation {
  accountId: string;
  asOf: string;
  segment: Segment;
  health: HealthScore;
  risk: RenewalRisk;
  actions: PlaybookAction[];
  expansion: ExpansionResult;
}

/**
 * The one call every face makes: health, renewal risk, due playbook steps and expansion for one
 * account at `snapshot.asOf`. Same snapshot, settings and context in, same evaluation out.
 */
export function evaluateAccount(
  snapshot: AccountSnapshot,
  settings: Settings,
  ctx: EvaluationContext = {},
): AccountEvaluation {
  const health = scoreHealth(snapshot, settings, ctx.previous);
  const risk = assessRenewalRisk(snapshot, health, settings);
  const actions = duePlaybookActions(
    { snapshot, health, risk, previous: ctx.previous, openExpansionDeal: ctx.openExpansionDeal },
    settings,
  );
  const expansion = detectExpansion(snapshot, health, settings, {
    openExpansionDeal: ctx.openExpansionDeal ?? false,
  });
  return {
    accountId: snapshot.accountId,
    asOf: snapshot.asOf,
    segment: snapshot.segment ?? segmentFor(snapshot.arr, settings),
    health,
    risk,
    actions,
    expansion,
  };
}
