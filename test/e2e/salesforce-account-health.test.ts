import { describe, expect, it } from 'vitest';
import { displayScore } from '@csops/core';
import { SF_DEMO_ACCOUNTS } from '@csops/sandbox/salesforce';
import type { Page } from 'playwright-core';
import { withSalesforce, type SalesforceStack } from './salesforce-harness.js';

interface StoredHealth {
  Csops_Health_Score__c: number | null;
  Csops_Health_Band__c: string | null;
  Csops_Health_Updated_At__c: string | null;
}

async function storedHealth(conn: SalesforceStack['conn'], id: string): Promise<StoredHealth> {
  return (await conn.sobject('Account').retrieve(id, {
    fields: ['Csops_Health_Score__c', 'Csops_Health_Band__c', 'Csops_Health_Updated_At__c'],
  })) as unknown as StoredHealth;
}

async function shownHealth(page: Page) {
  const card = page.locator('c-account-health');
  await card.locator('section.health').waitFor({ timeout: 60_000 });
  const scoreText = (await card.locator('p.score').innerText()).split(/\s/)[0]!;
  return {
    card,
    score: scoreText,
    band: (await card.locator('section.health .slds-badge').innerText()).trim(),
    drivers: await card.locator('li.driver').allInnerTexts(),
  };
}

describe('Customer health on an Account record page in Chromium', () => {
  it('shows a red account with the drivers behind it, and writes the result to the Account', async () => {
    await withSalesforce(async ({ page, running, conn, screenshot, pageErrors }) => {
      const { id } = SF_DEMO_ACCOUNTS.silentChurner;
      expect((await storedHealth(conn, id)).Csops_Health_Updated_At__c).toBeNull();

      await page.goto(running.accountUrl('silentChurner'));
      const shown = await shownHealth(page);
      expect(shown.band).toBe('Red');
      expect(Number(shown.score)).toBeLessThan(50);
      expect(shown.drivers.length).toBeGreaterThanOrEqual(2);
      expect(shown.drivers.join(' ')).toMatch(/licensed seats active/);
      expect(shown.drivers.join(' ')).toMatch(/[Cc]hampion/);

      // The component wrote what it showed to the Account through the UI API.
      await expect
        .poll(async () => (await storedHealth(conn, id)).Csops_Health_Band__c, { timeout: 20_000 })
        .toBe('red');
      const stored = await storedHealth(conn, id);
      expect(displayScore(Number(stored.Csops_Health_Score__c))).toBe(shown.score);
      expect(stored.Csops_Health_Updated_At__c).not.toBeNull();

      for (const width of [1024, 1440]) await screenshot('salesforce-account-health-red', width);
      expect(pageErrors).toEqual([]);
    });
  });

  it('shows a green account as green and writes green back', async () => {
    await withSalesforce(async ({ page, running, conn, pageErrors }) => {
      const { id } = SF_DEMO_ACCOUNTS.healthyEnterprise;
      await page.goto(running.accountUrl('healthyEnterprise'));
      const shown = await shownHealth(page);
      expect(shown.band).toBe('Green');
      await expect
        .poll(async () => (await storedHealth(conn, id)).Csops_Health_Band__c, { timeout: 20_000 })
        .toBe('green');
      expect(displayScore(Number((await storedHealth(conn, id)).Csops_Health_Score__c))).toBe(
        shown.score,
      );
      expect(pageErrors).toEqual([]);
    });
  });
});
