import { clone, DEFAULT_SETTINGS } from './defaults.js';

// Version 3 added a lapsed-renewal risk sign and playbook, a usage condition on the healthy-near-
// renewal expansion signal, and followed CS practice on two timings: healthy accounts are
// approached six months before renewal (was four), and a red account escalates after 48 hours
// (was 72). A value still at its old default was never chosen by an admin, so it moves to the
// new one; a value the admin changed stays as it was.

const OLD_HEALTHY_MONTHS = 4;
const OLD_RED_ESCALATION_HOURS = 72;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function redEscalationToDefault(playbooks: unknown): void {
  if (!Array.isArray(playbooks)) return;
  const fresh = DEFAULT_SETTINGS.playbooks.find((p) => p.id === 'health-red');
  const freshStep = fresh?.steps.find((s) => s.key === 'escalate');
  if (freshStep?.type !== 'escalation') return;
  for (const p of playbooks) {
    if (!isObject(p) || p.id !== 'health-red' || !Array.isArray(p.steps)) continue;
    for (const step of p.steps) {
      if (
        isObject(step) &&
        step.key === 'escalate' &&
        step.afterHours === OLD_RED_ESCALATION_HOURS
      ) {
        step.afterHours = freshStep.afterHours;
      }
    }
  }
}

/** A version-2 settings object as version 3, for the current schema to validate. */
export function fromV2(input: Json): unknown {
  const s = clone(input);
  s.version = 3;
  const renewal = s.renewal;
  if (
    isObject(renewal) &&
    isObject(renewal.riskPoints) &&
    renewal.riskPoints.renewalLapsed === undefined
  ) {
    renewal.riskPoints.renewalLapsed = DEFAULT_SETTINGS.renewal.riskPoints.renewalLapsed;
  }
  const expansion = s.expansion;
  if (isObject(expansion)) {
    if (expansion.minUsageScore === undefined) {
      expansion.minUsageScore = DEFAULT_SETTINGS.expansion.minUsageScore;
    }
    if (expansion.healthyWithinMonthsOfRenewal === OLD_HEALTHY_MONTHS) {
      expansion.healthyWithinMonthsOfRenewal =
        DEFAULT_SETTINGS.expansion.healthyWithinMonthsOfRenewal;
    }
  }
  redEscalationToDefault(s.playbooks);
  if (
    Array.isArray(s.playbooks) &&
    !s.playbooks.some((p) => isObject(p) && p.id === 'renewal-lapsed')
  ) {
    const lapsed = DEFAULT_SETTINGS.playbooks.find((p) => p.id === 'renewal-lapsed');
    if (lapsed !== undefined) s.playbooks.push(clone(lapsed));
  }
  return s;
}
