import type { Playbook, PlaybookStep, Settings } from '../settings/schema.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import type { LedgerStatus } from '../vocabulary/keys.js';
import { triggerStanding } from './holds.js';
import {
  duePlaybookActions,
  pushActions,
  uniqueStepKey,
  type PlaybookContext,
  type TriggerFiring,
} from './run.js';
import type { PlaybookAction } from './types.js';

/** A playbook action the CRM already holds (a HubSpot task, a Salesforce Task), by its key. */
export interface LedgerEntry {
  key: string;
  status: LedgerStatus;
  /** When its trigger fired, as recorded with it: escalations on a quiet trigger are timed from it. */
  triggeredAt?: string;
}

/** An open step csops closes, with the note saying why. */
export interface LedgerClosure {
  key: string;
  note: string;
  /**
   * `done` when the CRM shows the work was done (a milestone recorded); `skipped` when nobody
   * did it and it is no longer needed (its trigger cleared, or the step it escalated was done).
   */
  outcome: 'done' | 'skipped';
}

/** An escalation that falls due at `dueAt` if the step it waits on is still open then. */
export interface WaitingEscalation {
  key: string;
  title: string;
  dueAt: string;
  waitsOn: string;
}

export interface LedgerPlan {
  /** Steps to record now, each key once: what is new, and escalations whose time has come. */
  create: PlaybookAction[];
  /** Open steps whose trigger cleared, or that a recorded milestone or done step made moot. */
  close: LedgerClosure[];
  /** Escalations not due yet; nothing is written for them until they are. */
  waiting: WaitingEscalation[];
}

const CLOSED: ReadonlySet<LedgerStatus> = new Set(['done', 'skipped']);

interface Firing {
  playbook: Playbook;
  instance: string;
  /** Actions of this firing that are not done, from the playbook's steps. */
  actions: PlaybookAction[];
}

/** Which playbook, firing and step an action key belongs to, read against today's playbooks. */
function locate(
  key: string,
  accountId: string,
  settings: Settings,
): { playbook: Playbook; instance: string; stepIndex: number } | null {
  for (const playbook of settings.playbooks) {
    const prefix = `csops:${accountId}:${playbook.id}:${playbook.trigger.type}:`;
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(`csops:${accountId}:${playbook.id}:`.length);
    for (let i = 0; i < playbook.steps.length; i++) {
      const suffix = `:${uniqueStepKey(playbook.steps, i)}`;
      if (rest.endsWith(suffix) && rest.length > suffix.length) {
        return { playbook, instance: rest.slice(0, -suffix.length), stepIndex: i };
      }
    }
  }
  return null;
}

/** When an earlier firing happened: as recorded, else worked back from its first step's due date. */
function recordedFiring(entries: readonly LedgerEntry[]): number | null {
  for (const e of entries) if (e.triggeredAt !== undefined) return parseInstant(e.triggeredAt);
  return null;
}

function stepClosure(
  key: string,
  playbook: Playbook,
  step: PlaybookStep,
  stepIndex: number,
): LedgerClosure {
  const first = playbook.steps[0] as PlaybookStep;
  if (step.type === 'escalation' && stepIndex > 0) {
    return { key, note: `Not needed: “${first.title}” is done`, outcome: 'skipped' };
  }
  return { key, note: 'Done: the CRM records this milestone as reached', outcome: 'done' };
}

/**
 * What the CRM should hold for one account's playbooks now, given what it already holds. Each
 * action key is created once: a step recorded done or skipped never comes back, an escalation is
 * created only once its delay has passed with its step still open, and open steps whose trigger has
 * cleared are closed with a note. The same account and entries in give the same plan out, so a
 * retried or repeated run after applying a plan finds nothing to do.
 */
