import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatIssues, issuesFromZod } from '@csops/core';
import type { Command } from '../main.js';
import { progressBar } from '../analytics/progress.js';
import { API_VERSION, AuthError, connectToOrg } from '../salesforce/auth.js';
import {
  CheckpointError,
  clearCheckpoint,
  readCheckpoint,
  writeCheckpoint,
} from '../salesforce/checkpoint.js';
import { loadSalesforceModules } from '../salesforce/lwc.js';
import { BULK_FROM } from '../salesforce/bulk.js';
import { ApiBudgetSpent, OrgCallError, OrgClient } from '../salesforce/org-client.js';
import { addTotals, NO_TOTALS, rescoreSalesforce, SettingsRefused } from '../salesforce/run.js';
import type { RescoreTotals } from '../salesforce/run.js';

const usage = `csops rescore salesforce — rescore every Account, write back what changed, and keep the playbook Tasks

Usage: csops rescore salesforce [--instance-url URL] [--login-url URL] [--checkpoint FILE] [--since ISO]
                                [--api-budget SHARE] [--page-size N] [--bulk-from N]
                                [--settings-record NAME] [--as-of ISO]

  --instance-url URL      the org's My Domain URL (default SALESFORCE_INSTANCE_URL)
  --login-url URL         where the JWT bearer flow logs in (default https://login.salesforce.com;
                          https://test.salesforce.com for a sandbox)
  --checkpoint FILE       where the run keeps its place after every page; a run that stopped resumes
                          from it, and a finished run removes it
  --since ISO             only Accounts modified at or after this date-time (LastModifiedDate)
  --api-budget SHARE      share of the org's daily API requests the run may fill at full speed, 0–1 or
                          a percentage (default 0.5); past it the run slows to the rate the day frees
  --page-size N           Accounts per page, 200–2000 (default 2000)
  --bulk-from N           write a page's Account results, Task creates or Task closes through one
                          Bulk API 2.0 job once that set has N records or more (default ${BULK_FROM},
                          where a job takes fewer API calls than collections of 200)
  --settings-record NAME  the Csops_Settings__mdt record (default Default)
  --as-of ISO             score as of this date-time instead of now

Credentials come from the environment and are never printed: SALESFORCE_ACCESS_TOKEN with
SALESFORCE_INSTANCE_URL, or SALESFORCE_CLIENT_ID, SALESFORCE_USERNAME and SALESFORCE_PRIVATE_KEY_FILE.
Exit code 0 when every Account was rescored or found unchanged; 1 when any failed or the run stopped.`;

const isoDateTime = z.iso
  .datetime({ offset: true, message: 'must be an ISO date-time, e.g. 2026-11-02T09:00:00Z' })
  .optional();

const share = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?%?$/, 'must be a share such as 0.5 or 50%')
  .transform((s) => (s.endsWith('%') ? Number(s.slice(0, -1)) / 100 : Number(s)))
  .pipe(z.number().gt(0, 'must be above 0').max(1, 'must be at most 1 (100%)'));

const flagsSchema = z.object({
  target: z.literal('salesforce', { message: 'csops rescore salesforce' }),
  'instance-url': z
    .url({ message: 'must be a URL such as https://acme.my.salesforce.com' })
    .optional(),
  'login-url': z
    .url({ message: 'must be a URL such as https://login.salesforce.com' })
    .default('https://login.salesforce.com'),
  checkpoint: z.string().trim().min(1, 'needs a file path').optional(),
  since: isoDateTime,
  'as-of': isoDateTime,
  'api-budget': share.default(0.5),
  'page-size': z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(200, 'must be at least 200 (Salesforce pages 200 to 2000 rows)')
    .max(2000, 'must be at most 2000 (Salesforce pages 200 to 2000 rows)')
    .default(2000),
  'bulk-from': z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(BULK_FROM),
  'settings-record': z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'must be a record name such as Default')
    .default('Default'),
});

const say = (line: string) => process.stdout.write(`${line}\n`);
const complain = (line: string) => process.stderr.write(`csops rescore salesforce: ${line}\n`);

