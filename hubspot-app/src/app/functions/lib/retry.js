// Every CRM request goes through here so that no request is lost to a 429 or a 5xx:
// 429s wait for HubSpot's Retry-After, 5xx and dropped connections back off exponentially.
'use strict';

const DEFAULT_POLICY = {
  /** Attempts for 5xx and dropped connections. */
  maxAttempts: 6,
  /** 429s say when to come back, so they are retried until this much waiting has been spent. */
  maxRateLimitWaitMs: 120_000,
  baseDelayMs: 200,
  maxDelayMs: 10_000,
  /** Used when a 429 carries no Retry-After header: HubSpot's rolling window is 10 s. */
  defaultRetryAfterMs: 1_000,
};

/** @param {unknown} error */
function statusOf(error) {
  const code = /** @type {{ code?: unknown }} */ (error)?.code;
  return typeof code === 'number' ? code : 0;
}

/** @param {unknown} error */
function isNetworkError(error) {
  if (statusOf(error) !== 0) return false;
  const e = /** @type {{ name?: string, message?: string, cause?: { code?: string } }} */ (error);
  return (
    e?.name === 'FetchError' ||
    e?.message === 'fetch failed' ||
    ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET'].includes(e?.cause?.code ?? '')
  );
}

/** @param {unknown} error @returns {number | undefined} milliseconds */
function retryAfterMs(error) {
  const headers = /** @type {{ headers?: Record<string, string> }} */ (error)?.headers ?? {};
  const raw = headers['retry-after'] ?? headers['Retry-After'];
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/** @param {unknown} error */
function isRetryable(error) {
  const status = statusOf(error);
  return status === 429 || (status >= 500 && status <= 599) || isNetworkError(error);
}

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `request` until it succeeds or fails with an error that retrying cannot fix.
 * @template T
 * @param {() => Promise<T>} request
 * @param {Partial<typeof DEFAULT_POLICY> & { onRetry?: (info: { status: number, attempt: number, waitMs: number }) => void, sleep?: (ms: number) => Promise<void> }} [options]
 * @returns {Promise<T>}
 */
async function withRetry(request, options = {}) {
  const policy = { ...DEFAULT_POLICY, ...options };
  const wait = options.sleep ?? sleep;
  let failures = 0;
  let rateLimitWaited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!isRetryable(error)) throw error;
      const status = statusOf(error);
      let waitMs;
      if (status === 429) {
        waitMs = retryAfterMs(error) ?? policy.defaultRetryAfterMs;
        if (rateLimitWaited + waitMs > policy.maxRateLimitWaitMs) throw error;
        rateLimitWaited += waitMs;
      } else {
        failures += 1;
        if (failures >= policy.maxAttempts) throw error;
        waitMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1));
      }
      options.onRetry?.({ status, attempt, waitMs });
      await wait(waitMs);
    }
  }
}

module.exports = { withRetry, isRetryable, retryAfterMs, statusOf };