export function planLedger(
  ctx: PlaybookContext,
  settings: Settings,
  recorded: readonly LedgerEntry[],
): LedgerPlan {
  const accountId = ctx.snapshot.accountId;
  const asOfMs = parseInstant(ctx.snapshot.asOf);
  const byKey = new Map(recorded.map((e) => [e.key, e]));
  const closedKeys = recorded.filter((e) => CLOSED.has(e.status)).map((e) => e.key);
  const withClosed: PlaybookContext = {
    ...ctx,
    completedSteps: [...(ctx.completedSteps ?? []), ...closedKeys],
  };

  // Firings that fire now, then earlier firings the CRM holds steps of, each once.
  const firings = new Map<string, Firing>();
  const playbooksById = new Map(settings.playbooks.map((p) => [p.id, p]));
  for (const action of duePlaybookActions(withClosed, settings)) {
    const id = `${action.playbookId}\u0000${action.triggerInstance}`;
    const playbook = playbooksById.get(action.playbookId) as Playbook;
    const firing = firings.get(id) ?? { playbook, instance: action.triggerInstance, actions: [] };
    firing.actions.push(action);
    firings.set(id, firing);
  }

  const earlier = new Map<
    string,
    { playbook: Playbook; instance: string; entries: LedgerEntry[] }
  >();
  // Each recorded key read against today's playbooks once; keys no playbook makes are left alone.
  const located = recorded.flatMap((entry) => {
    const at = locate(entry.key, accountId, settings);
    return at === null ? [] : [{ entry, ...at }];
  });
  for (const { entry, ...at } of located) {
    const id = `${at.playbook.id}\u0000${at.instance}`;
    if (firings.has(id)) continue;
    const group = earlier.get(id) ?? { playbook: at.playbook, instance: at.instance, entries: [] };
    group.entries.push(entry);
    earlier.set(id, group);
  }

  const plan: LedgerPlan = { create: [], close: [], waiting: [] };
  for (const [id, group] of earlier) {
    // Both faces time escalations from the firing, whatever the task's own dates say.
    const standing = triggerStanding(group.playbook, group.instance, ctx);
    if (!standing.holds) {
      for (const e of group.entries) {
        if (e.status === 'open') {
          plan.close.push({ key: e.key, note: standing.note, outcome: 'skipped' });
        }
      }
      continue;
    }
    const firedMs = recordedFiring(group.entries);
    if (firedMs === null) continue;
    const firing: TriggerFiring = {
      instance: group.instance,
      triggeredAt: formatInstant(firedMs),
      triggeredMs: firedMs,
      reason: standing.reason,
    };
    const actions: PlaybookAction[] = [];
    pushActions(actions, group.playbook, firing, withClosed, asOfMs);
    firings.set(id, { playbook: group.playbook, instance: group.instance, actions });
  }

  for (const firing of firings.values()) {
    const due = new Set(firing.actions.map((a) => a.key));
    for (const action of firing.actions) {
      if (byKey.has(action.key)) continue;
      if (action.type === 'escalation' && parseInstant(action.dueAt) > asOfMs) {
        plan.waiting.push({
          key: action.key,
          title: action.title,
          dueAt: action.dueAt,
          waitsOn: action.onlyIfOpen ?? action.title,
        });
        continue;
      }
      plan.create.push(action);
    }
    // Open steps of a standing firing that are no longer due: a milestone recorded, a step done.
    for (const { entry, ...at } of located) {
      if (entry.status !== 'open' || due.has(entry.key)) continue;
      if (at.playbook.id !== firing.playbook.id || at.instance !== firing.instance) continue;
      const step = firing.playbook.steps[at.stepIndex] as PlaybookStep;
      plan.close.push(stepClosure(entry.key, firing.playbook, step, at.stepIndex));
    }
  }
  return plan;
}

/** The people a step can go to on one account. */
export interface AccountPeople {
  csmId?: string | null;
  accountOwnerId?: string | null;
}

/**
 * Who owns a step's task: its assignee when known, else the next person responsible, so no task
 * is left without an owner while anyone is on the account. Escalations go to the CS manager named
 * in settings.
 */
export function stepOwner(
  assignee: PlaybookStep['assignee'],
  people: AccountPeople,
  settings: Settings,
): string | null {
  const csm = people.csmId || null;
  const owner = people.accountOwnerId || null;
  switch (assignee) {
    case 'csm':
      return csm ?? owner;
    case 'owner':
      return owner ?? csm;
    case 'manager':
      return settings.team.manager?.id ?? csm ?? owner;
  }
}
