import { seededRandom, shuffled } from './random.js';

/**
 * Assigns each row to one of k folds, stratified by outcome so every fold sees about the same
 * churn rate. Returns the fold number (0…k−1) of each row.
 */
export function stratifiedFolds(churned: readonly boolean[], k: number, seed: number): Int32Array {
  const folds = new Int32Array(churned.length);
  const random = seededRandom(seed);
  const positives: number[] = [];
  const negatives: number[] = [];
  churned.forEach((c, i) => (c ? positives : negatives).push(i));
  // Dealing one class after the other, continuing the rotation, keeps fold sizes within one row.
  let next = 0;
  for (const group of [positives, negatives]) {
    for (const i of shuffled(group, random)) {
      folds[i] = next;
      next = (next + 1) % k;
    }
  }
  return folds;
}

/** A stratified split: true for rows held out (about `share` of each outcome class). */
export function stratifiedHoldout(
  churned: readonly boolean[],
  share: number,
  seed: number,
): boolean[] {
  const random = seededRandom(seed);
  const held = new Array<boolean>(churned.length).fill(false);
  for (const wanted of [true, false]) {
    const group: number[] = [];
    churned.forEach((c, i) => {
      if (c === wanted) group.push(i);
    });
    const take = Math.round(group.length * share);
    for (const i of shuffled(group, random).slice(0, take)) held[i] = true;
  }
  return held;
}
