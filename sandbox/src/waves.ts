/**
 * Round trips on a client's critical path, as the server sees them: a request that arrives after
 * an answer of wave n was sent may have waited for it, so it belongs to wave n + 1 at least;
 * requests in flight together share a wave. With latency on, `waves × latency` is the time a
 * caller spent waiting for the CRM.
 */
export class WaveCounter {
  /** The deepest wave among the answers sent so far. */
  private answered = 0;
  /** The deepest wave among the requests seen so far. */
  private deepest = 0;
  /** Bumped by reset, so an answer to a request from before a reset does not count after it. */
  private epoch = 0;
  private inFlight = 0;
  private maxInFlight = 0;

  /** A request arrived; returns what `answer` needs to place it. */
  arrive(): { wave: number; epoch: number } {
    const wave = this.answered + 1;
    this.deepest = Math.max(this.deepest, wave);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return { wave, epoch: this.epoch };
  }

  /** Its answer was sent. */
  answer(request: { wave: number; epoch: number }): void {
    if (request.epoch !== this.epoch) return;
    this.inFlight -= 1;
    this.answered = Math.max(this.answered, request.wave);
  }

  reset(): void {
    this.epoch += 1;
    this.answered = 0;
    this.deepest = 0;
    this.inFlight = 0;
    this.maxInFlight = 0;
  }

  get waves(): number {
    return this.deepest;
  }

  /** The most requests in flight at once since the last reset. */
  get concurrency(): number {
    return this.maxInFlight;
  }
}
