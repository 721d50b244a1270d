import { describe, expect, it } from 'vitest';
import { SF_DEMO_ACCOUNTS } from '@csops/sandbox/salesforce';
import { withSalesforce, type SalesforceStack } from './salesforce-harness.js';

interface StoredTask {
  Status: string;
  Csops_Outcome__c: string | null;
  Description: string | null;
}

async function storedTask(conn: SalesforceStack['conn'], id: string): Promise<StoredTask> {
  return (await conn.sobject('Task').retrieve(id, {
    fields: ['Status', 'Csops_Outcome__c', 'Description'],
  })) as unknown as StoredTask;
}

async function csopsTask(
  conn: SalesforceStack['conn'],
  accountId: string,
  subject: string,
  due: string,
): Promise<string> {
  const result = await conn.sobject('Task').create({
    WhatId: accountId,
    Subject: subject,
    ActivityDate: due,
    Status: 'Not Started',
    Csops_Action_Key__c: `e2e:${subject}`,
  });
  if (!result.success) throw new Error(`Task not created: ${JSON.stringify(result)}`);
  return result.id;
}

describe("An Account's playbook Tasks on its record page in Chromium", () => {
  it('marks one Task done and skips another with a reason, both saved on the Task', async () => {
    await withSalesforce(async ({ page, running, conn, screenshot, pageErrors }) => {
      const { id: accountId } = SF_DEMO_ACCOUNTS.silentChurner;
      const overdue = await csopsTask(conn, accountId, 'Call the champion', '2026-01-05');
      const later = await csopsTask(conn, accountId, 'Send the usage review', '2099-03-01');

      await page.goto(running.accountUrl('silentChurner'));
      const card = page.locator('c-account-health');
      const tasks = card.locator('section.playbook-tasks');
      await tasks.waitFor({ timeout: 60_000 });
      const row = (id: string) => tasks.locator(`li.task[data-id="${id}"]`);
      // The seed's own csops Tasks are listed too; the late one comes first of all.
      const ids = await tasks
        .locator('li.task')
        .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id));
      expect(ids[0]).toBe(overdue);
      expect(ids).toContain(later);
      await expect.poll(() => row(overdue).locator('.due').innerText()).toBe('Overdue');
      for (const width of [1024, 1440]) await screenshot('salesforce-playbook-tasks-open', width);

      await row(overdue).locator('lightning-button.mark-done button').click();
      await expect
        .poll(async () => (await storedTask(conn, overdue)).Csops_Outcome__c, { timeout: 20_000 })
        .toBe('done');
      expect((await storedTask(conn, overdue)).Status).toBe('Completed');
      await row(overdue).locator('.outcome').waitFor({ timeout: 20_000 });

      await row(later).locator('lightning-button.skip button').click();
      const reason = row(later).locator('lightning-textarea textarea');
      // An empty reason is refused on the field and nothing is written.
      await row(later).locator('lightning-button.save-skip button').click();
      expect((await storedTask(conn, later)).Status).toBe('Not Started');
      await reason.fill('Renewal already signed');
      await reason.blur();
      await row(later).locator('lightning-button.save-skip button').click();
      await expect
        .poll(async () => (await storedTask(conn, later)).Csops_Outcome__c, { timeout: 20_000 })
        .toBe('skipped');
      expect((await storedTask(conn, later)).Description).toContain('Renewal already signed');
      await row(later).locator('.closed-note').waitFor({ timeout: 20_000 });

      for (const width of [1024, 1440]) await screenshot('salesforce-playbook-tasks-closed', width);
      expect(pageErrors).toEqual([]);
    });
  });
});
