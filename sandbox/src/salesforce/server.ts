import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { FaultInjector, sleep } from '../faults.js';
import type { FaultSettings } from '../faults.js';
import { Prng } from '../seed/prng.js';
import {
  SalesforceError,
  injectedFailure,
  invalidToken,
  jsonParserError,
  methodNotAllowed,
  notFound,
  requestLimitExceeded,
  sfError,
} from './errors.js';
import { ApiUsage } from './api-usage.js';
import { registerBulkRoutes } from './routes/bulk.js';
import { registerCompositeRoutes } from './routes/composite.js';
import type { ApiContext } from './routes/context.js';
import { registerRestRoutes } from './routes/rest.js';
import { registerUiApiRoutes } from './routes/ui-api.js';
import { SfRouter } from './router.js';
import type { SfReply, SfRequest } from './router.js';
import type { SfStore } from './store.js';

/** API versions the sandbox answers to: csops deploys at 66.0; older clients pin lower. */
export const API_VERSIONS = Array.from({ length: 66 - 31 + 1 }, (_, i) => `${31 + i}.0`);
export const LATEST_VERSION = API_VERSIONS[API_VERSIONS.length - 1]!;
const DAY_MS = 86_400_000;
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface SfFaults {
  latencyMs: number;
  failureRate: number;
  /** The org's API request allocation over a rolling 24 hours. */
  dailyApiRequests: number;
}

export interface SalesforceStats {
  requests: number;
  byRoute: Record<string, number>;
  limitExceeded: number;
  injectedFailures: number;
}

export class SalesforceServer {
  readonly http: Server;
  stats: SalesforceStats = { requests: 0, byRoute: {}, limitExceeded: 0, injectedFailures: 0 };
  private readonly router = new SfRouter();
  private readonly faults: FaultInjector;
  private usage: ApiUsage;

  constructor(
    private readonly opts: {
      store: SfStore;
      accessToken: string;
      now: () => Date;
      faults: SfFaults;
      faultSeed?: number;
    },
  ) {
    const ctx: ApiContext = {
      store: opts.store,
      now: opts.now,
      usage: () => ({ used: this.used(), max: this.usage.max }),
    };
    registerRestRoutes(this.router, ctx);
    registerUiApiRoutes(this.router, ctx);
    registerBulkRoutes(this.router, ctx);
    registerCompositeRoutes(this.router, ctx, (method, url, body, headers) =>
      this.dispatch(method, url, body, headers),
    );
    const prng = opts.faultSeed === undefined ? undefined : new Prng(opts.faultSeed);
    const settings: FaultSettings = {
      latencyMs: opts.faults.latencyMs,
      failureRate: opts.faults.failureRate,
      requestsPer10s: 0,
    };
    this.faults = new FaultInjector(settings, prng ? () => prng.next() : Math.random);
    this.usage = new ApiUsage(opts.faults.dailyApiRequests, DAY_MS);
    this.http = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        opts.store.rollback(0);
        opts.store.commit();
        send(
          res,
          {
            status: 500,
            body: [
              {
                errorCode: 'UNKNOWN_EXCEPTION',
                message: `An unexpected error occurred: ${String(err)}`,
              },
            ],
          },
          this.limitInfo(),
        );
      });
    });
    this.http.keepAliveTimeout = 1_000;
  }

  setFaults(next: Partial<SfFaults>): void {
    const s = this.faults.settings;
    this.faults.settings = {
      ...s,
      latencyMs: next.latencyMs ?? s.latencyMs,
      failureRate: next.failureRate ?? s.failureRate,
    };
    if (next.dailyApiRequests !== undefined && next.dailyApiRequests !== this.usage.max) {
      // A new allocation starts a new day's count, as a changed edition would.
      this.usage = new ApiUsage(next.dailyApiRequests, DAY_MS);
    }
  }

  private used(): number {
    return this.usage.used(this.opts.now().getTime());
  }

  private limitInfo(): Record<string, string> {
    return { 'Sforce-Limit-Info': `api-usage=${this.used()}/${this.usage.max}` };
  }

  /** Runs one request against the routes; the store keeps it only if it succeeds. */
  dispatch(method: string, rawUrl: string, body: unknown, headers: SfRequest['headers']): SfReply {
    const url = new URL(rawUrl, 'http://sandbox');
    const versioned = /^\/services\/data\/v(\d+\.\d)(\/|$)/.exec(url.pathname);
    if (versioned && !API_VERSIONS.includes(versioned[1]!)) throw notFound(url.pathname);
    const matched = this.router.match(method, url.pathname.replace(/\/$/, ''));
    if (!('handler' in matched)) {
      if (matched.allowed.length) throw methodNotAllowed(method, matched.allowed);
      throw notFound(url.pathname);
    }
    const key = `${method} ${matched.pattern}`;
    this.stats.byRoute[key] = (this.stats.byRoute[key] ?? 0) + 1;
    const mark = this.opts.store.savepoint();
    try {
      return matched.handler({
        method,
        path: url.pathname,
        params: matched.params,
        query: url.searchParams,
        headers,
        body,
      });
    } catch (err) {
      this.opts.store.rollback(mark);
      throw err;
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = (req.method ?? 'GET').toUpperCase();
    this.stats.requests++;
    // The versions list is public in Salesforce too: clients read it before they hold a token.
    if (method === 'GET' && /^\/services\/data\/?$/.test(url.pathname)) {
      req.resume();
      send(
        res,
        {
          status: 200,
          body: API_VERSIONS.map((v) => ({
            label: `v${v}`,
            url: `/services/data/v${v}`,
            version: v,
          })),
        },
        this.limitInfo(),
      );
      return;
    }
    try {
      this.authenticate(req);
      const raw = await readBody(req);
      const { latencyMs } = this.faults.settings;
      if (latencyMs > 0) await sleep(latencyMs);
      if (!this.usage.take(this.opts.now().getTime())) {
        this.stats.limitExceeded++;
        throw requestLimitExceeded();
      }
      const failure = this.faults.failure();
      if (failure) {
        this.stats.injectedFailures++;
        throw injectedFailure(failure);
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]),
      );
      // Bulk job data arrives as CSV; every other body is JSON.
      const body = /^text\/csv\b/i.test(headers['content-type'] ?? '') ? raw : parseJson(raw);
      const reply = this.dispatch(method, req.url ?? '/', body, headers);
      this.opts.store.commit();
      send(res, reply, this.limitInfo());
    } catch (err) {
      if (!(err instanceof SalesforceError)) throw err;
      this.opts.store.commit();
      if (!req.readableEnded) {
        res.setHeader('Connection', 'close');
        req.resume();
      }
      send(res, { status: err.status, body: err.errors, headers: err.headers }, this.limitInfo());
    }
  }

  private authenticate(req: IncomingMessage): void {
    const token = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    if (token !== this.opts.accessToken) throw invalidToken();
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          sfError(413, 'REQUEST_ENTITY_TOO_LARGE', `Request body is over ${MAX_BODY_BYTES} bytes`),
        );
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw jsonParserError(`Unexpected character in the request body: ${(err as Error).message}`);
  }
}

function send(res: ServerResponse, reply: SfReply, extra: Record<string, string>): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { ...extra, ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  headers['Content-Type'] ??= 'application/json;charset=UTF-8';
  headers['Content-Length'] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, headers).end(text);
}
