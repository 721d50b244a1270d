// Starts, for one browser test, its own CRM sandbox and preview on free ports with a fresh data folder,
// and Debian's Chromium through playwright-core; stops all of them at the end.
import { Client } from '@hubspot/api-client';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { launchPreview, type RunningPreview } from '@csops/preview';
import { DEMO_ACCOUNTS, type DemoAccountKey } from '@csops/sandbox';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));
export const README_SCREENSHOT = fileURLToPath(new URL('../../docs/preview.png', import.meta.url));

export interface Stack {
  url: string;
  page: Page;
  running: RunningPreview;
  /** HubSpot's own client on the sandbox, to check what the app wrote. */
  crm: Client;
  /** Every line the preview logged (function calls and failures). */
  log: string[];
  /** Errors thrown in the page or the extension workers. */
  pageErrors: string[];
  screenshot(name: string): Promise<string>;
  companyId(key: DemoAccountKey): Promise<string>;
}

async function findCompanyByName(crm: Client, name: string): Promise<string> {
  const found = await crm.crm.companies.searchApi.doSearch({
    filterGroups: [{ filters: [{ propertyName: 'name', operator: 'EQ' as never, value: name }] }],
    properties: ['name'],
    limit: 1,
  });
  const id = found.results[0]?.id;
  if (!id) throw new Error(`The demo portfolio has no company named ${name}`);
  return id;
}

export async function withStack(
  run: (stack: Stack) => Promise<void>,
  appDir?: string,
): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Browser tests drive Debian's chromium at ${CHROMIUM}: apt-get install -y chromium`,
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'csops-e2e-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'csops-e2e-chromium-'));
  const log: string[] = [];
  const pageErrors: string[] = [];
  let running: RunningPreview | undefined;
  let browser: BrowserContext | undefined;
  try {
    running = await launchPreview({
      port: 0,
      sandboxPort: 0,
      dataDir,
      reset: true,
      appDir,
      log: (l) => log.push(l),
    });
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1400, height: 1000 },
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && m.text().includes('[extension]')) pageErrors.push(m.text());
    });
    const crm = new Client({ accessToken: running.accessToken, basePath: running.sandbox.url });
    const stack: Stack = {
      url: running.preview.url,
      page,
      running,
      crm,
      log,
      pageErrors,
      async screenshot(name) {
        mkdirSync(ARTIFACTS_DIR, { recursive: true });
        const path = join(ARTIFACTS_DIR, `${name}.png`);
        await page.screenshot({ path, fullPage: true });
        return path;
      },
      // Looked up by name: the demo's names are its contract, ids follow the order records were made.
      companyId: (key) => findCompanyByName(crm, DEMO_ACCOUNTS[key].name),
    };
    await run(stack);
  } finally {
    await browser?.close();
    await running?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/** Refreshes docs/preview.png only when asked (CSOPS_UPDATE_SCREENSHOT=1) or when it is missing. */
export function shouldRefreshReadmeScreenshot(): boolean {
  return process.env.CSOPS_UPDATE_SCREENSHOT === '1' || !existsSync(README_SCREENSHOT);
}
