import { evaluateAccount } from '../evaluation/evaluate.js';
import type { PlaybookAction } from '../playbooks/types.js';
import { assignCsm, type Assignment } from '../routing/assign.js';
import type { CsmLoad } from '../routing/schema.js';
import { segmentFor } from '../routing/segment.js';
import { nextCsmSlot, withTakenSlots } from '../routing/slots.js';
import type { Settings } from '../settings/schema.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import type { Segment } from '../vocabulary/keys.js';
import { SEGMENTS } from '../vocabulary/keys.js';
import { evaluateHandoff } from './evaluate.js';
import type { HandoffEvaluation, HandoffInput } from './types.js';

/** The account a handoff hands over, as the CRM holds it; anything unknown may be missing. */
export interface HandoffAccount {
  accountId: string;
  name?: string;
  /** Blank, negative or unreadable ARR counts as none yet. */
  arr?: number | null;
  /** A value that is not a segment is ignored, and the segment follows from ARR. */
  segment?: string | null;
  /** The CSM already on the account, who keeps it. */
  csmId?: string | null;
  /** When first value was recorded: onboarding is then over and starts no steps. */
  firstValueAt?: string | null;
}

export interface HandoffRouting extends Assignment {
  /** The CSM was on the account already; nothing needs writing. */
  alreadyAssigned: boolean;
}

export interface HandoffSubmission {
  accepted: boolean;
  evaluation: HandoffEvaluation;
  /** When accepted, the moment onboarding starts: store it as onboarding.handoffSubmittedAt. */
  submittedAt: string | null;
  /** When accepted, who the account goes to (csmId null, with the reason, when nobody fits). */
  assignment: HandoffRouting | null;
  /** The CSM to store on the account: set only when routing picked someone not yet there. */
  csmToStore: string | null;
  /** The capacity slot the account claims in that CSM's book (a unique value), with csmToStore. */
  csmSlot: string | null;
  /** The onboarding playbook's steps the submission starts, each with its idempotency key. */
  onboardingActions: PlaybookAction[];
  /** When refused, what the AE still has to do: one line per blocking item. */
  refusedBecause: string[];
}

export interface HandoffSubmitContext {
  account: HandoffAccount;
  /** Every CSM's current book; only read when the account has no CSM yet. */
  book: readonly CsmLoad[];
  /** The stamp of an earlier accepted submission: a retry keeps it, so tasks keep their keys. */
  submittedBefore?: string | null;
  /** Slots another account turned out to hold when this one tried to claim them. */
  takenSlots?: readonly string[];
}

const present = (v: string | null | undefined): v is string => typeof v === 'string' && v !== '';

function routingOf(account: HandoffAccount): { arr: number; segment: Segment | undefined } {
  const arr =
    typeof account.arr === 'number' && Number.isFinite(account.arr) && account.arr > 0
      ? account.arr
      : 0;
  const segment = SEGMENTS.find((s) => s === account.segment);
  return { arr, segment };
}

/** Only the playbooks the handoff itself triggers: the rest belong to the account's scoring. */
function onboardingActionsFor(
  account: HandoffAccount,
  settings: Settings,
  submittedAt: string,
  asOf: string,
): PlaybookAction[] {
  const { arr, segment } = routingOf(account);
  const snapshot: AccountSnapshot = {
    accountId: account.accountId,
    asOf,
    arr,
    ...(present(account.name) ? { name: account.name } : {}),
    ...(segment !== undefined ? { segment } : {}),
    onboarding: {
      handoffSubmittedAt: submittedAt,
      ...(present(account.firstValueAt) ? { firstValueAt: account.firstValueAt } : {}),
      observedAt: asOf,
    },
  };
  const triggeredByHandoff = new Set(
    settings.playbooks.filter((p) => p.trigger.type === 'handoff_submitted').map((p) => p.id),
  );
  return evaluateAccount(snapshot, settings).actions.filter((a) =>
    triggeredByHandoff.has(a.playbookId),
  );
}

/**
 * The AE's "Submit to Customer Success": accepted only when nothing required is open. Acceptance
 * stamps the submission (a resubmission keeps its first stamp), starts the onboarding playbook's
 * steps and routes the account — keeping a CSM already on it, else by segment and capacity.
 */
export function submitHandoff(
  input: HandoffInput,
  settings: Settings,
  asOf: string,
  ctx: HandoffSubmitContext,
): HandoffSubmission {
  const evaluation = evaluateHandoff(input, settings, asOf);
  if (!evaluation.readyForOnboarding) {
    return {
      accepted: false,
      evaluation,
      submittedAt: null,
      assignment: null,
      csmToStore: null,
      csmSlot: null,
      onboardingActions: [],
      refusedBecause: evaluation.blocking.map((i) => `${i.label}: ${i.message}`),
    };
  }
  const { account } = ctx;
  const submittedAt = present(ctx.submittedBefore) ? ctx.submittedBefore : asOf;
  const { arr, segment } = routingOf(account);
  const book = withTakenSlots(ctx.book, ctx.takenSlots ?? []);
  const assignment: HandoffRouting = present(account.csmId)
    ? {
        csmId: account.csmId,
        segment: segment ?? segmentFor(arr, settings),
        reason: 'Already assigned to this CSM',
        alreadyAssigned: true,
      }
    : {
        ...assignCsm({ accountId: account.accountId, arr, segment }, book, settings),
        alreadyAssigned: false,
      };
  const csmToStore = assignment.alreadyAssigned ? null : assignment.csmId;
  return {
    accepted: true,
    evaluation,
    submittedAt,
    assignment,
    csmToStore,
    csmSlot: csmToStore === null ? null : nextCsmSlot(csmToStore, book),
    onboardingActions: onboardingActionsFor(account, settings, submittedAt, asOf),
    refusedBecause: [],
  };
}
