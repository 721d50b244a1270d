import { formatIssues, issuesFromZod } from '@csops/core';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { faultsSchema, sandboxOptionsSchema } from './options.js';
import type { FaultOptions, SandboxOptions } from './options.js';
import { seedPortal } from './seed/index.js';
import { SandboxServer } from './server.js';
import type { SandboxStats } from './server.js';
import { DROPPED, FileJournal, JOURNAL } from './store/journal.js';
import type { CrmStore } from './store/store.js';

export type { SandboxOptions, FaultOptions } from './options.js';
export type { SandboxStats } from './server.js';
export {
  DEMO_ACCOUNTS,
  DEMO_ACCOUNT_COUNT,
  DEMO_AES,
  DEMO_CSMS,
  DEMO_NON_ADMIN,
  DEMO_PEOPLE,
  DEMO_SETTINGS_ADMIN,
} from './seed/index.js';
export type { DemoAccountKey } from './seed/index.js';

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:41234 — pass as `basePath` to @hubspot/api-client. */
  url: string;
  portalId: number;
  /** When the portal was seeded; the demo's histories are relative to it. */
  seededAt: string;
  /** What loading the kept portal had to say, such as a torn last write dropped; empty when all was well. */
  notices: string[];
  /** True when this start seeded the portal afresh, false when it loaded a kept one. */
  seeded: boolean;
  close(): Promise<void>;
  stats(): SandboxStats;
  resetStats(): void;
  /** Switches latency, injected failures or the rate limit on a running sandbox. */
  setFaults(faults: FaultOptions): void;
}

/** Default budget when rate limiting is switched on without a number: HubSpot Professional's 190 per 10 s. */
export const DEFAULT_REQUESTS_PER_10S = 190;

function openStore(
  opts: { dataDir?: string; reset: boolean; seed: 'demo' | 'empty'; portalId: number },
  now: () => Date,
): { store: CrmStore; journal?: FileJournal; notices: string[]; seeded: boolean } {
  if (!opts.dataDir)
    return { store: seedPortal(opts.seed, opts.portalId, now()), notices: [], seeded: true };
  const loaded = opts.reset ? undefined : FileJournal.load(opts.dataDir);
  if (loaded) {
    const journal = FileJournal.open(opts.dataDir, loaded.store, {
      fresh: false,
      seq: loaded.seq,
      bytes: loaded.bytes,
    });
    const notices = loaded.droppedBytes
      ? [
          `Dropped ${loaded.droppedBytes} bytes an interrupted write left at the end of ${join(opts.dataDir, JOURNAL)} (kept in ${DROPPED}); every complete write before them is kept.`,
        ]
      : [];
    return { store: loaded.store, journal, notices, seeded: false };
  }
  const store = seedPortal(opts.seed, opts.portalId, now());
  return {
    store,
    journal: FileJournal.open(opts.dataDir, store, { fresh: true }),
    notices: [],
    seeded: true,
  };
}

/** Starts a HubSpot-API-compatible CRM on 127.0.0.1. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const parsed = sandboxOptionsSchema.safeParse(options);
  if (!parsed.success)
    throw new Error(`Invalid sandbox options:\n${formatIssues(issuesFromZod(parsed.error))}`);
  const o = parsed.data;
  const now = o.now ?? (() => new Date());
  const { store, journal, notices, seeded } = openStore(o, now);
  const server = new SandboxServer({
    store,
    token: o.token,
    now,
    retryAfterSeconds: o.retryAfterSeconds,
    faultSeed: o.faultSeed,
    faults: {
      latencyMs: o.latencyMs,
      failureRate: o.failureRate,
      requestsPer10s: o.requestsPer10s ?? 0,
    },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.http.once('error', reject);
      server.http.listen(o.port, o.host, () => resolve());
    });
  } catch (err) {
    journal?.close();
    throw err;
  }
  const { port } = server.http.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${o.host}:${port}`,
    portalId: store.meta.portalId,
    seededAt: store.meta.seededAt,
    notices,
    seeded,
    stats: () => structuredClone(server.stats),
    resetStats: () => server.resetStats(),
    setFaults: (faults) => {
      const f = faultsSchema.safeParse(faults);
      if (!f.success) throw new Error(`Invalid faults:\n${formatIssues(issuesFromZod(f.error))}`);
      server.setFaults(f.data);
    },
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.http.close(() => resolve());
        server.http.closeAllConnections();
      }).then(() => journal?.close())),
  };
}

export { startSalesforceSandbox, SF_DEMO_ACCOUNTS, SF_DEMO_USERS } from './salesforce/index.js';
export type {
  RunningSalesforceSandbox,
  SalesforceFaultOptions,
  SalesforceSandboxOptions,
  SalesforceStats,
} from './salesforce/index.js';
