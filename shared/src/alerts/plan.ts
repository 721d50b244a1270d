import type { AccountEvaluation } from '../evaluation/evaluate.js';
import type { PreviousHealth } from '../health/types.js';
import type { LedgerPlan } from '../playbooks/ledger.js';
import type { Settings } from '../settings/schema.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import type { AlertEvent } from '../vocabulary/keys.js';
import { alertCandidates, type AlertCandidate } from './events.js';
import { ALERT_KEY_MAX_LENGTH, ALERT_LOG_MAX_ENTRIES, type AlertLog } from './log.js';
import { alertMessage, type AlertAccount, type SlackBlock } from './message.js';

export interface AlertPlanInput {
  account: AlertAccount;
  evaluation: AccountEvaluation;
  /** The trend baseline the evaluation compared against: a band drop is measured from it. */
  previous?: PreviousHealth;
  /** The evaluation's ledger plan: escalations in `create` fall due now. */
  ledger?: LedgerPlan;
  /** When the CRM records the champion leaving (the snapshot's engagement.championLeftAt). */
  championLeftAt?: string | null;
  /** The account's alert log as read from the CRM (parseAlertLog). */
  sent: AlertLog;
  settings: Settings;
  asOf: string;
}

/** One message for one channel. The channel's webhook URL is not here: only the secret's name. */
export interface ChannelAlert {
  channel: string;
  webhookSecret: string;
  eventKey: string;
  event: AlertEvent;
  text: string;
  blocks: SlackBlock[];
}

export interface AlertPlan {
  alerts: ChannelAlert[];
  /** The log to store on the record, with these alerts in it. */
  sent: AlertLog;
}

const HOUR_MS = 3_600_000;

/**
 * Which alerts to send for one account now, and the log to store with them. An event is sent
 * once per event key; after one is sent, no other of the same event type for the account follows
 * within settings.alerts.cooldownHours (escalations excepted: each is its own, created once).
 *
 * The face stores the returned `sent` on the record BEFORE it sends, so delivery is at most once:
 * a crash between the write and the send loses those alerts rather than sending them twice, and a
 * retried run finds them logged. The same input gives the same plan, so planning again with the
 * returned log sends nothing.
 */
export function planAlerts(input: AlertPlanInput): AlertPlan {
  const asOfMs = parseInstant(input.asOf);
  const cooldownMs = input.settings.alerts.cooldownHours * HOUR_MS;
  const withinCooldown = (at: string): boolean => asOfMs - parseInstant(at) < cooldownMs;
  const candidates = alertCandidates({
    accountId: input.account.id,
    evaluation: input.evaluation,
    previous: input.previous,
    ledger: input.ledger,
    championLeftAt: input.championLeftAt,
    settings: input.settings,
    asOf: input.asOf,
  }).filter((c) => c.eventKey.length <= ALERT_KEY_MAX_LENGTH);

  const log: AlertLog = { ...input.sent };
  const cooling = (c: AlertCandidate): boolean => {
    const scope = c.cooldownScope;
    if (scope === null) return false;
    return Object.entries(log).some(([key, at]) => key.startsWith(scope) && withinCooldown(at));
  };

  const alerts: ChannelAlert[] = [];
  const sentNow = formatInstant(asOfMs);
  for (const candidate of candidates) {
    if (log[candidate.eventKey] !== undefined || cooling(candidate)) continue;
    // A webhook posts to one Slack channel: two entries naming the same secret get one message.
    const channels = input.settings.alerts.channels.filter(
      (ch, i, all) =>
        ch.events.includes(candidate.event) &&
        all.findIndex(
          (o) => o.webhookSecret === ch.webhookSecret && o.events.includes(candidate.event),
        ) === i,
    );
    if (channels.length === 0) continue;
    const message = alertMessage(input.account, candidate, input.evaluation.health.drivers);
    for (const ch of channels) {
      alerts.push({
        channel: ch.name,
        webhookSecret: ch.webhookSecret,
        eventKey: candidate.eventKey,
        event: candidate.event,
        ...message,
      });
    }
    log[candidate.eventKey] = sentNow;
  }

  return { alerts, sent: pruned(log, new Set(candidates.map((c) => c.eventKey)), withinCooldown) };
}

/**
 * What the log must keep: an entry still inside its cooldown, and an entry whose event still
 * stands (a renewal stage lasts weeks; dropping its entry after a day would send it again).
 * Everything else goes, newest kept first when the log would outgrow its bound.
 */
function pruned(
  log: AlertLog,
  standing: ReadonlySet<string>,
  withinCooldown: (at: string) => boolean,
): AlertLog {
  const kept = Object.entries(log).filter(([key, at]) => standing.has(key) || withinCooldown(at));
  kept.sort(([ka, a], [kb, b]) => {
    const live = Number(standing.has(kb)) - Number(standing.has(ka));
    return live !== 0 ? live : parseInstant(b) - parseInstant(a) || (ka < kb ? -1 : 1);
  });
  return Object.fromEntries(kept.slice(0, ALERT_LOG_MAX_ENTRIES));
}
