import { displayPercent } from '../display/numbers.js';
import { expansionHeldBack } from '../expansion/hold-back.js';
import type { HealthScore, PreviousHealth } from '../health/types.js';
import type { RenewalRisk } from '../renewal/types.js';
import type { Playbook, PlaybookStep, PlaybookTrigger, Settings } from '../settings/schema.js';
import type { Band } from '../vocabulary/keys.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { dayNumber, formatDay, formatInstant, parseInstant } from '../time/instant.js';
import type { PlaybookAction } from './types.js';

export interface PlaybookContext {
  snapshot: AccountSnapshot;
  health: HealthScore;
  risk: RenewalRisk;
  previous?: PreviousHealth;
  /** An expansion deal is already open: expansion playbooks wait until it closes. */
  openExpansionDeal?: boolean;
  /** Action keys a face has recorded done; their steps are no longer due. */
  completedSteps?: readonly string[];
}

/** One firing of a trigger: which firing it is, when it happened and why. */
export interface TriggerFiring {
  instance: string;
  triggeredAt: string;
  triggeredMs: number;
  reason: string;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const BAND_RANK: Record<Band, number> = { green: 0, yellow: 1, red: 2 };

const utcDate = formatDay;
const utcIso = formatInstant;

/** Every renewal stage and renewal playbook distance, furthest first. */
function renewalStageWindows(settings: Settings): number[] {
  const days = new Set<number>(settings.renewal.stages);
  for (const p of settings.playbooks) {
    if (p.enabled && p.trigger.type === 'renewal_due') days.add(p.trigger.daysOut);
  }
  return [...days].sort((a, b) => b - a);
}

/** The next stage nearer to renewal than `daysOut`, from windows listed furthest first. */
function nearerStage(windows: readonly number[], daysOut: number): number | null {
  for (const d of windows) if (d < daysOut) return d;
  return null;
}

/**
 * The contract term a persistent condition belongs to, so it fires once per term rather than on
 * every rescoring: the renewal date, else the contract start, else the month it was observed.
 */
export function termOf(snapshot: AccountSnapshot, observedMs: number): string {
  const c = snapshot.contract;
  if (c?.renewalDate !== undefined) return utcDate(parseInstant(c.renewalDate));
  if (c?.startDate !== undefined) return `start-${utcDate(parseInstant(c.startDate))}`;
  return utcDate(observedMs).slice(0, 7);
}

function fire(
  trigger: PlaybookTrigger,
  ctx: PlaybookContext,
  settings: Settings,
  asOfMs: number,
): TriggerFiring | null {
  const { snapshot, health, risk } = ctx;
  switch (trigger.type) {
    case 'handoff_submitted': {
      const ob = snapshot.onboarding;
      const submitted = ob?.handoffSubmittedAt;
      if (submitted === undefined) return null;
      const submittedMs = parseInstant(submitted);
      if (submittedMs > asOfMs) return null;
      // Onboarding ends when first value is recorded, or when its window has passed without it:
      // a handoff from long ago is no longer onboarding, whatever the CRM failed to record.
      if (ob?.firstValueAt !== undefined && parseInstant(ob.firstValueAt) <= asOfMs) return null;
      if (asOfMs - submittedMs > trigger.withinDays * DAY_MS) return null;
      const day = utcDate(submittedMs);
      return {
        instance: `handoff_submitted:${day}`,
        triggeredAt: utcIso(submittedMs),
        triggeredMs: submittedMs,
        reason: `Handoff submitted on ${day}`,
      };
    }
    case 'health_below_band': {
      if (health.band === null || health.score === null) return null;
      const target = BAND_RANK[trigger.band];
      if (BAND_RANK[health.band] < target) return null;
      const prev = ctx.previous;
      // Only the crossing fires: an account that stays red is not re-alerted on every rescoring.
      if (prev !== undefined && BAND_RANK[prev.band] >= target) return null;
      const asOfMsHealth = parseInstant(health.asOf);
      // One decimal, as scored: a rounded 45 would read as yellow for a red 44.9.
      const score = health.score;
      return {
        instance: `health_below_band:${trigger.band}:${utcDate(asOfMsHealth)}`,
        triggeredAt: utcIso(asOfMsHealth),
        triggeredMs: asOfMsHealth,
        reason:
          prev === undefined
            ? `Health is ${health.band} (score ${score})`
            : `Health fell to ${health.band} (score ${score}, was ${prev.band} at ${prev.score})`,
      };
    }
    case 'usage_drop': {
      const u = snapshot.usage;
      const now = u?.activeUsers30d;
      const prior = u?.activeUsersPrior30d;
      if (now === undefined || prior === undefined || prior <= 0) return null;
      const drop = ((prior - now) / prior) * 100;
      if (drop < trigger.percent) return null;
      const observedMs = u?.observedAt !== undefined ? parseInstant(u.observedAt) : asOfMs;
      // A drop is a fact about a 30-day window: one investigation per calendar month at most.
      return {
        instance: `usage_drop:${trigger.percent}:${utcDate(observedMs).slice(0, 7)}`,
        triggeredAt: utcIso(observedMs),
        triggeredMs: observedMs,
        reason: `Active users fell ${Math.round(drop)}% in 30 days (${prior} → ${now})`,
      };
    }
    case 'champion_left': {
      const leftAt = snapshot.engagement?.championLeftAt;
      if (leftAt === undefined) return null;
      const leftMs = parseInstant(leftAt);
      const daysAgo = Math.floor(asOfMs / DAY_MS) - Math.floor(leftMs / DAY_MS);
      if (daysAgo < 0 || daysAgo > settings.renewal.championLeftWithinDays) return null;
      const day = utcDate(leftMs);
      return {
        instance: `champion_left:${day}`,
        triggeredAt: utcIso(leftMs),
        triggeredMs: leftMs,
        reason: `Champion left on ${day}`,
      };
    }
    case 'renewal_due': {
      const days = risk.daysToRenewal;
      if (days === null || risk.renewalDate === null || days < 0 || days > trigger.daysOut) {
        return null;
      }
      // Inside this stage's window only: once the next nearer stage is reached, that one runs.
      const nearer = nearerStage(renewalStageWindows(settings), trigger.daysOut);
      if (nearer !== null && days <= nearer) return null;
      const renewalMs = parseInstant(risk.renewalDate);
      const day = utcDate(renewalMs);
      return {
        instance: `renewal_due:${trigger.daysOut}:${day}`,
        triggeredAt: utcIso(renewalMs - trigger.daysOut * DAY_MS),
        triggeredMs: renewalMs - trigger.daysOut * DAY_MS,
        reason: `Renewal on ${day} is ${days} day${days === 1 ? '' : 's'} away`,
      };
    }
    case 'renewal_lapsed': {
      const days = risk.daysToRenewal;
      if (days === null || risk.renewalDate === null || days >= 0) return null;
      // Lapsed from the first day after the renewal date.
      const lapsedMs = (dayNumber(risk.renewalDate) + 1) * DAY_MS;
      const day = utcDate(parseInstant(risk.renewalDate));
      return {
        instance: `renewal_lapsed:${day}`,
        triggeredAt: utcIso(lapsedMs),
        triggeredMs: lapsedMs,
        reason: `Renewal date ${day} passed ${-days} day${days === -1 ? '' : 's'} ago with no new one recorded`,
      };
    }
    case 'seat_utilisation_over': {
      const seats = snapshot.contract?.licensedSeats;
      const active = snapshot.usage?.activeUsers30d;
      if (seats === undefined || seats <= 0 || active === undefined) return null;
      const utilisation = (active / seats) * 100;
      if (utilisation <= trigger.percent) return null;
      const obs = snapshot.usage?.observedAt;
      const observedMs = obs !== undefined ? parseInstant(obs) : asOfMs;
      return {
        instance: `seat_utilisation_over:${trigger.percent}:${termOf(snapshot, observedMs)}`,
        triggeredAt: utcIso(observedMs),
        triggeredMs: observedMs,
        reason: `${active} of ${seats} licensed seats active (${displayPercent(active / seats)})`,
      };
    }
  }
}

/** `csops:<accountId>:<playbookId>:<triggerInstance>:<stepKey>` — what a face stores to dedupe. */
export function actionKey(
  accountId: string,
  playbookId: string,
  triggerInstance: string,
  stepKey: string,
): string {
  return `csops:${accountId}:${playbookId}:${triggerInstance}:${stepKey}`;
}

/** A step key as used in action keys: an admin's repeated key is told apart by its position. */
export function uniqueStepKey(steps: readonly PlaybookStep[], i: number): string {
  const key = steps[i]?.key ?? '';
  for (let j = 0; j < i; j++) if (steps[j]?.key === key) return `${key}#${i + 1}`;
  return key;
}

/**
 * Whether a step is recorded done: its action key among the completed steps, or, in onboarding,
 * the milestone of the same key done by asOf (a kickoff held is a kickoff step done).
 */
function isDone(
  playbook: Playbook,
  stepKey: string,
  key: string,
  ctx: PlaybookContext,
  asOfMs: number,
): boolean {
  if (ctx.completedSteps?.includes(key) === true) return true;
  if (playbook.kind !== 'onboarding') return false;
  const m = ctx.snapshot.onboarding?.milestones?.find((x) => x.key === stepKey);
  return m?.doneAt !== undefined && parseInstant(m.doneAt) <= asOfMs;
}

/** Every step of one firing of a playbook that is not done yet, in the playbook's order. */
export function pushActions(
  into: PlaybookAction[],
  playbook: Playbook,
  firing: TriggerFiring,
  ctx: PlaybookContext,
  asOfMs: number,
): void {
  const accountId = ctx.snapshot.accountId;
  const firedMs = firing.triggeredMs;
  const steps = playbook.steps;
  const asOfDay = Math.floor(asOfMs / DAY_MS);
  const first = steps[0] as PlaybookStep;
  const firstKey = actionKey(accountId, playbook.id, firing.instance, uniqueStepKey(steps, 0));
  // An escalation is for a first step left undone: once it is done, nobody is escalated.
  const firstDone = isDone(playbook, first.key, firstKey, ctx, asOfMs);
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as PlaybookStep;
    const stepKey = uniqueStepKey(steps, i);
    const key = actionKey(accountId, playbook.id, firing.instance, stepKey);
    if (isDone(playbook, step.key, key, ctx, asOfMs)) continue;
    const waitsOnFirst = step.type === 'escalation' && i > 0;
    if (waitsOnFirst && firstDone) continue;
    const dueMs =
      step.type === 'escalation'
        ? firedMs + step.afterHours * HOUR_MS
        : firedMs + step.dueInDays * DAY_MS;
    const dueDay = Math.floor(dueMs / DAY_MS);
    const action: PlaybookAction = {
      key,
      accountId,
      playbookId: playbook.id,
      playbookName: playbook.name,
      kind: playbook.kind,
      triggerInstance: firing.instance,
      triggerReason: firing.reason,
      stepKey,
      type: step.type,
      title: step.title,
      assignee: step.assignee,
      triggeredAt: firing.triggeredAt,
      dueAt: utcIso(dueMs),
      dueToday: dueDay === asOfDay,
      overdue: dueDay < asOfDay,
    };
    if (waitsOnFirst) action.onlyIfOpen = first.title;
    into.push(action);
  }
}

/** Expansion playbooks wait while an expansion deal is open or the account is at risk. */
export function expansionWelcome(ctx: PlaybookContext): boolean {
  if (ctx.openExpansionDeal === true) return false;
  return expansionHeldBack(ctx.snapshot, ctx.risk).length === 0;
}

/**
 * Every step of every enabled playbook whose trigger fires for this account now, each with its due
 * date and an idempotency key: the same firing always yields the same keys, so a face that stores
 * the key creates each task once, and a new firing (next renewal, another crossing) yields new ones.
 */
export function duePlaybookActions(ctx: PlaybookContext, settings: Settings): PlaybookAction[] {
  const asOfMs = parseInstant(ctx.snapshot.asOf);
  const actions: PlaybookAction[] = [];
  for (const playbook of settings.playbooks) {
    if (!playbook.enabled) continue;
    if (playbook.kind === 'expansion' && !expansionWelcome(ctx)) continue;
    const firing = fire(playbook.trigger, ctx, settings, asOfMs);
    if (firing !== null) pushActions(actions, playbook, firing, ctx, asOfMs);
  }
  return actions;
}
