// Starts the Salesforce sandbox with the demo portfolio and the Lightning host over it: what
// `csops start` runs beside the HubSpot preview, and what the browser tests start on free ports.
import {
  SF_DEMO_ACCOUNTS,
  SF_DEMO_USERS,
  startSalesforceSandbox,
  type RunningSalesforceSandbox,
} from '@csops/sandbox/salesforce';
import { z } from 'zod';
import { formatIssues, issuesFromZod } from '@csops/core';
import { startSalesforcePreviewServer, type SalesforcePreviewServer } from './server.js';

const launchSchema = z.object({
  port: z.number().int().min(0).max(65_535),
  sandboxPort: z.number().int().min(0).max(65_535),
  dataDir: z.string().min(1).optional(),
  reset: z.boolean().default(false),
  hubspotUrl: z.string().url().optional(),
  log: z.custom<(line: string) => void>((v) => typeof v === 'function').optional(),
});
export type SalesforcePreviewLaunchOptions = z.input<typeof launchSchema>;

export interface RunningSalesforcePreview {
  preview: SalesforcePreviewServer;
  sandbox: RunningSalesforceSandbox;
  /** The demo user the components run as. */
  userId: string;
  /** Account record page of a named demo account. */
  accountUrl(key: keyof typeof SF_DEMO_ACCOUNTS): string;
  opportunityUrl(id: string): string;
  close(): Promise<void>;
}

export async function launchSalesforcePreview(
  options: SalesforcePreviewLaunchOptions,
): Promise<RunningSalesforcePreview> {
  const parsed = launchSchema.safeParse(options);
  if (!parsed.success)
    throw new Error(
      `Invalid Salesforce preview options:\n${formatIssues(issuesFromZod(parsed.error))}`,
    );
  const o = parsed.data;
  const sandbox = await startSalesforceSandbox({
    port: o.sandboxPort,
    dataDir: o.dataDir,
    reset: o.reset,
    seed: 'demo',
  });
  for (const notice of sandbox.notices) o.log?.(`Note: ${notice}`);
  // The API's user, the CS Ops lead, is the one signed in to the record pages.
  const userId = SF_DEMO_USERS[0]!.id;
  let preview: SalesforcePreviewServer;
  try {
    preview = await startSalesforcePreviewServer({
      org: { url: sandbox.url, accessToken: sandbox.accessToken, version: sandbox.version },
      port: o.port,
      userId,
      accounts: Object.values(SF_DEMO_ACCOUNTS),
      hubspotUrl: o.hubspotUrl,
      log: o.log,
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  return {
    preview,
    sandbox,
    userId,
    accountUrl: (key) => `${preview.url}/lightning/r/Account/${SF_DEMO_ACCOUNTS[key].id}/view`,
    opportunityUrl: (id) => `${preview.url}/lightning/r/Opportunity/${id}/view`,
    async close() {
      await preview.close();
      await sandbox.close();
    },
  };
}
