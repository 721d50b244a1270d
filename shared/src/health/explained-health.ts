import type { Settings } from '../settings/schema.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { explainDrivers } from './drivers.js';
import type { HealthModel } from './model.js';
import { fillSignalTable, newSignalTable } from './signal-table.js';
import type { Band, MeasureKey } from '../settings/schema.js';
import type { Driver, HealthScore, Measure, Trend } from './types.js';

// Explaining is synchronous and never re-entered, so one table serves every account.
const table = newSignalTable();

/**
 * A health score whose drivers are explained when first read. Rescoring a portfolio writes back
 * score, band and coverage and never shows a driver, while phrasing a reason for every measure of
 * every account costs more than the scoring itself. `drivers` is an own enumerable property, so
 * JSON, structured clone (web workers, postMessage), spread and deep equality all see the drivers,
 * built once from the inputs as they were scored. Snapshot and settings are read as values: they
 * are not expected to change after scoring, as nothing in the core changes them.
 */
export class ExplainedHealth implements HealthScore {
  accountId: string;
  asOf: string;
  score: number | null;
  band: Band | null;
  coverage: number;
  measures: Measure[];
  missing: MeasureKey[];
  stale: MeasureKey[];
  declare drivers: Driver[];
  declare trend: Trend;
  // What explaining the score needs, kept as it was scored until the drivers are first read.
  #snapshot: AccountSnapshot | null;
  #asOfMs: number;
  #model: HealthModel;
  #bands: Settings['bands'];
  #observedWeight: number;
  #drivers: Driver[] | null = null;

  /** `observedWeight` is the sum of the weights of `measures`; the score is already computed. */
  constructor(
    snapshot: AccountSnapshot,
    asOfMs: number,
    model: HealthModel,
    bands: Settings['bands'],
    score: number | null,
    band: Band | null,
    measures: Measure[],
    observedWeight: number,
    missing: MeasureKey[],
    stale: MeasureKey[],
    trend: Trend,
  ) {
    this.accountId = snapshot.accountId;
    this.asOf = snapshot.asOf;
    this.score = score;
    this.band = band;
    this.coverage = model.totalWeight > 0 ? observedWeight / model.totalWeight : 0;
    this.measures = measures;
    this.missing = missing;
    this.stale = stale;
    // Defined here, between stale and trend, so the properties keep the order of HealthScore.
    Object.defineProperty(this, 'drivers', DRIVERS);
    this.trend = trend;
    this.#snapshot = measures.length === 0 ? null : snapshot;
    this.#asOfMs = asOfMs;
    this.#model = model;
    this.#bands = bands;
    this.#observedWeight = observedWeight;
  }

  static driversOf(health: ExplainedHealth): Driver[] {
    if (health.#drivers !== null) return health.#drivers;
    const snapshot = health.#snapshot;
    const drivers =
      snapshot === null
        ? []
        : explainDrivers({
            snapshot,
            asOfMs: health.#asOfMs,
            table: fillSignalTable(snapshot, health.#asOfMs, table),
            model: health.#model,
            bands: health.#bands,
            measures: health.measures,
            observedWeight: health.#observedWeight,
          });
    health.#drivers = drivers;
    health.#snapshot = null;
    return drivers;
  }

  static replaceDrivers(health: ExplainedHealth, drivers: Driver[]): void {
    health.#drivers = drivers;
    health.#snapshot = null;
  }
}

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