function summary(t: RescoreTotals, client?: OrgClient): string[] {
  const lines = [
    `Accounts read ${t.read} = rescored ${t.rescored} + unchanged ${t.unchanged} + failed ${t.failed}`,
    `Tasks created ${t.tasksCreated}, closed ${t.tasksClosed}`,
  ];
  if (client) {
    const u = client.usage;
    lines.push(
      `API calls ${client.calls} (${client.retries} retried${client.paced ? `, ${client.paced} paced past the budget` : ''})${u ? `; org usage ${u.used}/${u.limit} today` : ''}`,
    );
  }
  return lines;
}

/** An error in words that never carry the token: our own messages, or Salesforce's code and message. */
function describe(error: unknown): string {
  if (
    error instanceof ApiBudgetSpent ||
    error instanceof OrgCallError ||
    error instanceof SettingsRefused
  )
    return error.message;
  const e = error as { code?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  if (/^(E[A-Z]+|UND_ERR_\w+)$/.test(code) && code !== 'ERR_MODULE_NOT_FOUND')
    return `the org could not be reached (${code})`;
  return `the run failed unexpectedly: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}

export const command: Command = {
  name: 'rescore salesforce',
  summary: 'Rescore every Salesforce Account and keep the playbook Tasks (resumable, paced)',
  usage,
  async run(argv) {
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: argv,
        strict: true,
        allowPositionals: true,
        options: Object.fromEntries(
          [
            'instance-url',
            'login-url',
            'checkpoint',
            'since',
            'as-of',
            'api-budget',
            'page-size',
            'bulk-from',
            'settings-record',
          ].map((k) => [k, { type: 'string' as const }]),
        ),
      });
    } catch (error) {
      complain(`${(error as Error).message}\n\n${usage}`);
      return 2;
    }
    const flags = flagsSchema.safeParse({
      target: parsed.positionals[0] ?? 'salesforce',
      ...parsed.values,
    });
    if (!flags.success) {
      const issues = issuesFromZod(flags.error).map((i) =>
        i.path === 'target' ? i : { ...i, path: `--${i.path}` },
      );
      complain(`${formatIssues(issues)}\n\n${usage}`);
      return 2;
    }
    const o = flags.data;
    let conn;
    try {
      conn = await connectToOrg({
        env: process.env,
        instanceUrl: o['instance-url'],
        loginUrl: o['login-url'],
      });
    } catch (error) {
      complain(error instanceof AuthError ? error.message : describe(error));
      return 2;
    }
    const file = o.checkpoint;
    let carried = NO_TOTALS;
    let after: string | undefined;
    if (file) {
      try {
        const saved = readCheckpoint(file);
        if (saved && saved.instanceUrl !== conn.instanceUrl) {
          complain(
            `the checkpoint ${file} belongs to another org (${saved.instanceUrl}); use another file`,
          );
          return 2;
        }
        if (saved) {
          carried = saved.totals;
          after = saved.lastId;
          say(`Resuming after Account ${saved.lastId} (checkpoint saved ${saved.savedAt}).`);
        }
      } catch (error) {
        if (!(error instanceof CheckpointError)) throw error;
        complain(error.message);
        return 2;
      }
    }
    const client = new OrgClient(conn, { budgetShare: o['api-budget'] });
    const bar = progressBar('Rescoring Accounts', process.stdout);
    let totals = carried;
    try {
      const run = await rescoreSalesforce({
        client,
        modules: await loadSalesforceModules(),
        version: API_VERSION,
        asOf: o['as-of'] ?? new Date().toISOString(),
        settingsRecord: o['settings-record'],
        pageSize: o['page-size'],
        bulkFrom: o['bulk-from'],
        since: o.since,
        after,
        onPage: (lastId, page) => {
          totals = addTotals(totals, page);
          if (file)
            writeCheckpoint(file, {
              instanceUrl: conn.instanceUrl,
              lastId,
              since: o.since ?? null,
              totals,
              savedAt: new Date().toISOString(),
            });
        },
        onProgress: (_read, total) => bar.update(totals.read, carried.read + total),
        onFailure: (id, message) => complain(`Account ${id}: ${message}`),
      });
      bar.finish();
      totals = addTotals(carried, run);
      if (file) clearCheckpoint(file);
      for (const line of summary(totals, client)) say(line);
      return totals.failed === 0 ? 0 : 1;
    } catch (error) {
      bar.finish();
      for (const line of summary(totals, client)) say(line);
      complain(describe(error));
      if (file)
        complain(`the checkpoint ${file} keeps the place; run the same command again to resume`);
      return 1;
    }
  },
};
