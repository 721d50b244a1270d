import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreHealth } from '../health/score.js';
import { parseSettings } from '../settings/migrate.js';
import { defaultSettings } from '../settings/defaults.js';
import { MEASURE_KEYS } from '../vocabulary/keys.js';
import { calibrate, holdoutEvaluation } from './calibrate.js';
import { scoreRows } from './score-rows.js';
import { signalMatrix } from './signal-matrix.js';
import { plantedHistory } from './test-data.js';

describe('calibration on history with a planted signal', () => {
  const { snapshots, churned } = plantedHistory(3000, 11);
  const result = calibrate(snapshots, churned, defaultSettings(), { folds: 5, seed: 3 });
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  const report = result.data;

  it('gives the informative measure the largest weight', () => {
    const top = MEASURE_KEYS.reduce((a, b) => (report.weights[a] >= report.weights[b] ? a : b));
    expect(top).toBe('adoption');
    expect(report.weights.adoption).toBeGreaterThan(60);
  });

  it('ranks churn better than the defaults on folds it did not learn from', () => {
    expect(report.calibrated.auc!).toBeGreaterThan(report.default.auc! + 0.02);
    report.calibrated.foldAuc.forEach((a, f) =>
      expect(a!).toBeGreaterThan(report.default.foldAuc[f]!),
    );
    expect(report.calibrated.brier!).toBeLessThan(report.default.brier!);
  });

  it('learns that more adoption means healthier', () => {
    const adoption = report.measures.find((m) => m.measure === 'adoption')!;
    expect(adoption.signals[0]!.direction).toBe('higher_is_healthier');
    const rates = adoption.quintiles.map((q) => q.churnRate);
    expect(rates[0]!).toBeGreaterThan(rates[rates.length - 1]!);
  });

  it('writes non-negative weights that sum to 100 and settings that parseSettings accepts as they are', () => {
    const weights = Object.values(report.weights);
    expect(weights.every((w) => w >= 0)).toBe(true);
    expect(weights.reduce((s, w) => s + w, 0)).toBe(100);
    const reparsed = parseSettings(JSON.parse(JSON.stringify(report.settings)));
    expect(reparsed.success).toBe(true);
  });

  it('keeps measures with no data at all out of the model', () => {
    expect(report.weights.engagement).toBe(0);
    expect(report.weights.sentiment).toBe(0);
  });

  it('beats the defaults on a held-out share it never saw', () => {
    const h = holdoutEvaluation(snapshots, churned, defaultSettings(), { share: 0.2, seed: 5 });
    expect(h.testRows).toBe(600);
    expect(h.calibrated.auc!).toBeGreaterThan(h.default.auc!);
  });
});

describe('calibration properties', () => {
  it('always yields non-negative weights summing to 100 and valid settings, whatever the outcomes', () => {
    const { snapshots } = plantedHistory(300, 2);
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }),
        fc.integer(),
        (churned, seed) => {
          fc.pre(churned.filter(Boolean).length >= 5 && churned.filter((c) => !c).length >= 5);
          const r = calibrate(snapshots, churned, defaultSettings(), { folds: 3, seed });
          expect(r.success).toBe(true);
          if (!r.success) return;
          const weights = Object.values(r.data.weights);
          expect(weights.every((w) => w >= 0 && Number.isInteger(w))).toBe(true);
          expect(weights.reduce((s, w) => s + w, 0)).toBe(100);
          expect(parseSettings(r.data.settings).success).toBe(true);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('refuses history where a fold could not hold both outcomes', () => {
    const { snapshots } = plantedHistory(20, 1);
    const r = calibrate(
      snapshots,
      snapshots.map(() => false),
      defaultSettings(),
      { folds: 5, seed: 1 },
    );
    expect(r.success).toBe(false);
  });
});

describe('rescoring rows of signals, as calibration does', () => {
  it('gives exactly the score scoreHealth gives', () => {
    const { snapshots, churned } = plantedHistory(400, 9);
    const r = calibrate(snapshots, churned, defaultSettings(), { folds: 3, seed: 1 });
    if (!r.success) throw new Error('calibration failed');
    for (const settings of [defaultSettings(), r.data.settings]) {
      const rows = scoreRows(signalMatrix(snapshots), settings);
      snapshots.forEach((s, i) => {
        const score = scoreHealth(s, settings).score;
        if (score === null) expect(Number.isNaN(rows[i])).toBe(true);
        else expect(rows[i]).toBe(score);
      });
    }
  });
});
