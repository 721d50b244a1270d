import type { Settings } from '../settings/schema.js';
import type { Band, MeasureKey } from '../vocabulary/keys.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { explainDrivers } from './drivers.js';
import { explainMeasure } from './measures.js';
import type { SignalValues } from './signals.js';
import type { Driver, HealthScore, Measure, Trend } from './types.js';
import type { SignalPoints, WeighedMeasure } from './weighing.js';

/**
 * What a score was computed from, kept so that its breakdown explains that score: the signal
 * values and points read, the measures weighed and copies of the band cut-offs. Nothing here
 * refers back to the settings, so editing them after scoring cannot change an explanation.
 */
export interface Scoring {
  snapshot: AccountSnapshot;
  asOfMs: number;
  values: SignalValues;
  points: SignalPoints;
  weighed: WeighedMeasure[];
  /** Sum of the weights of the measures observed; 0 when none was. */
  observedWeight: number;
  bands: Settings['bands'];
}

/**
 * A health score whose breakdown — the measures and the drivers behind it — is built when first
 * read. Rescoring a portfolio writes back score, band and coverage and shows no breakdown, while
 * building one (a reading per signal, a reason per measure) costs several times the score itself.
 * `measures` and `drivers` are own enumerable properties, so JSON, structured clone (web workers,
 * postMessage), spread and deep equality all see them. The snapshot is read as a value: nothing in
 * the core changes it after scoring. Until its breakdown is built, a score holds on to what it was
 * computed from; streamed rescoring drops both together, so memory stays flat.
 */
export class ExplainedHealth implements HealthScore {
  // Only declared: the constructor defines each in the order of HealthScore.
  declare accountId: string;
  declare asOf: string;
  declare score: number | null;
  declare band: Band | null;
  declare coverage: number;
  declare measures: Measure[];
  declare missing: MeasureKey[];
  declare stale: MeasureKey[];
  declare drivers: Driver[];
  declare trend: Trend;
  #scoring: Scoring | null;
  #staleKeys: readonly MeasureKey[];
  #measures: Measure[] | null = null;
  #drivers: Driver[] | null = null;

  constructor(
    scoring: Scoring,
    score: number | null,
    band: Band | null,
    coverage: number,
    missing: MeasureKey[],
    stale: MeasureKey[],
    trend: Trend,
  ) {
    this.accountId = scoring.snapshot.accountId;
    this.asOf = scoring.snapshot.asOf;
    this.score = score;
    this.band = band;
    this.coverage = coverage;
    // Accessors defined in place, so the properties keep the order of HealthScore.
    Object.defineProperty(this, 'measures', MEASURES);
    this.missing = missing;
    this.stale = stale;
    Object.defineProperty(this, 'drivers', DRIVERS);
    this.trend = trend;
    this.#scoring = scoring.observedWeight > 0 ? scoring : null;
    this.#staleKeys = stale;
  }

  static measuresOf(health: ExplainedHealth): Measure[] {
    if (health.#measures !== null) return health.#measures;
    const scoring = health.#scoring;
    const measures: Measure[] = [];
    if (scoring !== null) {
      const { snapshot, values, points } = scoring;
      for (const { key, score } of scoring.weighed) {
        if (Number.isNaN(score)) continue;
        const stale = health.#staleKeys.includes(key);
        measures.push(explainMeasure(key, score, stale, snapshot, values, points));
      }
    }
    ExplainedHealth.replaceMeasures(health, measures);
    return measures;
  }

  static driversOf(health: ExplainedHealth): Driver[] {
    if (health.#drivers !== null) return health.#drivers;
    const scoring = health.#scoring;
    const measures = health.measures;
    const drivers = scoring === null ? [] : explainDrivers({ ...scoring, measures });
    ExplainedHealth.replaceDrivers(health, drivers);
    return drivers;
  }

  static replaceMeasures(health: ExplainedHealth, measures: Measure[]): void {
    health.#measures = measures;
    if (health.#drivers !== null) health.#scoring = null;
  }

  static replaceDrivers(health: ExplainedHealth, drivers: Driver[]): void {
    health.#drivers = drivers;
    if (health.#measures !== null) health.#scoring = null;
  }
}

const MEASURES: PropertyDescriptor = {
  get(this: ExplainedHealth): Measure[] {
    return ExplainedHealth.measuresOf(this);
  },
  set(this: ExplainedHealth, measures: Measure[]): void {
    ExplainedHealth.replaceMeasures(this, measures);
  },
  enumerable: true,
  configurable: true,
};

const DRIVERS: PropertyDescriptor = {
  get(this: ExplainedHealth): Driver[] {
    return ExplainedHealth.driversOf(this);
  },
  set(this: ExplainedHealth, drivers: Driver[]): void {
    ExplainedHealth.replaceDrivers(this, drivers);
  },
  enumerable: true,
  configurable: true,
};
