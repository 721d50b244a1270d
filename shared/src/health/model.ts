// The health settings compiled once per settings object: which signals count in which measure,
// with what weight and curve, and each group's freshness window. Re-deriving this for every
// account costs more than scoring it. Settings are values: a changed model is a new settings
// object (as parseSettings, migrations and calibration produce), never an edit in place of one
// already used for scoring, so caching by object identity is safe and keeps scoring pure.
import {
  MEASURE_KEYS,
  MEASURE_SIGNALS,
  type Curve,
  type MeasureKey,
  type Settings,
  type SignalKey,
} from '../settings/schema.js';
import type { SignalGroupKey } from '../snapshot/schema.js';
import { compileCurve, type CompiledCurve } from './curve.js';
import { SIGNAL_INDEX } from './signal-table.js';

/** The signal group whose observedAt dates each measure; adoption is counted with usage. */
export const MEASURE_GROUP: Record<MeasureKey, SignalGroupKey> = {
  usage: 'usage',
  adoption: 'usage',
  support: 'support',
  engagement: 'engagement',
  sentiment: 'sentiment',
  billing: 'billing',
  contract: 'contract',
  onboarding: 'onboarding',
};

export const MEASURE_LABELS: Record<MeasureKey, string> = {
  usage: 'Product usage',
  adoption: 'Feature adoption',
  support: 'Support',
  engagement: 'Engagement',
  sentiment: 'Sentiment',
  billing: 'Billing',
  contract: 'Contract',
  onboarding: 'Onboarding',
};

export interface SignalRule {
  signal: SignalKey;
  /** Position in the signal table. */
  index: number;
  weight: number;
  curve: CompiledCurve;
}

export interface MeasureRule {
  key: MeasureKey;
  label: string;
  group: SignalGroupKey;
  /** The measure's weight in the health score (0 leaves it out of the score). */
  weight: number;
  /** Its signals with a weight above 0, the only ones that count. */
  counted: SignalRule[];
  /** Every signal of the measure, including those weighted 0. */
  signals: SignalRule[];
  freshnessDays: number;
}

export interface HealthModel {
  /** Every measure, in MEASURE_KEYS order. */
  measures: MeasureRule[];
  /** Measures with a weight above 0: the ones the score is made of. */
  scored: MeasureRule[];
  /** Sum of the weights of the scored measures. */
  totalWeight: number;
  weightOf: Record<MeasureKey, number>;
}

function compile(settings: Settings): HealthModel {
  const measures = MEASURE_KEYS.map((key): MeasureRule => {
    const own = settings.measures[key];
    const group = MEASURE_GROUP[key];
    const settingsOf = own.signals as Partial<Record<SignalKey, { weight: number; curve: Curve }>>;
    const signals: SignalRule[] = [];
    for (const signal of MEASURE_SIGNALS[key]) {
      const setting = settingsOf[signal];
      if (setting === undefined) continue;
      signals.push({
        signal,
        index: SIGNAL_INDEX[signal],
        weight: setting.weight,
        curve: compileCurve(setting.curve),
      });
    }
    return {
      key,
      label: MEASURE_LABELS[key],
      group,
      weight: own.weight,
      counted: signals.filter((s) => s.weight > 0),
      signals,
      freshnessDays: settings.freshness.groupDays[group] ?? settings.freshness.defaultDays,
    };
  });
  const scored = measures.filter((m) => m.weight > 0);
  return {
    measures,
    scored,
    totalWeight: scored.reduce((sum, m) => sum + m.weight, 0),
    weightOf: Object.fromEntries(measures.map((m) => [m.key, m.weight])) as Record<
      MeasureKey,
      number
    >,
  };
}

const compiled = new WeakMap<Settings, HealthModel>();

/** The compiled health model of these settings, built on first use. */
export function healthModel(settings: Settings): HealthModel {
  let model = compiled.get(settings);
  if (model === undefined) {
    model = compile(settings);
    compiled.set(settings, model);
  }
  return model;
}
