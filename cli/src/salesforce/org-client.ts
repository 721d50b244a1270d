// Every call the rescore makes to the org goes through here: paced by the usage Salesforce reports
// in Sforce-Limit-Info, retried on 5xx and dropped connections with backoff, and stopped before the
// org's daily allocation runs out rather than at REQUEST_LIMIT_EXCEEDED.
import type { Connection } from '@jsforce/jsforce-node';

/** The org's API allocation is nearly spent: the run stops at a clean point and says so. */
export class ApiBudgetSpent extends Error {
  constructor(
    readonly used: number,
    readonly limit: number,
  ) {
    super(
      `stopped before the org's daily API limit: ${used} of ${limit} requests used in the last 24 hours`,
    );
  }
}

/** A call Salesforce refused; carries its errorCode and message, never the request or its token. */
export class OrgCallError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(`${errorCode}: ${message}`);
  }
}

// 5xx answers as jsforce reports them: by the body's errorCode, or ERROR_HTTP_<status> without one.
const RETRYABLE = new Set([
  'SERVER_UNAVAILABLE',
  'REQUEST_RUNNING_TOO_LONG',
  'UNKNOWN_EXCEPTION',
  'ERROR_HTTP_500',
  'ERROR_HTTP_502',
  'ERROR_HTTP_503',
  'ERROR_HTTP_504',
]);
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET']);
const DAY_MS = 86_400_000;

export interface OrgClientOptions {
  /** Share of the org's daily API allocation this run may fill before it slows down (0–1]. */
  budgetShare: number;
  /** Requests left to the org below which the run stops (default 1 % of the limit, at least 5). */
  reserve?: number;
  maxAttempts?: number;
  backoffMs?: number;
  /** Longest pause between calls once past the budget. */
  maxPaceMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface OrgRequest {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class OrgClient {
  calls = 0;
  retries = 0;
  /** Calls made at the slower pace, past the budget. */
  paced = 0;
  private readonly o: Required<Omit<OrgClientOptions, 'reserve'>> & { reserve?: number };

  constructor(
    private readonly conn: Connection,
    options: OrgClientOptions,
  ) {
    this.o = { maxAttempts: 6, backoffMs: 250, maxPaceMs: 10_000, sleep: wait, ...options };
  }

  /** jsforce's Bulk API 2.0 client; its calls go through `step` to be counted and paced. */
  get bulk2(): Connection['bulk2'] {
    return this.conn.bulk2;
  }

  /** Waits as the run's pacing does (a test's clock, or real time). */
  sleep(ms: number): Promise<void> {
    return this.o.sleep(ms);
  }

  /**
   * One call made through a jsforce API other than `request` (a Bulk API 2.0 job's), counted and
   * paced like the rest; retried on 5xx only when `idempotent`, as sending it twice changes nothing.
   */
  async step<T>(call: () => Promise<T>, idempotent: boolean): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.pace();
      this.calls++;
      try {
        return await call();
      } catch (error) {
        if ((error as { errorCode?: string }).errorCode === 'REQUEST_LIMIT_EXCEEDED') {
          const u = this.usage;
          throw new ApiBudgetSpent(u?.used ?? 0, u?.limit ?? 0);
        }
        if (!idempotent || !isRetryable(error) || attempt >= this.o.maxAttempts)
          throw asCallError(error);
        this.retries++;
        await this.o.sleep(this.o.backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  /** What the last answer said of the org's usage, or undefined before the first one. */
  get usage(): { used: number; limit: number } | undefined {
    return this.conn.limitInfo?.apiUsage;
  }

  private reserveOf(limit: number): number {
    return this.o.reserve ?? Math.max(5, Math.ceil(limit * 0.01));
  }

  /** Before each call: stop when the org is nearly out, keep to a sustainable pace past the budget. */
  private async pace(): Promise<void> {
    const u = this.usage;
    if (!u) return;
    if (u.limit - u.used <= this.reserveOf(u.limit)) throw new ApiBudgetSpent(u.used, u.limit);
    if (u.used >= u.limit * this.o.budgetShare) {
      // Past the budget, calls go no faster than the rolling day frees them.
      this.paced++;
      await this.o.sleep(Math.min(this.o.maxPaceMs, Math.ceil(DAY_MS / u.limit)));
    }
  }

  /**
   * One call, retried on 5xx. `beforeRetry` lets a create look again at what the failed attempt may
   * have written and send only the rest (null: nothing is left to send).
   */
  async request<T>(
    first: OrgRequest,
    beforeRetry?: (req: OrgRequest) => Promise<OrgRequest | null>,
  ): Promise<T | null> {
    let req = first;
    for (let attempt = 1; ; attempt++) {
      await this.pace();
      this.calls++;
      try {
        return (await this.conn.request<T>(
          {
            method: req.method,
            url: req.url,
            headers: { 'content-type': 'application/json', ...req.headers },
            ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
          },
          // Retries are ours, counted and paced; jsforce's own would be invisible to both.
          { retry: { maxRetries: 0 } } as never,
        )) as T;
      } catch (error) {
        if ((error as { errorCode?: string }).errorCode === 'REQUEST_LIMIT_EXCEEDED') {
          const u = this.usage;
          throw new ApiBudgetSpent(u?.used ?? 0, u?.limit ?? 0);
        }
        if (!isRetryable(error) || attempt >= this.o.maxAttempts) throw asCallError(error);
        this.retries++;
        const backoff = this.o.backoffMs * 2 ** (attempt - 1);
        await this.o.sleep(backoff + Math.floor(Math.random() * this.o.backoffMs));
        if (beforeRetry) {
          const next = await beforeRetry(req);
          if (next === null) return null;
          req = next;
        }
      }
    }
  }
}

function isRetryable(error: unknown): boolean {
  const e = error as { errorCode?: string; code?: string; cause?: { code?: string } };
  return (
    (e.errorCode !== undefined && RETRYABLE.has(e.errorCode)) ||
    NETWORK.has(e.code ?? '') ||
    NETWORK.has(e.cause?.code ?? '')
  );
}

function asCallError(error: unknown): Error {
  const e = error as { errorCode?: string; message?: string };
  if (typeof e.errorCode === 'string')
    return new OrgCallError(e.errorCode, String(e.message ?? '').slice(0, 500));
  return error instanceof Error ? error : new Error(String(error));
}
