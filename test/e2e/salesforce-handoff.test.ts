import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { withSalesforce, type SalesforceStack } from './salesforce-harness.js';

/** A date two weeks out, typed as the date input's en-US format shows it (Dec 31, 2024). */
function kickoffInTwoWeeks(): string {
  return new Date(Date.now() + 14 * 86_400_000).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

async function openHandoff(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  const card = page.locator('c-opportunity-handoff');
  await card.locator('.handoff-form').waitFor({ timeout: 60_000 });
  return card;
}

async function chooseRole(page: Page, card: Locator, row: number, role: string): Promise<void> {
  await card.locator('.stakeholder-role').nth(row).locator('button[role=combobox]').click();
  await page.getByRole('option', { name: role, exact: true }).click();
}

/** Fills in what a draft handoff from the demo lacks: sponsor, admin and champion, contract, terms, kickoff. */
async function completeChecklist(page: Page, card: Locator): Promise<void> {
  await chooseRole(page, card, 0, 'Executive sponsor');
  const people = [
    { name: 'Sam Ortiz', email: 'sam.ortiz@example.com', role: 'Admin' },
    { name: 'Dana Reyes', email: 'dana.reyes@example.com', role: 'Champion' },
  ];
  for (const [i, person] of people.entries()) {
    await card.locator('.add-stakeholder button').click();
    await card
      .locator('.stakeholder-name input')
      .nth(i + 1)
      .fill(person.name);
    await card
      .locator('.stakeholder-email input')
      .nth(i + 1)
      .fill(person.email);
    await chooseRole(page, card, i + 1, person.role);
  }
  await card.locator('[data-item=promisesMade] textarea').fill('None');
  for (const item of ['contractExecuted', 'paymentTermsConfirmed']) {
    // SLDS draws the box over a hidden input: a person clicks the label.
    await card.locator(`[data-item=${item}] label`).click();
    await expect(card.locator(`[data-item=${item}] input`).isChecked()).resolves.toBe(true);
  }
  const kickoff = card.locator('.kickoff-date input');
  await kickoff.fill(kickoffInTwoWeeks());
  await kickoff.blur();
}

async function onboardingTasks(conn: SalesforceStack['conn'], accountId: string) {
  return (
    await conn.query<{ Id: string; Csops_Action_Key__c: string }>(
      `SELECT Id, Csops_Action_Key__c FROM Task WHERE Csops_Action_Key__c LIKE 'csops:${accountId}:%:handoff_submitted:%'`,
    )
  ).records;
}

describe('Sales-to-CS handoff on an Opportunity record page in Chromium', () => {
  it('submits a completed handoff and creates the onboarding Tasks once, also from a second tab', async () => {
    await withSalesforce(async ({ page, newPage, running, conn, screenshot, pageErrors }) => {
      const draft = (
        await conn.query<{ Id: string; AccountId: string }>(
          "SELECT Id, AccountId FROM Opportunity WHERE Csops_Handoff_Status__c = 'draft' ORDER BY Name LIMIT 1",
        )
      ).records[0]!;
      expect(await onboardingTasks(conn, draft.AccountId)).toEqual([]);

      const card = await openHandoff(page, running.opportunityUrl(draft.Id));
      await expect(card.locator('.items').innerText()).resolves.toMatch(/Contract executed/);
      for (const width of [1024, 1440]) await screenshot('salesforce-handoff-draft', width);

      // A second tab opened on the same draft before the first submits.
      const otherPage = await newPage();
      const other = await openHandoff(otherPage, running.opportunityUrl(draft.Id));

      await completeChecklist(page, card);
      await expect(card.locator('.completeness').innerText()).resolves.toMatch(/100%/);
      await card.locator('.submit button').click();
      await card.locator('.submitted').waitFor({ timeout: 30_000 });
      await expect(card.locator('.tasks').innerText()).resolves.toMatch(/created/i);

      const tasks = await onboardingTasks(conn, draft.AccountId);
      expect(tasks.length).toBeGreaterThan(0);
      const opportunity = (await conn.sobject('Opportunity').retrieve(draft.Id)) as unknown as {
        Csops_Handoff_Status__c: string;
        Csops_Handoff_Completeness__c: number;
      };
      expect(opportunity.Csops_Handoff_Status__c).toBe('submitted');
      expect(opportunity.Csops_Handoff_Completeness__c).toBe(100);

      // The stale tab submits the same checklist: no second set of Tasks.
      await completeChecklist(otherPage, other);
      await other.locator('.submit button').click();
      await other.locator('.submitted, .save-error, .refusal').first().waitFor({ timeout: 30_000 });
      const after = await onboardingTasks(conn, draft.AccountId);
      expect(after.map((t) => t.Csops_Action_Key__c).sort()).toEqual(
        tasks.map((t) => t.Csops_Action_Key__c).sort(),
      );

      // Reloaded, the page shows the submission and offers no second one.
      await page.reload();
      await card.locator('.submitted').waitFor({ timeout: 60_000 });
      await expect(card.locator('.submit').count()).resolves.toBe(0);
      expect((await onboardingTasks(conn, draft.AccountId)).length).toBe(tasks.length);

      for (const width of [1024, 1440]) await screenshot('salesforce-handoff-submitted', width);
      expect(pageErrors.filter((e) => !/status of 412/.test(e))).toEqual([]);
    });
  });
});
