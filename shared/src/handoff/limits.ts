import { formatAmount } from '../expansion/draft.js';
import type { HandoffItemKey } from '../vocabulary/keys.js';
import { HANDOFF_ITEM_KEYS } from '../vocabulary/keys.js';
import { HANDOFF_ITEM_LABELS } from '../vocabulary/labels.js';
import type { HandoffInput } from './types.js';

/** HubSpot refuses a property value longer than this, on every retry: the handoff is one value. */
export const HANDOFF_MAX_CHARS = 65_536;
export const HANDOFF_MAX_TEXT = 5_000;
export const STAKEHOLDER_MAX_NAME = 200;
/** The longest address mail systems deliver to. */
export const STAKEHOLDER_MAX_EMAIL = 254;
export const HANDOFF_MAX_STAKEHOLDERS = 50;

/** Characters the handoff takes as the JSON stored on the deal (escapes count, as HubSpot counts them). */
export function storedSize(input: HandoffInput): number {
  return JSON.stringify(input).length;
}

export interface OversizedHandoff {
  /** The item that takes the most room, where shortening helps most. */
  key: HandoffItemKey;
  size: number;
  message: string;
}

/** Null when the handoff fits on the deal; else the item to shorten, with a message for its field. */
export function oversizedHandoff(input: HandoffInput): OversizedHandoff | null {
  const size = storedSize(input);
  if (size <= HANDOFF_MAX_CHARS) return null;
  let key: HandoffItemKey = HANDOFF_ITEM_KEYS[0];
  let largest = -1;
  for (const k of HANDOFF_ITEM_KEYS) {
    const itemSize = JSON.stringify(input[k] ?? '').length;
    if (itemSize > largest) {
      largest = itemSize;
      key = k;
    }
  }
  return {
    key,
    size,
    message: `The handoff is ${formatAmount(size - HANDOFF_MAX_CHARS)} characters longer than the deal can store (${formatAmount(HANDOFF_MAX_CHARS)}): shorten ${HANDOFF_ITEM_LABELS[key]}`,
  };
}
