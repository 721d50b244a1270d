import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatIssues, issuesFromZod, type ChannelAlert } from '@csops/core';
import { sendAlerts } from '../alerts/slack.js';
import type { Command } from '../main.js';
import {
  addTotals,
  CheckpointError,
  clearCheckpoint,
  NO_TOTALS,
  readCheckpoint,
  writeCheckpoint,
  type PendingTask,
  type RescoreTotals,
} from '../rescore/checkpoint.js';
import { failureLine, progressReporter, summaryLines } from '../rescore/report.js';

const usage = `csops rescore hubspot — rescore every company, write back what changed, and record the playbook steps due

Usage: csops rescore hubspot [--base-url URL] [--checkpoint FILE] [--since ISO] [--requests-per-10s N] [--as-of ISO] [--portal-id ID]

  --base-url URL          HubSpot API base (default https://api.hubapi.com); the CRM sandbox URL for local use
  --checkpoint FILE       where the run keeps its place after every batch of 100; a run that stopped
                          resumes from it, and a finished run removes it
  --since ISO             only companies modified at or after this date-time (hs_lastmodifieddate)
  --requests-per-10s N    the account's API budget (default 100; HubSpot Professional and Enterprise: 190)
  --as-of ISO             score as of this date-time instead of now (a replay)
  --portal-id ID          the HubSpot account id (or HUBSPOT_PORTAL_ID), for the record links in Slack
                          alerts; alerts are sent only with it, to the channels settings name, each
                          webhook URL read from the environment variable its channel names

The access token comes from HUBSPOT_ACCESS_TOKEN (or PRIVATE_APP_ACCESS_TOKEN) and is never printed.
Exit code 0 when every company was rescored or found unchanged; 1 when any failed or the run stopped.`;

const isoDateTime = () =>
  z.iso
    .datetime({
      offset: true,
      message: 'must be an ISO date-time, e.g. 2026-11-02T09:00:00Z',
    })
    .optional();

const flagsSchema = z.object({
  target: z.literal('hubspot', { message: 'the only target is "hubspot": csops rescore hubspot' }),
  'base-url': z.url({ message: 'must be a URL such as http://127.0.0.1:4010' }).optional(),
  checkpoint: z.string().trim().min(1, 'needs a file path').optional(),
  since: isoDateTime(),
  'as-of': isoDateTime(),
  'portal-id': z
    .string()
    .trim()
    .regex(/^\d{1,12}$/, 'must be the HubSpot account id, digits only, e.g. 4242')
    .optional(),
  'requests-per-10s': z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1_000, 'must be at most 1000 (HubSpot allows up to 190)')
    .default(100),
});

const tokenSchema = z
  .string({
    message: 'set HUBSPOT_ACCESS_TOKEN (or PRIVATE_APP_ACCESS_TOKEN) to the app’s access token',
  })
  .trim()
  .min(1, 'set HUBSPOT_ACCESS_TOKEN (or PRIVATE_APP_ACCESS_TOKEN) to the app’s access token');

interface RescoreJob {
  pacedCrm(options: { accessToken: string; baseUrl?: string; requestsPer10s: number }): {
    stats: { requests: number; retries: number };
  };
  rescoreWithSavedSettings(options: {
    crm: unknown;
    asOf: string;
    since?: string;
    checkpoint?: {
      load(): Promise<string | undefined>;
      pending(): Promise<PendingTask[]>;
      save(lastId: string, totals: RescoreTotals, pending: PendingTask[]): Promise<void>;
    };
    onProgress?: (p: { scanned: number; total: number; totals: RescoreTotals }) => void;
    alerts?: {
      portalId: string;
      send(alerts: ChannelAlert[]): Promise<{ sent: number; failed: number }>;
    };
  }): Promise<
    RescoreTotals & {
      done: boolean;
      lastId: string;
      refused: { id: string; issues: { path: string; message: string }[] }[];
      requests: number;
      retries: number;
      alertChannels: number;
    }
  >;
}

// The app functions are CommonJS, as HubSpot runs them; this is the same scan they run.
const job = createRequire(import.meta.url)('@csops/hubspot-functions/rescore') as RescoreJob;

/**
 * Sends a batch's alerts, each webhook URL read from the environment variable its channel names;
 * what Slack did not take is told by channel and event, never with its URL.
 */
