import { describe, expect, it } from 'vitest';
import { SF_DEMO_ACCOUNTS } from '@csops/sandbox/salesforce';
import type { Page } from 'playwright-core';
import { withSalesforce } from './salesforce-harness.js';

async function openDraft(page: Page, url: string) {
  await page.goto(url);
  const card = page.locator('c-account-health');
  await card.locator('.draft').waitFor({ timeout: 60_000 });
  return card;
}

describe('Expansion Opportunity from an Account record page in Chromium', () => {
  it('creates the Opportunity once when it is asked for twice, from two tabs', async () => {
    await withSalesforce(async ({ page, newPage, running, conn, screenshot, pageErrors }) => {
      const { id } = SF_DEMO_ACCOUNTS.expansionReady;
      const expansions = async () =>
        (
          await conn.query<{ Id: string; Csops_Expansion_Key__c: string }>(
            `SELECT Id, Csops_Expansion_Key__c FROM Opportunity WHERE AccountId = '${id}' AND Csops_Expansion_Key__c != null`,
          )
        ).records;
      const before = await expansions();

      // Both tabs show the draft and an enabled button before either asks.
      const first = await openDraft(page, running.accountUrl('expansionReady'));
      const other = await newPage();
      const second = await openDraft(other, running.accountUrl('expansionReady'));
      const draftName = await first.locator('.draft .slds-text-title_bold').innerText();

      await first.locator('.create-expansion button').click();
      await page.locator('#toasts [data-toast=success]').waitFor();
      // Refreshed, the Account has an open expansion: the card offers no second one.
      await first.locator('.suppressed').waitFor();
      await expect(first.locator('.create-expansion button:enabled').count()).resolves.toBe(0);

      // The other tab still offers it; the key the Opportunity carries makes its ask a no-op.
      await second.locator('.create-expansion button').click();
      await second.locator('.create-error').waitFor();
      await expect(second.locator('.create-error').innerText()).resolves.toMatch(/already/i);

      const after = await expansions();
      expect(after.length).toBe(before.length + 1);
      const created = await conn
        .sobject('Opportunity')
        .retrieve(after.find((o) => !before.some((b) => b.Id === o.Id))!.Id);
      expect((created as unknown as { Name: string }).Name).toBe(draftName);

      // After a reload too: the open expansion holds the next one back.
      await page.reload();
      await first.locator('.suppressed').waitFor({ timeout: 60_000 });
      await expect(first.locator('.create-expansion button:enabled').count()).resolves.toBe(0);
      expect((await expansions()).length).toBe(after.length);

      for (const width of [1024, 1440]) await screenshot('salesforce-expansion-created', width);
      expect(pageErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    });
  });
});
