import type { Band, MeasureKey, SignalKey } from '../vocabulary/keys.js';
import type { SignalGroupKey } from '../snapshot/schema.js';

/** One signal's reading and the points its curve gave it. */
export interface SignalReading {
  signal: SignalKey;
  value: number;
  points: number;
}

/** One measure of health: 0–100 from its signals, or absent when none of its signals was observed. */
export interface Measure {
  key: MeasureKey;
  label: string;
  /** The signal group it reads, whose observedAt decides staleness. */
  group: SignalGroupKey;
  score: number;
  signals: SignalReading[];
  observedAt?: string;
  stale: boolean;
}

export interface Driver {
  measure: MeasureKey;
  label: string;
  score: number;
  /** Share of the total weight this measure carried after redistribution, 0–1. */
  effectiveWeight: number;
  /** Points above (+) or below (−) neutral 50 this measure moved the score, weighted. */
  impact: number;
  /** Plain-language reason, e.g. "42 of 60 licensed seats active, down 30% in 30 days". */
  reason: string;
  direction: 'positive' | 'negative' | 'neutral';
}

export interface Trend {
  direction: 'up' | 'down' | 'flat' | 'new';
  /** Score change since the previous score; absent when there is none. */
  delta?: number;
  previousScore?: number;
  previousAsOf?: string;
}

export interface HealthScore {
  accountId: string;
  asOf: string;
  /** 0–100, rounded to one decimal; null when no measure was observed at all. */
  score: number | null;
  band: Band | null;
  /** Share of the configured weight that was observed, 0–1. */
  coverage: number;
  measures: Measure[];
  missing: MeasureKey[];
  stale: MeasureKey[];
  drivers: Driver[];
  trend: Trend;
}

/** What a face knows of the previous scoring, to compute the trend and band crossings. */
export interface PreviousHealth {
  score: number;
  band: Band;
  asOf: string;
}
