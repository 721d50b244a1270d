/** Switchable faults: added latency and a share of requests answered with an injected 5xx. */
export interface FaultSettings {
  latencyMs: number;
  failureRate: number;
  requestsPer10s: number;
}

const STATUSES = [503, 502, 504] as const;

export class FaultInjector {
  private turn = 0;

  constructor(
    public settings: FaultSettings,
    private readonly random: () => number = Math.random,
  ) {}

  /** The 5xx status to answer this request with, or undefined to serve it. */
  failure(): (typeof STATUSES)[number] | undefined {
    const rate = this.settings.failureRate;
    if (rate <= 0 || this.random() >= rate) return undefined;
    return STATUSES[this.turn++ % STATUSES.length];
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
