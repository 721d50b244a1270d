// What a rescore run prints: a progress bar on a terminal, plain lines otherwise (CI logs,
// journald), and a summary whose counts add up.
import type { RescoreTotals } from './checkpoint.js';

export function progressReporter(stream: NodeJS.WriteStream, carried: RescoreTotals) {
  let drawn = false;
  return {
    update(scanned: number, total: number, totals: RescoreTotals) {
      const done = carried.read + scanned;
      const all = carried.read + total;
      const detail = `${totals.rescored} rescored, ${totals.tasksCreated} tasks created`;
      if (stream.isTTY) {
        const width = 30;
        const filled = Math.round((width * done) / Math.max(all, 1));
        stream.write(
          `\rrescoring [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${all} · ${detail}`,
        );
        drawn = true;
      } else {
        stream.write(`rescored ${done}/${all} companies · ${detail}\n`);
      }
    },
    finish() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

export function summaryLines(
  t: RescoreTotals,
  crm: { requests: number; retries: number },
): string[] {
  return [
    `companies read ${t.read} = ${t.rescored} rescored + ${t.unchanged} unchanged + ${t.failed} failed`,
    `tasks created ${t.tasksCreated}, tasks closed ${t.tasksClosed}, escalations created ${t.escalationsCreated}`,
    `alerts sent ${t.alertsSent}${t.alertsFailed > 0 ? `, ${t.alertsFailed} not delivered` : ''}`,
    `CRM requests ${crm.requests} (${crm.retries} retried)`,
  ];
}

/** A failure in words, with HubSpot's status; never the token, never a stack or a raw body. */
export function failureLine(error: unknown, token: string): string {
  const e = error as { code?: unknown; message?: unknown; cause?: { code?: unknown } };
  const status = typeof e?.code === 'number' ? e.code : 0;
  const hint =
    status === 401
      ? 'HubSpot refused the access token'
      : status === 403
        ? 'the token lacks a scope csops needs (crm.objects.companies, tasks)'
        : status === 429
          ? 'HubSpot kept answering 429 (rate limited); lower --requests-per-10s'
          : status >= 500
            ? `HubSpot kept failing (HTTP ${status}) after retries`
            : status > 0
              ? `HubSpot answered HTTP ${status}`
              : typeof e?.cause?.code === 'string' || e?.message === 'fetch failed'
                ? `could not reach HubSpot${typeof e?.cause?.code === 'string' ? ` (${e.cause.code})` : ''}; check --base-url and the network`
                : String(e?.message ?? error).split('\n')[0];
  return `stopped: ${hint}`.split(token).join('***');
}
