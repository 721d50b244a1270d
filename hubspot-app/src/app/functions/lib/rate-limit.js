// HubSpot allows a private app 100–190 requests per rolling 10 s and CRM search 5 per second.
// Pacing requests below those limits keeps 429s rare; withRetry handles the ones that still come.
'use strict';

/**
 * A rolling-window limiter: at most `limit` starts in any `windowMs`.
 * @param {{ limit: number, windowMs: number, now?: () => number, sleep?: (ms: number) => Promise<void> }} options
 */
function createWindowLimiter({ limit, windowMs, now = Date.now, sleep }) {
  const wait = sleep ?? ((/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms)));
  /** @type {number[]} */
  const starts = [];
  let queue = Promise.resolve();

  async function acquire() {
    for (;;) {
      const t = now();
      while (starts.length > 0 && t - /** @type {number} */ (starts[0]) >= windowMs) starts.shift();
      if (starts.length < limit) {
        starts.push(t);
        return;
      }
      await wait(windowMs - (t - /** @type {number} */ (starts[0])) + 1);
    }
  }

  /** Serialises acquisitions so concurrent callers are admitted in order. */
  function take() {
    const turn = queue.then(acquire);
    queue = turn.catch(() => undefined);
    return turn;
  }

  return { take };
}

/**
 * HubSpot counts a request when it arrives, csops when it sends it: a request sent just as a slot
 * frees here can arrive before that slot frees there, and a 429 costs a whole second of
 * Retry-After. A quarter second of slack keeps the two windows from meeting.
 */
const WINDOW_SLACK_MS = 250;

/** Free and Starter accounts allow 100 per 10 s; Professional and Enterprise 190 (set CSOPS_REQUESTS_PER_10S). */
const DEFAULT_REQUESTS_PER_10S = 100;

function configuredBudget() {
  const n = Number(process.env.CSOPS_REQUESTS_PER_10S);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_REQUESTS_PER_10S;
}

/**
 * The pacing csops uses for one HubSpot account.
 * @param {{ requestsPer10s?: number, searchesPerSecond?: number }} [options]
 */
function createCrmLimiter(options = {}) {
  const general = createWindowLimiter({
    limit: options.requestsPer10s ?? configuredBudget(),
    windowMs: 10_000 + WINDOW_SLACK_MS,
  });
  const search = createWindowLimiter({ limit: options.searchesPerSecond ?? 4, windowMs: 1_000 });
  return {
    /** @param {'search' | 'other'} kind */
    async take(kind) {
      if (kind === 'search') await search.take();
      await general.take();
    },
  };
}

module.exports = { createWindowLimiter, createCrmLimiter, DEFAULT_REQUESTS_PER_10S };
