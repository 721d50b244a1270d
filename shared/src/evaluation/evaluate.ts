import { detectExpansion } from '../expansion/draft.js';
import type { ExpansionResult } from '../expansion/types.js';
import { scoreHealth } from '../health/score.js';
import type { HealthScore, PreviousHealth } from '../health/types.js';
import { planLedger, type LedgerEntry, type LedgerPlan } from '../playbooks/ledger.js';
import { duePlaybookActions, type PlaybookContext } from '../playbooks/run.js';
import type { PlaybookAction } from '../playbooks/types.js';
import { assessRenewalRisk } from '../renewal/risk.js';
import type { RenewalRisk } from '../renewal/types.js';
import { segmentFor } from '../routing/segment.js';
import type { Settings } from '../settings/schema.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import type { Segment } from '../vocabulary/keys.js';
import { trendBaseline } from '../writeback/baseline.js';
import {
  healthResultToWrite,
  type HealthResult,
  type StoredHealthResult,
} from '../writeback/health-result.js';
import { evaluationDisplay, type EvaluationDisplay } from './display.js';

export interface EvaluationContext {
  /** The last score written back for this account, for the trend and band crossings. */
  previous?: PreviousHealth;
  /**
   * The result the CRM holds for this account. Given instead of `previous`, the core picks the
   * trend baseline from it (`trendBaseline`) and says what to write back (`writeBack`).
   */
  stored?: StoredHealthResult;
  /** An expansion deal / Opportunity is already open, so no new draft is offered. */
  openExpansionDeal?: boolean;
  /** Playbook action keys recorded done, so their steps (and escalations on them) drop out. */
  completedSteps?: readonly string[];
  /** The saved settings version `settings` is (null for the defaults), written with the result. */
  settingsVersion?: number | null;
  /**
   * The playbook actions the CRM holds for this account. Given, the evaluation says what the CRM
   * should hold now (`ledger`): tasks to create, escalations due, open steps to close.
   */
  ledger?: readonly LedgerEntry[];
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
  /** The numbers and labels as every face shows them. */
  display: EvaluationDisplay;
  /** With `stored` in the context: the result to write back, or null when nothing changed. */
  writeBack?: HealthResult | null;
  /** With `ledger` in the context: what to create and close in the CRM. */
  ledger?: LedgerPlan;
}

function baselineFrom(stored: StoredHealthResult, asOf: string): PreviousHealth | undefined {
  const num = (v: string | number | null | undefined) =>
    v === undefined || v === null || v === '' ? null : Number(v);
  const text = (v: string | number | null | undefined) =>
    v === undefined || v === null ? null : String(v);
  return trendBaseline(
    { score: num(stored.score), band: text(stored.band), at: text(stored.updatedAt) },
    {
      score: num(stored.previousScore),
      band: text(stored.previousBand),
      at: text(stored.previousAt),
    },
    asOf,
  );
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
  const previous =
    ctx.stored !== undefined ? baselineFrom(ctx.stored, snapshot.asOf) : ctx.previous;
  const health = scoreHealth(snapshot, settings, previous);
  const risk = assessRenewalRisk(snapshot, health, settings);
  const playbookContext: PlaybookContext = {
    snapshot,
    health,
    risk,
    previous,
    openExpansionDeal: ctx.openExpansionDeal,
    completedSteps: ctx.completedSteps,
  };
  const actions = duePlaybookActions(playbookContext, settings);
  const expansion = detectExpansion(snapshot, health, settings, {
    openExpansionDeal: ctx.openExpansionDeal ?? false,
    risk,
  });
  const segment = snapshot.segment ?? segmentFor(snapshot.arr, settings);
  const evaluation: AccountEvaluation = {
    accountId: snapshot.accountId,
    asOf: snapshot.asOf,
    segment,
    health,
    risk,
    actions,
    expansion,
    display: evaluationDisplay(health, risk, segment),
  };
  if (ctx.ledger !== undefined)
    evaluation.ledger = planLedger(playbookContext, settings, ctx.ledger);
  if (ctx.stored !== undefined) {
    evaluation.writeBack = healthResultToWrite(
      evaluation,
      previous,
      ctx.stored,
      ctx.settingsVersion ?? null,
    );
  }
  return evaluation;
}
