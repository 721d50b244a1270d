// Starts the CRM sandbox with the demo portfolio and the preview over it: what `csops start` runs,
// and what the browser tests start for themselves on free ports.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  DEMO_ACCOUNTS,
  DEMO_SETTINGS_ADMIN,
  startSandbox,
  type RunningSandbox,
} from '@csops/sandbox';
import { readAppProject } from './app-project.js';
import { ensureCoreBuilt } from './core-build.js';
import { DEMO_HISTORY_DAYS, scoreDemoHistory } from './demo-history.js';
import type { FunctionUser } from './function-runner.js';
import { startPreview, type Preview } from './server.js';

/** The HubSpot project's app folder: the cards, settings page and functions the preview runs. */
export const HUBSPOT_APP_DIR = join(
  dirname(createRequire(import.meta.url).resolve('@csops/hubspot-app/package.json')),
  'src',
  'app',
);

export interface LaunchOptions {
  port: number;
  sandboxPort: number;
  dataDir?: string;
  reset: boolean;
  appDir?: string;
  log?: (line: string) => void;
  /** Where the Salesforce record pages run, for the navigation (`csops start` starts them). */
  salesforceUrl?: string;
}

export interface RunningPreview {
  preview: Preview;
  sandbox: RunningSandbox;
  user: FunctionUser;
  /** The token the sandbox accepts, for anything else that wants to read it (tests, scripts). */
  accessToken: string;
  close(): Promise<void>;
}

/** The preview acts as the demo portal's CS Ops lead, a super admin who may change settings. */
export function previewUser(): FunctionUser {
  const [firstName = '', ...rest] = DEMO_SETTINGS_ADMIN.name.split(' ');
  return {
    id: Number(DEMO_SETTINGS_ADMIN.userId),
    email: DEMO_SETTINGS_ADMIN.email,
    firstName,
    lastName: rest.join(' '),
  };
}

export async function launchPreview(options: LaunchOptions): Promise<RunningPreview> {
  const log = options.log ?? (() => undefined);
  await ensureCoreBuilt(log);
  // A token per run: the functions must send it, as a private app sends its access token to HubSpot.
  const accessToken = `csops-preview-${randomUUID()}`;
  const sandbox = await startSandbox({
    port: options.sandboxPort,
    dataDir: options.dataDir,
    reset: options.reset,
    seed: 'demo',
    token: accessToken,
  });
  for (const notice of sandbox.notices) log(`Note: ${notice}`);
  const user = previewUser();
  let preview: Preview;
  try {
    preview = await startPreview({
      crm: { baseUrl: sandbox.url, accessToken, portalId: sandbox.portalId },
      appDir: options.appDir ?? HUBSPOT_APP_DIR,
      port: options.port,
      user,
      log,
      salesforceUrl: options.salesforceUrl,
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const appDir = options.appDir ?? HUBSPOT_APP_DIR;
  const rescoreFunction = readAppProject(appDir).functions.find((f) => /rescore/i.test(f.uid))?.uid;
  if (sandbox.seeded && rescoreFunction) {
    log(`Scoring the new demo portfolio as of ${DEMO_HISTORY_DAYS} days ago, then today…`);
    try {
      await scoreDemoHistory({
        previewUrl: preview.url,
        token: preview.apiToken,
        rescoreFunction,
        seededAt: sandbox.seededAt,
        now: new Date(),
      });
    } catch (error) {
      await preview.close();
      await sandbox.close();
      throw error;
    }
  }
  return {
    preview,
    sandbox,
    user,
    accessToken,
    async close() {
      await preview.close();
      await sandbox.close();
    },
  };
}

export function demoAccountLines(previewUrl: string): string[] {
  const labels: Record<keyof typeof DEMO_ACCOUNTS, string> = {
    healthyEnterprise: 'healthy enterprise',
    silentChurner: 'silent churner',
    expansionReady: 'expansion-ready',
    overdueInvoices: 'overdue invoices',
    onboarding: 'new, in onboarding',
  };
  return (Object.keys(DEMO_ACCOUNTS) as (keyof typeof DEMO_ACCOUNTS)[]).map(
    (key) =>
      `  ${DEMO_ACCOUNTS[key].name.padEnd(22)} ${labels[key].padEnd(20)} ${previewUrl}/companies/${DEMO_ACCOUNTS[key].id}`,
  );
}
