/// <reference types="node" />
// Throughput and memory of the core on a synthetic portfolio. Snapshots are generated from a seeded
// PRNG and streamed in small batches (never the whole portfolio in memory), so the figures are
// repeatable and memory should stay flat however many accounts are scored.
//
//   npm run bench                      # 100,000 accounts, human-readable
//   npm run bench -- --json            # one {"name","value","unit"} object per line
//   npm run bench -- --accounts 1000000 --seed 7
//   npm run bench -- --source          # the TypeScript sources as tsx runs them, not the build
//
// By default the core is measured as it ships to the faces: bundled by esbuild, as `npm run build`
// does for the HubSpot functions. tsx's on-the-fly transform wraps every function in a naming
// helper, which costs more than some of the rules themselves.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { z } from 'zod';
import type * as CoreModule from '../src/index.js';
import type { AccountSnapshot } from '../src/snapshot/schema.js';

type Core = typeof CoreModule;

const optionsSchema = z.object({
  accounts: z.coerce.number().int().min(1_000, 'at least 1000').max(100_000_000),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  json: z.boolean(),
  source: z.boolean(),
});

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '20261102' },
    json: { type: 'boolean', default: false },
    source: { type: 'boolean', default: false },
  },
});
const parsed = optionsSchema.safeParse(values);
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`--${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}
const { accounts, seed, json, source } = parsed.data;

async function loadCore(): Promise<Core> {
  if (source) return import('../src/index.js');
  const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  const code = out.outputFiles[0]?.text ?? '';
  return (await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  )) as Core;
}
const core = await loadCore();

// A forced collection before reading the heap shows what is retained, not garbage awaiting GC.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** mulberry32: tiny, fast, and the same sequence on every machine for a given seed. */
function prng(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const AS_OF_MS = Date.UTC(2026, 10, 2, 9);
const AS_OF = new Date(AS_OF_MS).toISOString();
const DAY = 86_400_000;
// Dates as strings come from CRMs that way; a pool keeps string building out of the measurement.
const DAYS_FROM_AS_OF = Array.from({ length: 2_201 }, (_, i) =>
  new Date(AS_OF_MS + (i - 1_500) * DAY).toISOString(),
);
const dayOffset = (d: number): string => DAYS_FROM_AS_OF[d + 1_500] ?? AS_OF;

/** A realistic mix: most accounts fully observed, some with groups missing, a few with nothing. */
function* portfolio(count: number, s: number): Generator<AccountSnapshot> {
  const r = prng(s);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const has = (p: number) => r() < p;
  for (let i = 0; i < count; i++) {
    const seats = has(0.03) ? 0 : int(5, 400);
    const active = Math.min(seats + 10, Math.floor(seats * r() * 1.1));
    const observed = dayOffset(-int(0, 2));
    yield {
      accountId: `bench-${i}`,
      name: `Account ${i}`,
      asOf: AS_OF,
      arr: has(0.02) ? 0 : int(3_000, 400_000),
      contract: has(0.95)
        ? {
            startDate: dayOffset(-int(10, 1_400)),
            renewalDate: dayOffset(int(-30, 700)),
            termMonths: has(0.7) ? 12 : 24,
            licensedSeats: seats,
            autoRenew: has(0.5),
            downgradeRequested: has(0.04),
            observedAt: observed,
          }
        : undefined,
      usage: has(0.9)
        ? {
            activeUsers30d: active,
            activeUsersPrior30d: Math.max(0, active + int(-20, 30)),
            featuresAdopted: int(0, 20),
            featuresLicensed: 20,
            lastActivityAt: dayOffset(-int(0, 90)),
            observedAt: observed,
          }
        : undefined,
      support: has(0.85)
        ? {
            openTickets: int(0, 12),
            tickets30d: int(0, 30),
            escalations90d: int(0, 4),
            csat: int(40, 100),
            observedAt: observed,
          }
        : undefined,
      engagement: has(0.8)
        ? {
            lastExecutiveMeetingAt: dayOffset(-int(0, 400)),
            championPresent: has(0.8),
            championLeftAt: has(0.05) ? dayOffset(-int(0, 200)) : undefined,
            meetings90d: int(0, 8),
            observedAt: observed,
          }
        : undefined,
      sentiment: has(0.6)
        ? {
            npsLatest: int(-100, 100),
            npsPrevious: int(-100, 100),
            observedAt: dayOffset(-int(0, 200)),
          }
        : undefined,
      billing: has(0.85)
        ? {
            overdueInvoices: has(0.1) ? int(1, 4) : 0,
            daysPastDue: has(0.1) ? int(1, 120) : 0,
            failedPayments90d: has(0.05) ? int(1, 3) : 0,
            autoPay: has(0.6),
            observedAt: observed,
          }
        : undefined,
      onboarding: has(0.1)
        ? { handoffSubmittedAt: dayOffset(-int(0, 40)), observedAt: observed }
        : undefined,
    };
  }
}

const settings = core.defaultSettings();
const BATCH = 1_000;
const MiB = 1_048_576;

interface Phase {
  seconds: number;
  peakRss: number;
  peakHeap: number;
  /** Heap still in use after a collection a tenth of the way in, and at the end: flat memory keeps them equal. */
  retainedAtTenth: number;
  retainedAtEnd: number;
  checksum: number;
}

/**
 * Streams `count` snapshots through `work`, timing only the work (generation is timed apart), in
 * batches of 1000 held in one reused buffer.
 */
function measure<T = AccountSnapshot>(
  count: number,
  work: ((item: T) => number) | null,
  prepare?: (s: AccountSnapshot) => T,
): Phase {
  const prepared = prepare !== undefined;
  const make = prepare ?? ((s: AccountSnapshot) => s as T);
  const buffer: T[] = new Array<T>(BATCH);
  const stream = portfolio(count, seed);
  let elapsedNs = 0n;
  let checksum = 0;
  let done = 0;
  const phase: Phase = {
    seconds: 0,
    peakRss: 0,
    peakHeap: 0,
    retainedAtTenth: 0,
    retainedAtEnd: 0,
    checksum: 0,
  };
  const tenth = Math.max(BATCH, Math.floor(count / 10 / BATCH) * BATCH);
  while (done < count) {
    const size = Math.min(BATCH, count - done);
    const t0 = work === null ? process.hrtime.bigint() : 0n;
    for (let i = 0; i < size; i++) buffer[i] = make(stream.next().value as AccountSnapshot);
    // Garbage left by an expensive preparation would otherwise be collected on the timed clock.
    if (prepared) collect();
    if (work === null) {
      elapsedNs += process.hrtime.bigint() - t0;
    } else {
      const t1 = process.hrtime.bigint();
      for (let i = 0; i < size; i++) checksum += work(buffer[i] as T);
      elapsedNs += process.hrtime.bigint() - t1;
    }
    done += size;
    const mem = process.memoryUsage();
    phase.peakRss = Math.max(phase.peakRss, mem.rss);
    phase.peakHeap = Math.max(phase.peakHeap, mem.heapUsed);
    if (done === tenth) {
      collect();
      phase.retainedAtTenth = process.memoryUsage().heapUsed;
    }
  }
  collect();
  phase.retainedAtEnd = process.memoryUsage().heapUsed;
  phase.seconds = Number(elapsedNs) / 1e9;
  phase.checksum = checksum;
  return phase;
}

const health = (s: AccountSnapshot): number => core.scoreHealth(s, settings).score ?? 0;
/**
 * Health with its breakdown read, as a record page shows it: scoreHealth builds `measures` and
 * `drivers` (a reason per measure) only when they are first read, so this is the explained figure.
 */
const explained = (s: AccountSnapshot): number => {
  const h = core.scoreHealth(s, settings);
  return (h.score ?? 0) + h.measures.length + h.drivers.length;
};
const full = (s: AccountSnapshot): number => {
  const e = core.evaluateAccount(s, settings);
  return (e.health.score ?? 0) + e.actions.length + (e.expansion.draft === null ? 0 : 1);
};

/** Renewal risk, playbooks and expansion alone, given a health score computed beforehand. */
interface Scored {
  snapshot: AccountSnapshot;
  health: ReturnType<Core['scoreHealth']>;
}
const withHealth = (snapshot: AccountSnapshot): Scored => ({
  snapshot,
  health: core.scoreHealth(snapshot, settings),
});
const rules = ({ snapshot, health: h }: Scored): number => {
  const risk = core.assessRenewalRisk(snapshot, h, settings);
  const actions = core.duePlaybookActions({ snapshot, health: h, risk }, settings);
  const expansion = core.detectExpansion(snapshot, h, settings, { openExpansionDeal: false, risk });
  return risk.points + actions.length + (expansion.draft === null ? 0 : 1);
};

// Warm the JIT on a separate stream so the first measured batch is not an outlier.
measure(20_000, health);
measure(20_000, explained);
measure(20_000, rules, withHealth);
measure(20_000, full);

const phases: Array<[string, Phase]> = [
  ['generate', measure(accounts, null)],
  ['health', measure(accounts, health)],
  ['health_explained', measure(accounts, explained)],
  ['rules', measure(accounts, rules, withHealth)],
  ['evaluation', measure(accounts, full)],
];

const rows: Array<{ name: string; value: number; unit: string }> = [
  { name: 'accounts', value: accounts, unit: 'accounts' },
];
for (const [name, p] of phases) {
  rows.push(
    { name: `${name}.throughput`, value: Math.round(accounts / p.seconds), unit: 'accounts/s' },
    { name: `${name}.peak_rss`, value: round1(p.peakRss / MiB), unit: 'MiB' },
    { name: `${name}.peak_heap_used`, value: round1(p.peakHeap / MiB), unit: 'MiB' },
    { name: `${name}.retained_heap_at_tenth`, value: round1(p.retainedAtTenth / MiB), unit: 'MiB' },
    { name: `${name}.retained_heap_at_end`, value: round1(p.retainedAtEnd / MiB), unit: 'MiB' },
  );
}

const PHASE_LABELS: Record<string, string> = {
  generate: 'generate only',
  health: 'health alone',
  health_explained: 'health explained',
  rules: 'risk+plays+exp',
  evaluation: 'full evaluation',
};

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

if (json) {
  for (const row of rows) console.log(JSON.stringify(row));
} else {
  console.log(
    `csops core benchmark: ${accounts.toLocaleString('en')} accounts, seed ${seed}, Node ${process.version}, core from ${source ? 'TypeScript sources (tsx)' : 'esbuild bundle'}`,
  );
  for (const [name, p] of phases) {
    const label = PHASE_LABELS[name] ?? name;
    console.log(
      `  ${label.padEnd(16)} ${Math.round(accounts / p.seconds)
        .toLocaleString('en')
        .padStart(11)} accounts/s` +
        `   peak rss ${round1(p.peakRss / MiB)} MiB, peak heap ${round1(p.peakHeap / MiB)} MiB,` +
        ` retained heap ${round1(p.retainedAtTenth / MiB)} MiB at a tenth, ${round1(p.retainedAtEnd / MiB)} MiB at the end`,
    );
  }
  console.log('  (throughput times the scoring only; generation is timed on its own above;');
  console.log(
    '   health alone = score, band, coverage, missing and stale, as rescoring writes back;',
  );
  console.log('   health explained = the same with its measures and drivers (reasons) read;');
  console.log('   risk+plays+exp = renewal risk, playbooks and expansion given a health score)');
  console.log(`  checksum ${phases.map(([, p]) => Math.round(p.checksum)).join(' ')}`);
}
