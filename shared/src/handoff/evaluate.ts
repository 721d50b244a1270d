import type { Settings } from '../settings/schema.js';
import type { HandoffItemKey, StakeholderRole } from '../vocabulary/keys.js';
import { HANDOFF_ITEM_KEYS } from '../vocabulary/keys.js';
import { HANDOFF_ITEM_LABELS, STAKEHOLDER_ROLE_LABELS } from '../vocabulary/labels.js';
import { isCalendarDate } from '../time/calendar-date.js';
import { oversizedHandoff } from './limits.js';
import type { HandoffEvaluation, HandoffInput, HandoffItemResult } from './types.js';

type Verdict = { status: 'complete' } | { status: 'missing' | 'invalid'; message: string };
const COMPLETE: Verdict = { status: 'complete' };

// Answers that fill the field without telling onboarding anything.
const PLACEHOLDER =
  /^(tbd|tba|tbc|n\/?a|none yet|todo|to do|unknown|to be (determined|confirmed|defined)|see (notes|above|deal)|\?+|-+|\.+|x+)$/i;

function words(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Free-text items need real content: onboarding reads them to plan the kickoff. Goals, criteria
 * and requirements need a sentence; alternatives and promises may honestly be one word ("None").
 */
function textItem(value: string | undefined, minWords: number, ask: string): Verdict {
  if (value === undefined || value.trim() === '') return { status: 'missing', message: ask };
  const trimmed = value.trim();
  if (PLACEHOLDER.test(trimmed)) {
    return { status: 'invalid', message: `"${trimmed}" is a placeholder. ${ask}` };
  }
  if (words(trimmed) < minWords) {
    return { status: 'invalid', message: `${ask} (at least ${minWords} words)` };
  }
  return COMPLETE;
}

// Deliberately loose: one @, a dot in the domain, no spaces. CRMs hold the authoritative check.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What is wrong with a stakeholder's email, for its own field; null when it reads as an address. */
export function stakeholderEmailProblem(email: string | undefined): string | null {
  if (email === undefined || email.trim() === '' || EMAIL.test(email.trim())) return null;
  return `"${email.trim()}" is not an email address: write it as name@company.com`;
}

function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function stakeholdersItem(input: HandoffInput, requiredRoles: readonly StakeholderRole[]): Verdict {
  const people = input.stakeholders ?? [];
  const named = people.filter((p) => p.name.trim() !== '');
  if (named.length === 0) {
    const roles = requiredRoles.map((r) => `the ${STAKEHOLDER_ROLE_LABELS[r]}`);
    const who = roles.length > 0 ? joinWords(roles) : 'the customer contacts';
    return { status: 'missing', message: `Add ${who} to stakeholders` };
  }
  const problems: string[] = [];
  const absent = requiredRoles.filter((role) => !named.some((p) => p.role === role));
  if (absent.length > 0) {
    problems.push(
      `Add ${joinWords(absent.map((r) => `the ${STAKEHOLDER_ROLE_LABELS[r]}`))} to stakeholders`,
    );
  }
  if (people.length > named.length)
    problems.push('Name every stakeholder or remove the blank ones');
  const badEmails = named.filter((p) => stakeholderEmailProblem(p.email) !== null);
  for (const p of badEmails) problems.push(`Fix the email of ${p.name.trim()} ("${p.email}")`);
  return problems.length === 0 ? COMPLETE : { status: 'invalid', message: problems.join('; ') };
}

function confirmationItem(value: boolean | undefined, ask: string, notYet: string): Verdict {
  if (value === true) return COMPLETE;
  return { status: 'missing', message: value === false ? notYet : ask };
}

function kickoffItem(value: string | undefined, asOf: string): Verdict {
  if (value === undefined || value.trim() === '') {
    return { status: 'missing', message: 'Set the kickoff date' };
  }
  const date = value.trim();
  if (!isCalendarDate(date)) {
    return {
      status: 'invalid',
      message: `Kickoff date "${date}" is not a real date (use YYYY-MM-DD)`,
    };
  }
  if (date < asOf.slice(0, 10)) {
    return {
      status: 'invalid',
      message: `Kickoff date ${date} is in the past: set the date of the upcoming kickoff`,
    };
  }
  return COMPLETE;
}

function verdictFor(
  key: HandoffItemKey,
  input: HandoffInput,
  settings: Settings,
  asOf: string,
): Verdict {
  switch (key) {
    case 'customerGoals':
      return textItem(input.customerGoals, 3, 'Describe what the customer wants to achieve');
    case 'successCriteria':
      return textItem(input.successCriteria, 3, 'Write down how the customer will measure success');
    case 'technicalRequirements':
      return textItem(input.technicalRequirements, 3, 'List the technical requirements');
    case 'implementationRequirements':
      return textItem(
        input.implementationRequirements,
        3,
        'Describe the implementation scope and timeline',
      );
    case 'stakeholders':
      return stakeholdersItem(input, settings.handoff.requiredStakeholderRoles);
    case 'competitiveAlternatives':
      return textItem(
        input.competitiveAlternatives,
        1,
        'Name the alternatives the customer evaluated (or "None")',
      );
    case 'promisesMade':
      return textItem(input.promisesMade, 1, 'Record any promise made during the sale (or "None")');
    case 'contractExecuted':
      return confirmationItem(
        input.contractExecuted,
        'Confirm the contract is executed',
        'The contract is not executed yet: get it signed before handing off',
      );
    case 'paymentTermsConfirmed':
      return confirmationItem(
        input.paymentTermsConfirmed,
        'Confirm the payment terms',
        'Payment terms are not confirmed yet: agree them with the customer',
      );
    case 'kickoffDate':
      return kickoffItem(input.kickoffDate, asOf);
  }
}

/**
 * Judges a sales-to-CS handoff against the checklist in settings: each item's status and what to
 * do about it, a weighted completeness, and whether onboarding can start (no required item open).
 */
export function evaluateHandoff(
  input: HandoffInput,
  settings: Settings,
  asOf: string,
): HandoffEvaluation {
  const oversized = oversizedHandoff(input);
  const items: HandoffItemResult[] = HANDOFF_ITEM_KEYS.map((key) => {
    const { required, weight } = settings.handoff.items[key];
    // A handoff the deal cannot store blocks submission on the field to shorten, required or not.
    const v: Verdict =
      oversized?.key === key
        ? { status: 'invalid', message: oversized.message }
        : verdictFor(key, input, settings, asOf);
    return {
      key,
      label: HANDOFF_ITEM_LABELS[key],
      required,
      weight,
      status: v.status,
      message: v.status === 'complete' ? '' : v.message,
    };
  });
  const totalWeight = items.reduce((s, i) => s + i.weight, 0);
  const done = items.filter((i) => i.status === 'complete');
  // With every weight at 0 the admin has expressed no preference: count items instead.
  const share =
    totalWeight > 0
      ? done.reduce((s, i) => s + i.weight, 0) / totalWeight
      : done.length / items.length;
  const missing = items.filter((i) => i.status !== 'complete');
  const blocking = missing.filter(
    (i) => i.required || (oversized !== null && i.key === oversized.key),
  );
  return {
    completeness: Math.round(share * 100),
    items,
    missing,
    blocking,
    readyForOnboarding: blocking.length === 0,
  };
}

/**
 * When a handoff is judged: a submitted one as of its submission (its kickoff date was ahead
 * then), a draft as of now — so the card, lists and the stored completeness say the same.
 */
export function handoffJudgedAt(submittedAt: string | null | undefined, now: string): string {
  return submittedAt ? submittedAt : now;
}
