import { round1 } from '../health/round.js';

// How a score and its parts read on every face: one decimal, as scored, so a red 44.9 never
// reads "45" (which would look yellow); a whole number drops its ".0".

function oneDecimal(value: number): string {
  const rounded = round1(value);
  // -0 would print as "0" anyway, but a tiny negative rounds to "-0" through toFixed.
  return String(rounded === 0 ? 0 : rounded);
}

/** A health or measure score, 0–100: `displayScore(44.9) === "44.9"`, `displayScore(45) === "45"`. */
export function displayScore(score: number): string {
  return oneDecimal(score);
}

/** A score change with its sign: "+3.2", "-1", "0". */
export function displayDelta(delta: number): string {
  const text = oneDecimal(delta);
  return round1(delta) > 0 ? `+${text}` : text;
}

/**
 * A share (0–1) as the percent stored and shown, to one decimal: coverage 0.875 is 87.5. The
 * coverage written back to the CRM is this number, so lists and the card agree.
 */
export function percentOf(share: number): number {
  const value = round1(share * 100);
  return value === 0 ? 0 : value;
}

/** A share (0–1) as people read it: `displayPercent(0.875) === "87.5%"`. */
export function displayPercent(share: number): string {
  return `${String(percentOf(share))}%`;
}

// Weight shares are rounded together, so they add up to 100: see shares.ts.
