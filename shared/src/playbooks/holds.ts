import { displayPercent } from '../display/numbers.js';
import { expansionHeldBack } from '../expansion/hold-back.js';
import type { Playbook } from '../settings/schema.js';
import { formatDay, parseInstant } from '../time/instant.js';
import { BAND_LABELS } from '../vocabulary/labels.js';
import { BAND_RANK, termOf, type PlaybookContext } from './run.js';

/** Whether a firing recorded earlier still stands, and if not, the note its open steps close with. */
export type TriggerStanding = { holds: true; reason: string } | { holds: false; note: string };

const DAY_MS = 86_400_000;

const holds = (reason: string): TriggerStanding => ({ holds: true, reason });
const cleared = (note: string): TriggerStanding => ({ holds: false, note });

/** The last part of an instance such as "renewal_due:90:2027-03-01": the day or term it is about. */
function instanceTail(instance: string): string {
  return instance.slice(instance.lastIndexOf(':') + 1);
}

/**
 * Whether the condition behind an earlier firing still holds now. Events (a crossing into red, a
 * champion leaving) fire on one day; the work they start stays open while the condition lasts and
 * is closed with a note once it has cleared. Missing data never clears a trigger: nobody's task is
 * closed because a sync failed.
 */
export function triggerStanding(
  playbook: Playbook,
  instance: string,
  ctx: PlaybookContext,
): TriggerStanding {
  const standing = conditionStanding(playbook, instance, ctx);
  if (!standing.holds || playbook.kind !== 'expansion') return standing;
  if (ctx.openExpansionDeal === true) return cleared('An expansion deal is open for this account');
  const heldBack = expansionHeldBack(ctx.snapshot, ctx.risk);
  return heldBack.length > 0 ? cleared(`Expansion is on hold: ${heldBack.join('; ')}`) : standing;
}

function conditionStanding(
  playbook: Playbook,
  instance: string,
  ctx: PlaybookContext,
): TriggerStanding {
  const { snapshot, health, risk } = ctx;
  const asOfMs = parseInstant(snapshot.asOf);
  const trigger = playbook.trigger;
  const tail = instanceTail(instance);
  switch (trigger.type) {
    case 'handoff_submitted': {
      const ob = snapshot.onboarding;
      if (ob?.firstValueAt !== undefined && parseInstant(ob.firstValueAt) <= asOfMs) {
        return cleared(`First value reached on ${formatDay(parseInstant(ob.firstValueAt))}`);
      }
      const submitted = ob?.handoffSubmittedAt;
      if (submitted === undefined) return holds(`Handoff submitted on ${tail}`);
      const submittedMs = parseInstant(submitted);
      if (formatDay(submittedMs) !== tail) {
        return cleared(`The handoff was submitted again on ${formatDay(submittedMs)}`);
      }
      if (asOfMs - submittedMs > trigger.withinDays * DAY_MS) {
        return cleared(`Onboarding ended ${trigger.withinDays} days after the handoff`);
      }
      return holds(`Handoff submitted on ${tail}`);
    }
    case 'health_below_band': {
      if (health.band === null || health.score === null) return holds('Health could not be scored');
      if (BAND_RANK[health.band] >= BAND_RANK[trigger.band]) {
        return holds(`Health is ${health.band} (score ${health.score})`);
      }
      return cleared(
        `Health recovered to ${BAND_LABELS[health.band].toLowerCase()} (score ${health.score})`,
      );
    }
    case 'usage_drop': {
      const now = snapshot.usage?.activeUsers30d;
      const prior = snapshot.usage?.activeUsersPrior30d;
      if (now === undefined || prior === undefined || prior <= 0) {
        return holds('Active users were not reported');
      }
      const drop = ((prior - now) / prior) * 100;
      if (drop >= trigger.percent)
        return holds(`Active users fell ${Math.round(drop)}% in 30 days`);
      return cleared(`Active users recovered (${prior} → ${now} in 30 days)`);
    }
    case 'champion_left': {
      const leftAt = snapshot.engagement?.championLeftAt;
      if (leftAt === undefined) return cleared('No champion departure is recorded any more');
      const day = formatDay(parseInstant(leftAt));
      if (day !== tail) return cleared(`The champion departure is now recorded on ${day}`);
      return holds(`Champion left on ${day}`);
    }
    case 'renewal_due':
    case 'renewal_lapsed': {
      if (risk.renewalDate === null) return cleared('No renewal date is recorded any more');
      const day = formatDay(parseInstant(risk.renewalDate));
      if (day !== tail) {
        return cleared(
          trigger.type === 'renewal_lapsed'
            ? `A new renewal date is recorded: ${day}`
            : `The renewal date is now ${day}`,
        );
      }
      const days = risk.daysToRenewal ?? 0;
      if (trigger.type === 'renewal_due') {
        if (days < 0) return cleared(`The renewal date ${day} has passed`);
        return holds(`Renewal on ${day} is ${days} day${days === 1 ? '' : 's'} away`);
      }
      return holds(`Renewal date ${day} passed with no new one recorded`);
    }
    case 'seat_utilisation_over': {
      const seats = snapshot.contract?.licensedSeats;
      const active = snapshot.usage?.activeUsers30d;
      if (seats === undefined || seats <= 0 || active === undefined) {
        return holds('Seat use was not reported');
      }
      const observed = snapshot.usage?.observedAt;
      const term = termOf(snapshot, observed !== undefined ? parseInstant(observed) : asOfMs);
      if (!instance.endsWith(`:${term}`)) return cleared('A new contract term has started');
      const share = displayPercent(active / seats);
      if ((active / seats) * 100 > trigger.percent)
        return holds(`${share} of licensed seats active`);
      return cleared(`Seat use fell to ${share}`);
    }
  }
}
