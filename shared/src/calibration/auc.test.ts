import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auc, rocCurve } from './auc.js';

describe('AUC', () => {
  it('is 1 when every churned account carries more risk than every retained one', () => {
    expect(auc([10, 20, 80, 90], [false, false, true, true])).toBe(1);
  });

  it('is 0 when risk is exactly backwards', () => {
    expect(auc([80, 90, 10, 20], [false, false, true, true])).toBe(0);
  });

  it('counts ties between a churned and a retained account as half', () => {
    expect(auc([50, 50], [true, false])).toBe(0.5);
    // pairs (pos, neg): (70,50)=1 (70,70)=0.5 (30,50)=0 (30,70)=0 → 1.5 / 4
    expect(auc([70, 30, 50, 70], [true, true, false, false])).toBeCloseTo(0.375, 12);
  });

  it('is undefined (null) when all accounts share one outcome', () => {
    expect(auc([1, 2, 3], [true, true, true])).toBeNull();
    expect(auc([1, 2, 3], [false, false, false])).toBeNull();
  });

  it('matches the pairwise definition for any data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.boolean()), {
          minLength: 2,
          maxLength: 40,
        }),
        (rows) => {
          const risk = rows.map((r) => r[0]);
          const churned = rows.map((r) => r[1]);
          let pairs = 0;
          let wins = 0;
          for (const [rp, cp] of rows) {
            if (!cp) continue;
            for (const [rn, cn] of rows) {
              if (cn) continue;
              pairs++;
              wins += rp > rn ? 1 : rp === rn ? 0.5 : 0;
            }
          }
          const a = auc(risk, churned);
          if (pairs === 0) expect(a).toBeNull();
          else expect(a).toBeCloseTo(wins / pairs, 10);
        },
      ),
    );
  });

  it('draws an ROC curve from (0,0) to (1,1) that never goes down', () => {
    const curve = rocCurve([5, 1, 4, 2, 3, 3], [true, false, true, false, true, false]);
    expect(curve[0]).toEqual({ fpr: 0, tpr: 0 });
    expect(curve[curve.length - 1]).toEqual({ fpr: 1, tpr: 1 });
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.fpr).toBeGreaterThanOrEqual(curve[i - 1]!.fpr);
      expect(curve[i]!.tpr).toBeGreaterThanOrEqual(curve[i - 1]!.tpr);
    }
  });
});
