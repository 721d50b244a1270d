/**
 * A rolling-window request budget like HubSpot's TEN_SECONDLY_ROLLING policy: at most `limit`
 * requests in any `windowMs`. Refused requests do not spend budget.
 */
export class RollingWindowLimiter {
  private readonly stamps: number[] = [];
  private head = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Takes one request at `nowMs`; when refused, says how long until a slot frees up. */
  take(nowMs: number): { ok: true; remaining: number } | { ok: false; retryAfterMs: number } {
    while (this.head < this.stamps.length && this.stamps[this.head]! <= nowMs - this.windowMs)
      this.head++;
    if (this.head > 1024 && this.head * 2 > this.stamps.length) {
      this.stamps.splice(0, this.head);
      this.head = 0;
    }
    const used = this.stamps.length - this.head;
    if (used >= this.limit) {
      return {
        ok: false,
        retryAfterMs: Math.max(1, this.stamps[this.head]! + this.windowMs - nowMs),
      };
    }
    this.stamps.push(nowMs);
    return { ok: true, remaining: this.limit - used - 1 };
  }
}