async function deliver(
  alerts: ChannelAlert[],
  report: (line: string) => void,
): Promise<{ sent: number; failed: number }> {
  const results = await sendAlerts(alerts, {
    webhookUrlFor: (name) => process.env[name] || undefined,
    timeoutMs: 10_000,
  });
  for (const r of results)
    if (!r.sent)
      report(`alert ${r.eventKey} not delivered to ${r.channel}: ${r.reason ?? 'unknown'}`);
  const sent = results.filter((r) => r.sent).length;
  return { sent, failed: results.length - sent };
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const complain = (line: string) => process.stderr.write(`csops rescore: ${line}\n`);

export const command: Command = {
  name: 'rescore',
  summary: 'Rescore every HubSpot company and record due playbook steps (resumable, paced)',
  usage,
  async run(argv) {
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: argv,
        strict: true,
        allowPositionals: true,
        options: {
          'base-url': { type: 'string' },
          checkpoint: { type: 'string' },
          since: { type: 'string' },
          'as-of': { type: 'string' },
          'requests-per-10s': { type: 'string' },
          'portal-id': { type: 'string' },
        },
      });
    } catch (error) {
      complain(`${(error as Error).message}\n\n${usage}`);
      return 2;
    }
    const flags = flagsSchema.safeParse({
      target: parsed.positionals[0],
      ...parsed.values,
      'portal-id': parsed.values['portal-id'] ?? (process.env.HUBSPOT_PORTAL_ID || undefined),
    });
    if (!flags.success) {
      const issues = issuesFromZod(flags.error).map((i) =>
        i.path === 'target' ? i : { ...i, path: `--${i.path}` },
      );
      complain(`${formatIssues(issues)}\n\n${usage}`);
      return 2;
    }
    const token = tokenSchema.safeParse(
      process.env.HUBSPOT_ACCESS_TOKEN || process.env.PRIVATE_APP_ACCESS_TOKEN,
    );
    if (!token.success) {
      complain(token.error.issues[0]?.message ?? 'set HUBSPOT_ACCESS_TOKEN');
      return 2;
    }
    const options = flags.data;
    const file = options.checkpoint;
    let carried = NO_TOTALS;
    let resumeAfter: string | undefined;
    let held: PendingTask[] = [];
    if (file) {
      try {
        const saved = readCheckpoint(file);
        if (saved) {
          carried = saved.totals;
          resumeAfter = saved.lastId;
          held = saved.pending;
          say(`Resuming after company ${saved.lastId} (checkpoint saved ${saved.savedAt}).`);
        }
      } catch (error) {
        if (error instanceof CheckpointError) {
          complain(error.message);
          return 2;
        }
        throw error;
      }
    }

    const crm = job.pacedCrm({
      accessToken: token.data,
      baseUrl: options['base-url'],
      requestsPer10s: options['requests-per-10s'],
    });
    const portalId = options['portal-id'];
    const undelivered: string[] = [];
    const progress = progressReporter(process.stdout, carried);
    let totals = carried;
    try {
      const result = await job.rescoreWithSavedSettings({
        crm,
        asOf: options['as-of'] ?? new Date().toISOString(),
        since: options.since,
        checkpoint: file
          ? {
              load: async () => resumeAfter,
              pending: async () => held,
              save: async (lastId, run, pending) => {
                writeCheckpoint(file, {
                  lastId,
                  since: options.since ?? null,
                  totals: addTotals(carried, run),
                  pending,
                  savedAt: new Date().toISOString(),
                });
              },
            }
          : undefined,
        onProgress: (p) => {
          totals = addTotals(carried, p.totals);
          progress.update(p.scanned, p.total, totals);
        },
        alerts: portalId
          ? { portalId, send: (alerts) => deliver(alerts, (line) => undelivered.push(line)) }
          : undefined,
      });
      progress.finish();
      totals = addTotals(carried, result);
      if (file) clearCheckpoint(file);
      for (const line of undelivered.slice(0, 20)) complain(line);
      if (!portalId && result.alertChannels > 0)
        complain(
          'Slack alerts are configured but were not sent: give --portal-id (or HUBSPOT_PORTAL_ID) so they can link to records',
        );
      for (const r of result.refused.slice(0, 20)) {
        complain(`company ${r.id} not scored: ${formatIssues(r.issues)}`);
      }
      for (const l of summaryLines(totals, {
        requests: crm.stats.requests,
        retries: crm.stats.retries,
      }))
        say(l);
      return result.done && totals.failed === 0 ? 0 : 1;
    } catch (error) {
      progress.finish();
      for (const l of summaryLines(totals, {
        requests: crm.stats.requests,
        retries: crm.stats.retries,
      }))
        say(l);
      complain(failureLine(error, token.data));
      if (file)
        complain(`the checkpoint ${file} keeps the place; run the same command again to resume`);
      return 1;
    }
  },
};
