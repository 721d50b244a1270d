// One worker thread for one app function call: started (and warmed) before or when the call comes, ended
// when the call has its result.
import { Worker } from 'node:worker_threads';
import { functionContext, type FunctionCall, type FunctionResult } from './function-call.js';

/** HubSpot's local dev runtime stops a function after 15 s. */
export const FUNCTION_TIMEOUT_MS = 15_000;

/** What a thread needs before its call: where the function package is, what it depends on, the env it sees. */
export interface WorkerSpec {
  packageDir: string;
  preload: string[];
  env: Record<string, string>;
}

type ThreadMessage =
  | { type: 'ready' }
  | { type: 'stale' }
  | { type: 'result'; ok: true; response: unknown; functionMs: number }
  | { type: 'result'; ok: false; message: string; stack?: string };

/** The thread loaded a workspace file that has changed since: the call must go to a fresh thread. */
export const STALE = Symbol('stale');

const threadFile = new URL('./function-thread.cjs', import.meta.url);

export class FunctionWorker {
  private readonly worker: Worker;
  private used = false;
  private ended = false;
  /** Settles once the thread has loaded the dependencies (true) or ended before it could (false). */
  readonly ready: Promise<boolean>;
  /** Settles when the thread has ended, however it ended. */
  readonly exited: Promise<void>;

  constructor(spec: WorkerSpec) {
    this.worker = new Worker(threadFile, {
      workerData: { packageDir: spec.packageDir, preload: spec.preload },
      env: { ...spec.env, NODE_ENV: 'production' },
    });
    // A thread waiting for a call must not keep the preview's process alive.
    this.worker.unref();
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.ended = true;
        resolve();
      }),
    );
    this.ready = new Promise((resolve) => {
      this.worker.once('message', (message: ThreadMessage) => resolve(message.type === 'ready'));
      void this.exited.then(() => resolve(false));
    });
    // Until a call takes the thread, a failure to start only means it is never used.
    this.worker.on('error', () => undefined);
  }

  get alive(): boolean {
    return !this.ended;
  }

  /** Runs the call on this thread, once. `started` is when the call arrived, for its time limit and duration. */
  run(call: FunctionCall, started: number): Promise<FunctionResult | typeof STALE> {
    if (this.used) throw new Error('a function worker runs one call');
    this.used = true;
    if (this.ended) {
      return Promise.resolve({
        ok: false,
        message: `${call.uid}: its thread ended before the call`,
        durationMs: Math.round(performance.now() - started),
      });
    }
    this.worker.ref();
    const elapsed = () => Math.round(performance.now() - started);
    const timeoutMs = call.timeoutMs ?? FUNCTION_TIMEOUT_MS;
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: FunctionResult | typeof STALE) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void this.terminate();
        resolve(result);
      };
      const timer = setTimeout(
        () =>
          finish({
            ok: false,
            message: `${call.uid} did not finish within ${timeoutMs / 1000} s`,
            durationMs: elapsed(),
          }),
        Math.max(0, timeoutMs - (performance.now() - started)),
      );
      this.worker.on('message', (message: ThreadMessage) => {
        if (message.type === 'stale') return finish(STALE);
        if (message.type !== 'result') return;
        finish(
          message.ok
            ? {
                ok: true,
                response: message.response,
                durationMs: elapsed(),
                functionMs: Math.round(message.functionMs * 10) / 10,
              }
            : { ok: false, message: message.message, stack: message.stack, durationMs: elapsed() },
        );
      });
      this.worker.once('error', (error) =>
        finish({ ok: false, message: error.message, stack: error.stack, durationMs: elapsed() }),
      );
      this.worker.once('exit', (code) =>
        finish({
          ok: false,
          message: `${call.uid} exited (code ${code}) without a result`,
          durationMs: elapsed(),
        }),
      );
      this.worker.postMessage({
        uid: call.uid,
        file: call.file,
        context: functionContext(call),
      });
    });
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
