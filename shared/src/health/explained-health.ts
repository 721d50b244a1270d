import type { Band, MeasureKey, Settings } from '../settings/schema.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { explainDrivers } from './drivers.js';
import { scoreMeasure } from './measures.js';
import type { HealthModel } from './model.js';
import { fillSignalTable, newSignalTable } from './signal-table.js';
import type { Driver, HealthScore, Measure, Trend } from './types.js';

// Building a breakdown is synchronous and never re-entered, so one table serves every account;
// it is filled once per score whose breakdown is built (measures and drivers are read together).
const table = newSignalTable();
let tableHolds: ExplainedHealth | null = null;

function tableFor(health: ExplainedHealth, snapshot: AccountSnapshot, asOfMs: number) {
  if (tableHolds !== health) {
    fillSignalTable(snapshot, asOfMs, table);
    tableHolds = health;
  }
  return table;
}

/**
 * A health score whose breakdown — the measures and the drivers behind it — is built when first
 * read. Rescoring a portfolio writes back score, band and coverage and shows no breakdown, while
 * building one (a reading per signal, a reason per measure) costs several times the score itself.
 * `measures` and `drivers` are own enumerable properties, so JSON, structured clone (web workers,
 * postMessage), spread and deep equality all see them, built once from the inputs as they were
 * scored. Snapshot and settings are read as values: they are not expected to change after scoring,
 * as nothing in the core changes them. Until its breakdown is built, a score holds on to its
 * snapshot; streamed rescoring drops both together, so memory stays flat.
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
  // What the breakdown needs, kept as it was scored until it is built.
  #snapshot: AccountSnapshot | null;
  #asOfMs: number;
  #model: HealthModel;
  #bands: Settings['bands'];
  #observedWeight: number;
  #measures: Measure[] | null = null;
  #drivers: Driver[] | null = null;

  /**
   * `observedWeight` is the sum of the weights of the measures observed (0 when none was);
   * score and band are already computed from them.
   */
  constructor(
    snapshot: AccountSnapshot,
    asOfMs: number,
    model: HealthModel,
    bands: Settings['bands'],
    score: number | null,
    band: Band | null,
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
    // Accessors defined in place, so the properties keep the order of HealthScore.
    Object.defineProperty(this, 'measures', MEASURES);
    this.missing = missing;
    this.stale = stale;
    Object.defineProperty(this, 'drivers', DRIVERS);
    this.trend = trend;
    this.#snapshot = observedWeight > 0 ? snapshot : null;
    this.#asOfMs = asOfMs;
    this.#model = model;
    this.#bands = bands;
    this.#observedWeight = observedWeight;
  }

  static measuresOf(health: ExplainedHealth): Measure[] {
    if (health.#measures !== null) return health.#measures;
    const snapshot = health.#snapshot;
    const measures: Measure[] = [];
    if (snapshot !== null) {
      const signals = tableFor(health, snapshot, health.#asOfMs);
      for (const rule of health.#model.scored) {
        const measure = scoreMeasure(rule, snapshot, health.#asOfMs, signals);
        if (measure !== null) measures.push(measure);
      }
    }
    ExplainedHealth.replaceMeasures(health, measures);
    return measures;
  }

  static driversOf(health: ExplainedHealth): Driver[] {
    if (health.#drivers !== null) return health.#drivers;
    const snapshot = health.#snapshot;
    const measures = health.measures;
    const drivers =
      snapshot === null
        ? []
        : explainDrivers({
            snapshot,
            asOfMs: health.#asOfMs,
            table: tableFor(health, snapshot, health.#asOfMs),
            model: health.#model,
            bands: health.#bands,
            measures,
            observedWeight: health.#observedWeight,
          });
    ExplainedHealth.replaceDrivers(health, drivers);
    return drivers;
  }

  static replaceMeasures(health: ExplainedHealth, measures: Measure[]): void {
    health.#measures = measures;
    if (health.#drivers !== null) health.#snapshot = null;
  }

  static replaceDrivers(health: ExplainedHealth, drivers: Driver[]): void {
    health.#drivers = drivers;
    if (health.#measures !== null) health.#snapshot = null;
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
