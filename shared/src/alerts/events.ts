import type { AccountEvaluation } from '../evaluation/evaluate.js';
import type { PreviousHealth } from '../health/types.js';
import type { LedgerPlan } from '../playbooks/ledger.js';
import type { Settings } from '../settings/schema.js';
import { dayNumber, formatDay, parseInstant } from '../time/instant.js';
import { BANDS, type AlertEvent, type Band } from '../vocabulary/keys.js';
import { BAND_LABELS, RISK_LEVEL_LABELS } from '../vocabulary/labels.js';

/** One thing worth telling a CS team about, before channels and the log have their say. */
export interface AlertCandidate {
  event: AlertEvent;
  /** The same event gives the same key on every run, so the log can say it was sent. */
  eventKey: string;
  /**
   * Keys starting with this share a cooldown: after one is sent, none of them is sent again
   * within settings.alerts.cooldownHours. Null: the key alone holds it to once.
   */
  cooldownScope: string | null;
  /** What changed, in plain words: "Health fell from Yellow to Red". */
  headline: string;
  /** Facts that go with it, one line each. */
  facts: string[];
}

export interface AlertEventInput {
  accountId: string;
  evaluation: AccountEvaluation;
  previous?: PreviousHealth;
  ledger?: LedgerPlan;
  /** When the CRM records the champion leaving (the snapshot's engagement.championLeftAt). */
  championLeftAt?: string | null;
  settings: Settings;
  asOf: string;
}

// Account ids go into keys as they are, but a colon in one would blur where the id ends.
const keyPart = (id: string): string => id.replace(/%/g, '%25').replace(/:/g, '%3A');
const bandRank = (band: Band): number => BANDS.length - BANDS.indexOf(band);
const grouped = (n: number): string => Math.round(n).toLocaleString('en-US');
const daysText = (n: number): string => (n === 1 ? '1 day' : `${n} days`);

function bandDrop(input: AlertEventInput, id: string): AlertCandidate | null {
  const { previous, evaluation } = input;
  const now = evaluation.health.band;
  if (previous === undefined || now === null) return null;
  if (bandRank(now) >= bandRank(previous.band)) return null;
  const day = formatDay(parseInstant(input.asOf));
  const score = evaluation.display.score;
  const trend = evaluation.display.trend;
  return {
    event: 'band_drop',
    eventKey: `band_drop:${id}:${previous.band}->${now}:${day}`,
    cooldownScope: `band_drop:${id}:`,
    headline: `Health fell from ${BAND_LABELS[previous.band]} to ${BAND_LABELS[now]}`,
    facts: score === null ? [] : [`Score ${score}${trend === null ? '' : ` (${trend})`}`],
  };
}

function renewalFacts(evaluation: AccountEvaluation): string[] {
  const { risk } = evaluation;
  const facts: string[] = [];
  if (risk.renewalDate !== null && risk.daysToRenewal !== null) {
    facts.push(
      risk.daysToRenewal >= 0
        ? `Renews on ${risk.renewalDate.slice(0, 10)}, in ${daysText(risk.daysToRenewal)}`
        : `Renewal date ${risk.renewalDate.slice(0, 10)} passed ${daysText(-risk.daysToRenewal)} ago`,
    );
  }
  if (risk.arrAtRisk > 0) facts.push(`ARR at risk ${grouped(risk.arrAtRisk)}`);
  return facts;
}

function criticalRisk(input: AlertEventInput, id: string): AlertCandidate | null {
  const { risk } = input.evaluation;
  if (risk.level !== 'critical') return null;
  const reasons = risk.reasons.slice(0, 3).map((r) => r.message);
  return {
    event: 'critical_renewal_risk',
    eventKey: `critical_renewal_risk:${id}:${risk.renewalDate?.slice(0, 10) ?? 'no-renewal-date'}`,
    cooldownScope: `critical_renewal_risk:${id}:`,
    headline: `Renewal risk is ${RISK_LEVEL_LABELS.critical}`,
    facts: [
      ...renewalFacts(input.evaluation),
      ...(reasons.length ? [`Why: ${reasons.join('; ')}`] : []),
    ],
  };
}

function championLeft(input: AlertEventInput, id: string): AlertCandidate | null {
  const leftAt = input.championLeftAt;
  if (leftAt === undefined || leftAt === null || !Number.isFinite(parseInstant(leftAt)))
    return null;
  const ago = dayNumber(input.asOf) - dayNumber(leftAt);
  if (ago < 0 || ago > input.settings.renewal.championLeftWithinDays) return null;
  const day = formatDay(parseInstant(leftAt));
  return {
    event: 'champion_left',
    eventKey: `champion_left:${id}:${day}`,
    cooldownScope: `champion_left:${id}:`,
    headline: `The champion left on ${day}`,
    facts: renewalFacts(input.evaluation),
  };
}

function renewalStage(input: AlertEventInput, id: string): AlertCandidate | null {
  const { risk } = input.evaluation;
  if (risk.stage === null || risk.overdue || risk.renewalDate === null) return null;
  const renewalDay = risk.renewalDate.slice(0, 10);
  return {
    event: 'renewal_stage',
    eventKey: `renewal_stage:${id}:${risk.stage}:${renewalDay}`,
    cooldownScope: `renewal_stage:${id}:`,
    headline: `Renewal is ${risk.stage} days out`,
    facts: [...renewalFacts(input.evaluation), `Renewal risk ${input.evaluation.display.risk}`],
  };
}

function escalations(input: AlertEventInput): AlertCandidate[] {
  const due = (input.ledger?.create ?? []).filter((a) => a.type === 'escalation');
  // Each escalation is its own obligation, created once by the ledger: no cooldown may swallow one.
  return due.map((action) => ({
    event: 'escalation_due' as const,
    eventKey: `escalation_due:${action.key}`,
    cooldownScope: null,
    headline: `Escalation due: ${action.title}`,
    facts: [
      `${action.playbookName}: ${action.triggerReason}`,
      `Due ${formatDay(parseInstant(action.dueAt))}`,
    ],
  }));
}

/** Every alert event that stands for this account now, whether or not it was sent before. */
export function alertCandidates(input: AlertEventInput): AlertCandidate[] {
  const id = keyPart(input.accountId);
  const one = [
    bandDrop(input, id),
    criticalRisk(input, id),
    championLeft(input, id),
    renewalStage(input, id),
  ].filter((c): c is AlertCandidate => c !== null);
  return [...one, ...escalations(input)];
}
