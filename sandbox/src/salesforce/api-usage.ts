/**
 * The org's API request allocation over a rolling window (Salesforce counts a rolling 24 hours).
 * Refused requests are not counted, so the usage never reads over the allocation.
 */
export class ApiUsage {
  private readonly stamps: number[] = [];
  private head = 0;

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  private expire(nowMs: number): void {
    while (this.head < this.stamps.length && this.stamps[this.head]! <= nowMs - this.windowMs)
      this.head++;
    if (this.head > 1024 && this.head * 2 > this.stamps.length) {
      this.stamps.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Counts one request at `nowMs`, or answers false when the allocation is spent. */
  take(nowMs: number): boolean {
    this.expire(nowMs);
    if (this.stamps.length - this.head >= this.max) return false;
    this.stamps.push(nowMs);
    return true;
  }

  used(nowMs: number): number {
    this.expire(nowMs);
    return this.stamps.length - this.head;
  }
}
