import type { Settings } from '../settings/schema.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { explainDrivers } from './drivers.js';
import type { HealthModel } from './model.js';
import { fillSignalTable, newSignalTable } from './signal-table.js';
import type { Band, MeasureKey } from '../settings/schema.js';
import type { Driver, HealthScore, Measure, Trend } from './types.js';

/** What explaining the score later needs, kept from the moment it was scored. */
export interface PendingDrivers {
  snapshot: AccountSnapshot;
  asOfMs: number;
  model: HealthModel;
  bands: Settings['bands'];
  observedWeight: number;
}

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
  #pending: PendingDrivers | null;
  #drivers: Driver[] | null = null;

  constructor(
    fields: Omit<HealthScore, 'drivers' | 'trend'>,
    trend: Trend,
    pending: PendingDrivers | null,
  ) {
    this.accountId = fields.accountId;
    this.asOf = fields.asOf;
    this.score = fields.score;
    this.band = fields.band;
    this.coverage = fields.coverage;
    this.measures = fields.measures;
    this.missing = fields.missing;
    this.stale = fields.stale;
    // Defined here, between stale and trend, so the properties keep the order of HealthScore.
    Object.defineProperty(this, 'drivers', DRIVERS);
    this.trend = trend;
    this.#pending = pending;
  }

  static driversOf(health: ExplainedHealth): Driver[] {
    if (health.#drivers !== null) return health.#drivers;
    const pending = health.#pending;
    const drivers =
      pending === null
        ? []
        : explainDrivers({
            ...pending,
            table: fillSignalTable(pending.snapshot, pending.asOfMs, newSignalTable()),
            measures: health.measures,
          });
    health.#drivers = drivers;
    health.#pending = null;
    return drivers;
  }

  static replaceDrivers(health: ExplainedHealth, drivers: Driver[]): void {
    health.#drivers = drivers;
    health.#pending = null;
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
