// Runs app functions locally against the CRM sandbox. Every call gets a thread of its own, as HubSpot runs
// each invocation fresh: no call sees the module state, globals or env an earlier call left. A few threads
// are started ahead with the function package's dependencies already loaded, so a call does not wait for
// them; each serves one call and is replaced once that call is done.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FunctionCall, FunctionResult } from './function-call.js';
import { FunctionWorker, STALE, type WorkerSpec } from './function-worker.js';

export type { FunctionCall, FunctionResult, FunctionUser } from './function-call.js';
export { FUNCTION_TIMEOUT_MS } from './function-worker.js';

/** Two cover a record page's cards calling at once and fit a 2-core machine; more calls start threads on demand. */
export const WARM_WORKERS = 2;

export interface FunctionRunner {
  run(call: FunctionCall): Promise<FunctionResult>;
  /** Starts the warm threads for the function package holding `file`, with the env its calls will have. */
  warm(file: string, env: Record<string, string>): void;
  /** Settles when every warm thread has its dependencies loaded. */
  ready(): Promise<void>;
  /** Ends every thread, waiting or running; later calls fail. */
  close(): Promise<void>;
}

function packageDirOf(file: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return dirname(file);
  }
}

function dependenciesOf(packageDir: string): string[] {
  try {
    const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    return Object.keys(pkg.dependencies ?? {});
  } catch {
    return [];
  }
}

function workerSpec(file: string, env: Record<string, string>): WorkerSpec {
  const packageDir = packageDirOf(file);
  return { packageDir, preload: dependenciesOf(packageDir), env };
}

const sameSpec = (a: WorkerSpec, b: WorkerSpec) =>
  JSON.stringify([a.packageDir, a.preload, a.env]) ===
  JSON.stringify([b.packageDir, b.preload, b.env]);

/** A rebuild racing a fresh thread's start is retried a few times, not forever. */
const MAX_STALE_RETRIES = 3;

export function createFunctionRunner(options: { warmWorkers?: number } = {}): FunctionRunner {
  const size = options.warmWorkers ?? WARM_WORKERS;
  let spec: WorkerSpec | undefined;
  let waiting: FunctionWorker[] = [];
  const running = new Set<FunctionWorker>();
  let closed = false;

  const start = (s: WorkerSpec) => {
    const worker = new FunctionWorker(s);
    void worker.exited.then(() => {
      waiting = waiting.filter((w) => w !== worker);
    });
    return worker;
  };

  function fill() {
    if (closed || !spec) return;
    while (waiting.length < size) waiting.push(start(spec));
  }

  // Warm threads carry one package's dependencies and one env; a call with others replaces them.
  function use(s: WorkerSpec) {
    if (spec && sameSpec(spec, s)) return;
    spec = s;
    for (const worker of waiting) void worker.terminate();
    waiting = [];
  }

  function take(s: WorkerSpec): FunctionWorker {
    for (let worker = waiting.shift(); worker; worker = waiting.shift()) {
      if (worker.alive) return worker;
    }
    return start(s);
  }

  async function runOn(worker: FunctionWorker, call: FunctionCall, started: number) {
    running.add(worker);
    try {
      return await worker.run(call, started);
    } finally {
      running.delete(worker);
    }
  }

  return {
    async run(call) {
      const started = performance.now();
      if (closed) return { ok: false, message: 'the preview has closed', durationMs: 0 };
      const s = workerSpec(call.file, call.env);
      use(s);
      try {
        let result = await runOn(take(s), call, started);
        for (let retry = 0; result === STALE && retry < MAX_STALE_RETRIES; retry++) {
          result = await runOn(start(s), call, started);
        }
        if (result === STALE) {
          return {
            ok: false,
            message: `${call.uid}: its files kept changing while it started`,
            durationMs: Math.round(performance.now() - started),
          };
        }
        return result;
      } finally {
        fill();
      }
    },
    warm(file, env) {
      use(workerSpec(file, env));
      fill();
    },
    async ready() {
      await Promise.all(waiting.map((w) => w.ready));
    },
    async close() {
      closed = true;
      const all = [...waiting, ...running];
      waiting = [];
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}
