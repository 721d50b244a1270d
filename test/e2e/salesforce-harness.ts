// Starts, for one browser test, its own Salesforce sandbox and Lightning host on free ports with a
// fresh data folder, and Debian's Chromium through playwright-core; stops all of them at the end.
import { Connection } from '@jsforce/jsforce-node';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { launchSalesforcePreview, type RunningSalesforcePreview } from '@csops/salesforce-preview';
import { ARTIFACTS_DIR, CHROMIUM, CHROMIUM_FLAGS } from './harness.js';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface SalesforceStack {
  running: RunningSalesforcePreview;
  browser: BrowserContext;
  page: Page;
  /** jsforce on the sandbox, to check what the components wrote. */
  conn: Connection;
  /** Errors thrown in the page, and the engine's console errors. */
  pageErrors: string[];
  /** Opens one more tab, its errors collected with the first one's. */
  newPage(): Promise<Page>;
  screenshot(name: string, width: number, on?: Page): Promise<string>;
  /** axe's serious and critical violations on the page, as "rule: target" lines. */
  seriousViolations(on?: Page): Promise<string[]>;
}

function watch(page: Page, pageErrors: string[]): Page {
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  return page;
}

export async function withSalesforce(
  run: (stack: SalesforceStack) => Promise<void>,
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'csops-e2e-sf-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'csops-e2e-sf-chromium-'));
  const pageErrors: string[] = [];
  let running: RunningSalesforcePreview | undefined;
  let browser: BrowserContext | undefined;
  try {
    running = await launchSalesforcePreview({ port: 0, sandboxPort: 0, dataDir, reset: true });
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1440, height: 1000 },
    });
    const context = browser;
    const page = watch(browser.pages()[0] ?? (await browser.newPage()), pageErrors);
    const conn = new Connection({
      instanceUrl: running.sandbox.instanceUrl,
      accessToken: running.sandbox.accessToken,
      version: running.sandbox.version,
    });
    await run({
      running,
      browser,
      page,
      conn,
      pageErrors,
      newPage: async () => watch(await context.newPage(), pageErrors),
      async screenshot(name, width, on = page) {
        mkdirSync(ARTIFACTS_DIR, { recursive: true });
        const path = join(ARTIFACTS_DIR, `${name}-${width}.png`);
        await on.setViewportSize({ width, height: 900 });
        await on.screenshot({ path, fullPage: true });
        return path;
      },
      async seriousViolations(on = page) {
        await on.addScriptTag({ content: AXE_SOURCE });
        const violations = await on.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } })
            .axe;
          return (await axe.run()).violations as {
            id: string;
            impact: string;
            nodes: { target: string[] }[];
          }[];
        });
        return violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      },
    });
  } finally {
    await browser?.close();
    await running?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}
