import { formatIssues, issuesFromZod } from '@csops/core';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SF_JOURNAL, SF_DROPPED, SfJournal } from './journal.js';
import { salesforceFaultsSchema, salesforceOptionsSchema } from './options.js';
import type { SalesforceFaultOptions, SalesforceSandboxOptions } from './options.js';
import { SANDBOX_ORG_ID, seedOrg } from './seed.js';
import { LATEST_VERSION, SalesforceServer } from './server.js';
import type { SalesforceStats } from './server.js';
import type { SfStore } from './store.js';

export type { SalesforceFaultOptions, SalesforceSandboxOptions } from './options.js';
export type { SalesforceStats } from './server.js';
export { SF_DEMO_ACCOUNTS, SF_DEMO_USERS } from './seed.js';
export {
  API_VERSIONS as SALESFORCE_API_VERSIONS,
  LATEST_VERSION as SALESFORCE_API_VERSION,
} from './server.js';
export { MAX_COLLECTION as SALESFORCE_MAX_COLLECTION } from './routes/composite.js';

export interface RunningSalesforceSandbox {
  /** e.g. http://127.0.0.1:41234 — the instance URL; pass it and `accessToken` to jsforce's Connection. */
  url: string;
  instanceUrl: string;
  accessToken: string;
  /** The API version csops deploys at, e.g. '66.0'. */
  version: string;
  orgId: string;
  seededAt: string;
  seeded: boolean;
  /** What loading the kept org had to say, such as a torn last write dropped; empty when all was well. */
  notices: string[];
  stats(): SalesforceStats;
  setFaults(faults: SalesforceFaultOptions): void;
  close(): Promise<void>;
}

function openOrg(
  o: { dataDir?: string; reset: boolean; seed: 'demo' | 'empty' },
  now: () => Date,
): { store: SfStore; journal?: SfJournal; notices: string[]; seeded: boolean } {
  if (!o.dataDir) return { store: seedOrg(o.seed, now()), notices: [], seeded: true };
  const loaded = o.reset ? undefined : SfJournal.load(o.dataDir);
  if (loaded) {
    const journal = SfJournal.open(o.dataDir, loaded.store, { fresh: false, seq: loaded.seq });
    const notices = loaded.droppedBytes
      ? [
          `Dropped ${loaded.droppedBytes} bytes an interrupted write left at the end of ${join(o.dataDir, SF_JOURNAL)} (kept in ${SF_DROPPED}); every complete write before them is kept.`,
        ]
      : [];
    return { store: loaded.store, journal, notices, seeded: false };
  }
  const store = seedOrg(o.seed, now());
  return {
    store,
    journal: SfJournal.open(o.dataDir, store, { fresh: true }),
    notices: [],
    seeded: true,
  };
}

/** Starts a Salesforce-REST-API-compatible org on 127.0.0.1, seeded with the demo portfolio. */
export async function startSalesforceSandbox(
  options: SalesforceSandboxOptions = {},
): Promise<RunningSalesforceSandbox> {
  const parsed = salesforceOptionsSchema.safeParse(options);
  if (!parsed.success)
    throw new Error(
      `Invalid Salesforce sandbox options:\n${formatIssues(issuesFromZod(parsed.error))}`,
    );
  const o = parsed.data;
  const now = o.now ?? (() => new Date());
  const { store, journal, notices, seeded } = openOrg(o, now);
  const accessToken = o.accessToken ?? `${SANDBOX_ORG_ID}!csops.sandbox.token`;
  const server = new SalesforceServer({
    store,
    accessToken,
    now,
    faultSeed: o.faultSeed,
    faults: {
      latencyMs: o.latencyMs,
      failureRate: o.failureRate,
      dailyApiRequests: o.dailyApiRequests,
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
  const url = `http://${o.host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    instanceUrl: url,
    accessToken,
    version: LATEST_VERSION,
    orgId: store.meta.orgId,
    seededAt: store.meta.seededAt,
    seeded,
    notices,
    stats: () => structuredClone(server.stats),
    setFaults: (faults) => {
      const f = salesforceFaultsSchema.safeParse(faults);
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
