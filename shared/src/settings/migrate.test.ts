import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../result/result.js';
import { DEFAULT_SETTINGS } from './defaults.js';
import { parseSettings } from './migrate.js';
import { defaultSettings } from './defaults.js';
import { SETTINGS_VERSION } from '../vocabulary/keys.js';

/** The defaults with one change, as an admin would submit them from the settings page. */
function edited(change: (s: Record<string, unknown> & ReturnType<typeof defaultSettings>) => void) {
  const s = defaultSettings() as ReturnType<typeof defaultSettings> & Record<string, unknown>;
  change(s);
  return s;
}

/** Settings as a version-2 object could hold them, loose enough to take fields away. */
interface LooseV2 {
  version: number;
  renewal: { riskPoints: Partial<Record<string, number>> };
  expansion: Partial<Record<string, number>>;
  playbooks: { id: string; steps: { key: string; afterHours?: number }[] }[];
}

function issuesOf(input: unknown): FieldIssue[] {
  const r = parseSettings(input);
  if (r.success) throw new Error('expected the settings to be refused');
  return r.issues;
}

describe('parseSettings', () => {
  it('accepts the defaults unchanged', () => {
    expect(parseSettings(DEFAULT_SETTINGS)).toEqual({ success: true, data: DEFAULT_SETTINGS });
  });

  it('hands out a fresh copy of the defaults each time', () => {
    const a = defaultSettings();
    a.bands.green = 99;
    expect(defaultSettings().bands.green).toBe(DEFAULT_SETTINGS.bands.green);
  });

  it('refuses a green threshold at or below yellow, on the green field', () => {
    expect(issuesOf(edited((s) => (s.bands = { green: 45, yellow: 45 })))).toEqual([
      { path: 'bands.green', message: 'Green from score must be above Yellow from score' },
    ]);
  });

  it('refuses a negative weight, naming the signal', () => {
    const issues = issuesOf(edited((s) => (s.measures.usage.signals.seatUtilisation.weight = -1)));
    expect(issues).toEqual([
      {
        path: 'measures.usage.signals.seatUtilisation.weight',
        message: 'Product usage: seat utilisation weight must be 0 or more',
      },
    ]);
  });

  it('refuses a curve whose points are not in increasing order', () => {
    const issues = issuesOf(
      edited(
        (s) =>
          (s.measures.support.signals.csat.curve = [
            [80, 80],
            [60, 30],
          ]),
      ),
    );
    expect(issues).toEqual([
      {
        path: 'measures.support.signals.csat.curve',
        message:
          'Support: csat curve must list its points in strictly increasing order of the signal value',
      },
    ]);
  });

  it('refuses curve points outside 0–100 and curves with a single point', () => {
    const issues = issuesOf(
      edited((s) => {
        s.measures.usage.signals.daysSinceActivity.curve = [
          [0, 120],
          [30, 0],
        ];
        s.measures.sentiment.signals.nps.curve = [[0, 50]];
      }),
    );
    expect(issues).toEqual([
      {
        path: 'measures.usage.signals.daysSinceActivity.curve.0.1',
        message: 'Product usage: days since activity curve points must be at most 100',
      },
      {
        path: 'measures.sentiment.signals.nps.curve',
        message: 'Sentiment: nps curve needs at least 2 points',
      },
    ]);
  });

  it('reports every bad field at once', () => {
    const issues = issuesOf(
      edited((s) => {
        s.bands = { green: 40, yellow: 60 };
        s.measures.billing.weight = -5;
        s.freshness.defaultDays = 0;
        s.trend.flatWithin = -1;
      }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual([
      'bands.green',
      'freshness.defaultDays',
      'measures.billing.weight',
      'trend.flatWithin',
    ]);
  });

  it('refuses settings in which no measure carries weight', () => {
    const issues = issuesOf(
      edited((s) => {
        for (const m of Object.values(s.measures)) m.weight = 0;
      }),
    );
    expect(issues).toEqual([
      { path: 'measures', message: 'At least one health measure needs a weight above 0' },
    ]);
  });

  it('migrates a version-1 object: weights, bands, freshness and renewal stages carry over', () => {
    const r = parseSettings({
      version: 1,
      weights: { usage: 40, support: 0, sentiment: 20 },
      greenMin: 75,
      yellowMin: 50,
      freshnessDays: 45,
      renewalStages: [120, 60],
    });
    expect(r.success).toBe(true);
    if (!r.success) return;
    const s = r.data;
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(s.measures.usage.weight).toBe(40);
    expect(s.measures.support.weight).toBe(0);
    expect(s.measures.sentiment.weight).toBe(20);
    // Weights version 1 did not set keep their defaults; measures it did not have stay out.
    expect(s.measures.adoption.weight).toBe(DEFAULT_SETTINGS.measures.adoption.weight);
    expect(s.measures.contract.weight).toBe(0);
    expect(s.measures.onboarding.weight).toBe(0);
    expect(s.bands).toEqual({ green: 75, yellow: 50 });
    expect(s.freshness.defaultDays).toBe(45);
    expect(s.renewal.stages).toEqual([120, 60]);
    expect(s.playbooks).toEqual(DEFAULT_SETTINGS.playbooks);
  });

  it('migrates a minimal version-1 object onto the defaults', () => {
    const r = parseSettings({ version: 1, weights: {}, greenMin: 70, yellowMin: 45 });
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.freshness).toEqual(DEFAULT_SETTINGS.freshness);
  });

  it('refuses a version-1 object that is invalid, before or after migration', () => {
    expect(
      issuesOf({ version: 1, weights: { usage: -1 }, greenMin: 70, yellowMin: 45 }).map(
        (i) => i.path,
      ),
    ).toEqual(['weights.usage']);
    expect(issuesOf({ version: 1, weights: {}, greenMin: 40, yellowMin: 60 })).toEqual([
      { path: 'bands.green', message: 'Green from score must be above Yellow from score' },
    ]);
  });

  it('migrates version-2 settings: new fields get their defaults, untouched old timings move to practice', () => {
    const v2 = defaultSettings() as unknown as LooseV2;
    v2.version = 2;
    delete v2.renewal.riskPoints.renewalLapsed;
    delete v2.expansion.minUsageScore;
    v2.expansion.healthyWithinMonthsOfRenewal = 4;
    v2.playbooks = v2.playbooks.filter((p) => p.id !== 'renewal-lapsed');
    const red = v2.playbooks.find((p) => p.id === 'health-red');
    const escalate = red?.steps.find((x) => x.key === 'escalate');
    if (escalate) escalate.afterHours = 72;
    expect(parseSettings(v2)).toEqual({ success: true, data: DEFAULT_SETTINGS });
  });

  it('keeps the timings an admin chose in version 2', () => {
    const v2 = defaultSettings() as unknown as LooseV2;
    v2.version = 2;
    delete v2.expansion.minUsageScore;
    v2.expansion.healthyWithinMonthsOfRenewal = 3;
    const red = v2.playbooks.find((p) => p.id === 'health-red');
    const escalate = red?.steps.find((x) => x.key === 'escalate');
    if (escalate) escalate.afterHours = 96;
    const r = parseSettings(v2);
    if (!r.success) throw new Error(JSON.stringify(r.issues));
    expect(r.data.expansion.healthyWithinMonthsOfRenewal).toBe(3);
    const step = r.data.playbooks
      .find((p) => p.id === 'health-red')
      ?.steps.find((x) => x.key === 'escalate');
    expect(step).toMatchObject({ afterHours: 96 });
    expect(r.data.playbooks.filter((p) => p.id === 'renewal-lapsed')).toHaveLength(1);
  });

  it('refuses settings from a newer version of csops', () => {
    expect(issuesOf({ ...DEFAULT_SETTINGS, version: SETTINGS_VERSION + 1 })).toEqual([
      {
        path: 'version',
        message: `Settings version ${SETTINGS_VERSION + 1} is newer than this csops understands (${SETTINGS_VERSION})`,
      },
    ]);
  });

  it('refuses input without a version', () => {
    const { version: _version, ...unversioned } = DEFAULT_SETTINGS;
    expect(issuesOf(unversioned).map((i) => i.path)).toEqual(['version']);
    expect(issuesOf('settings').map((i) => i.path)).toEqual(['(root)']);
  });
});
