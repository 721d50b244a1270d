import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  HubSpotError,
  injectedFailure,
  secondlySearchLimit,
  tenSecondlyLimit,
  unauthorized,
  unknownRoute,
  validationError,
} from './errors.js';
import { FaultInjector, sleep } from './faults.js';
import type { FaultSettings } from './faults.js';
import { Router } from './http/router.js';
import { Prng } from './seed/prng.js';
import { RollingWindowLimiter } from './rate-limiter.js';
import { registerAssociationRoutes } from './routes/associations.js';
import { registerObjectRoutes } from './routes/objects.js';
import { registerPeopleRoutes } from './routes/people.js';
import { registerPropertyRoutes } from './routes/properties.js';
import { registerSchemaRoutes } from './routes/schemas.js';
import type { CrmStore } from './store/store.js';
import type { Reply } from './wire.js';
import { WaveCounter } from './waves.js';

export interface SandboxStats {
  requests: number;
  byRoute: Record<string, number>;
  rateLimited: number;
  injectedFailures: number;
  /** Sequential round trips since the last reset: see WaveCounter. */
  waves: number;
  /** The most requests in flight at once since the last reset. */
  maxInFlight: number;
}

export interface ServerOptions {
  store: CrmStore;
  token?: string;
  faults: FaultSettings;
  retryAfterSeconds?: number;
  /** Seeds which requests fail, for reproducible fault tests; unseeded faults are random. */
  faultSeed?: number;
  now: () => Date;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** CRM search's own limit: 5 requests per second per account. */
const SEARCH_PER_SECOND = 5;

export class SandboxServer {
  readonly http: Server;
  readonly faults: FaultInjector;
  stats: SandboxStats = emptyStats();
  private readonly router = new Router();
  private limiter: RollingWindowLimiter | undefined;
  private searchLimiter: RollingWindowLimiter | undefined;
  private readonly waves = new WaveCounter();

  constructor(private readonly opts: ServerOptions) {
    const { store, now } = opts;
    registerObjectRoutes(this.router, store, now);
    registerAssociationRoutes(this.router, store, now);
    registerPropertyRoutes(this.router, store, now);
    registerSchemaRoutes(this.router, store, now);
    registerPeopleRoutes(this.router, store);
    const prng = opts.faultSeed === undefined ? undefined : new Prng(opts.faultSeed);
    this.faults = new FaultInjector(opts.faults, prng ? () => prng.next() : Math.random);
    this.setFaults(opts.faults);
    this.http = createServer((req, res) => {
      const placed = this.waves.arrive();
      this.stats.waves = this.waves.waves;
      this.stats.maxInFlight = this.waves.concurrency;
      this.handle(req, res)
        .catch((err: unknown) => {
          send(res, {
            status: 500,
            body: {
              status: 'error',
              message: String(err),
              category: 'INTERNAL_ERROR',
              correlationId: '',
            },
          });
        })
        .finally(() => this.waves.answer(placed));
    });
    this.http.keepAliveTimeout = 1_000;
  }

  setFaults(next: Partial<FaultSettings>): void {
    const merged = {
      ...this.faults.settings,
      ...Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)),
    };
    this.faults.settings = merged;
    this.limiter =
      merged.requestsPer10s > 0
        ? new RollingWindowLimiter(merged.requestsPer10s, 10_000)
        : undefined;
    this.searchLimiter =
      merged.requestsPer10s > 0 ? new RollingWindowLimiter(SEARCH_PER_SECOND, 1_000) : undefined;
  }

  resetStats(): void {
    this.stats = emptyStats();
    this.waves.reset();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = (req.method ?? 'GET').toUpperCase();
    const matched = this.router.match(method, url.pathname);
    const routeKey = matched ? `${method} ${matched.route.pattern}` : 'unmatched';
    this.stats.requests++;
    this.stats.byRoute[routeKey] = (this.stats.byRoute[routeKey] ?? 0) + 1;
    try {
      // The token is checked before a byte of the body is read: an unauthenticated caller gets
      // its 401 at once and makes the sandbox hold nothing of what it sends.
      this.authenticate(req);
      const raw = await readBody(req);
      const { latencyMs } = this.faults.settings;
      if (latencyMs > 0) await sleep(latencyMs);
      const budget = this.throttle(routeKey);
      const failure = this.faults.failure();
      if (failure) {
        this.stats.injectedFailures++;
        throw injectedFailure(failure);
      }
      if (!matched) throw unknownRoute(method, url.pathname);
      const reply = matched.route.handler({
        method,
        path: url.pathname,
        params: matched.params,
        query: url.searchParams,
        body: parseJson(raw),
        route: routeKey,
      });
      send(res, budget ? { ...reply, headers: { ...reply.headers, ...budget } } : reply);
    } catch (err) {
      if (err instanceof HubSpotError) {
        if (!req.readableEnded) {
          // Refused before its body was read: discard the rest and close rather than reuse.
          res.setHeader('Connection', 'close');
          req.resume();
        }
        send(res, { status: err.status, body: err.body, headers: err.headers });
      } else {
        throw err;
      }
    }
  }

  private authenticate(req: IncomingMessage): void {
    const header = req.headers.authorization ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (!token) throw unauthorized();
    if (this.opts.token && token !== this.opts.token) throw unauthorized();
  }

  /** Spends one request of the budget; answers HubSpot's rate-limit headers for the reply. */
  private throttle(routeKey: string): Record<string, string> | undefined {
    if (!this.limiter) return undefined;
    const nowMs = this.opts.now().getTime();
    if (this.searchLimiter && routeKey.endsWith('/search')) {
      const s = this.searchLimiter.take(nowMs);
      if (!s.ok) {
        this.stats.rateLimited++;
        throw secondlySearchLimit();
      }
    }
    const taken = this.limiter.take(nowMs);
    if (!taken.ok) {
      this.stats.rateLimited++;
      throw tenSecondlyLimit(
        this.opts.retryAfterSeconds ?? Math.max(1, Math.ceil(taken.retryAfterMs / 1000)),
      );
    }
    return {
      'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
      'X-HubSpot-RateLimit-Max': String(this.limiter.limit),
      'X-HubSpot-RateLimit-Remaining': String(taken.remaining),
    };
  }
}

function emptyStats(): SandboxStats {
  return {
    requests: 0,
    byRoute: {},
    rateLimited: 0,
    injectedFailures: 0,
    waves: 0,
    maxInFlight: 0,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(validationError(`Request body is over ${MAX_BODY_BYTES} bytes`));
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
    throw validationError(`Invalid input JSON: ${(err as Error).message}`);
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  headers['Content-Type'] = 'application/json;charset=utf-8';
  headers['Content-Length'] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, headers).end(text);
}
