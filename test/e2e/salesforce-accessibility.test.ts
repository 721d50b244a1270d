import { describe, expect, it } from 'vitest';
import { withSalesforce } from './salesforce-harness.js';

describe('Salesforce record pages with axe in Chromium', () => {
  it('has no serious or critical violations on the Account and Opportunity pages', async () => {
    await withSalesforce(async ({ page, running, conn, seriousViolations, pageErrors }) => {
      await page.goto(running.accountUrl('silentChurner'));
      await page.locator('c-account-health section.health').waitFor({ timeout: 60_000 });
      // The page with all measures open: the longest the card gets.
      await page.locator('c-account-health .toggle-measures button').click();
      expect(await seriousViolations()).toEqual([]);

      await page.goto(running.accountUrl('expansionReady'));
      await page.locator('c-account-health .draft').waitFor({ timeout: 60_000 });
      expect(await seriousViolations()).toEqual([]);

      const draft = (
        await conn.query<{ Id: string }>(
          "SELECT Id FROM Opportunity WHERE Csops_Handoff_Status__c = 'draft' ORDER BY Name LIMIT 1",
        )
      ).records[0]!;
      await page.goto(running.opportunityUrl(draft.Id));
      await page.locator('c-opportunity-handoff .handoff-form').waitFor({ timeout: 60_000 });
      expect(await seriousViolations()).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });
});
