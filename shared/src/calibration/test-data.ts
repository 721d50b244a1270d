import type { AccountSnapshot } from '../snapshot/schema.js';
import { addDays } from '../time/time.js';
import { seededRandom } from './random.js';

/**
 * Synthetic history with a planted signal: churn depends only on feature adoption; support CSAT
 * and autopay are noise. Used to check that calibration finds what is there and nothing else.
 */
export function plantedHistory(
  n: number,
  seed: number,
): { snapshots: AccountSnapshot[]; churned: boolean[] } {
  const random = seededRandom(seed);
  const asOf = '2025-01-01T00:00:00.000Z';
  const snapshots: AccountSnapshot[] = [];
  const churned: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const adopted = Math.floor(random() * 21);
    const tenure = Math.floor(random() * 48);
    snapshots.push({
      accountId: `acct-${i}`,
      asOf,
      arr: 10_000 + Math.floor(random() * 90_000),
      usage: { featuresAdopted: adopted, featuresLicensed: 20 },
      support: { csat: Math.round(random() * 100) },
      billing: { autoPay: random() < 0.5 },
      contract: { startDate: addDays(asOf, -tenure * 30.4375) },
    });
    // Adoption from 0% to 100% takes churn odds from about 70% to about 8%.
    const logit = 1 - 3.5 * (adopted / 20);
    churned.push(random() < 1 / (1 + Math.exp(-logit)));
  }
  return { snapshots, churned };
}
