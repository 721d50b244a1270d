import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_CSMS } from '@csops/sandbox';
import { withStack, type Stack } from './harness.js';

const DAY = 86_400_000;
const TASK_TO_COMPANY = 192;

/** A book of csops tasks across the named accounts: some overdue, some due later. */
async function addBook(crm: Stack['crm'], companyIds: string[]): Promise<void> {
  const now = Date.now();
  const inputs = Array.from({ length: 90 }, (_, i) => ({
    properties: {
      hs_task_subject: `Follow up on renewal question ${i + 1}`,
      hs_task_status: i % 3 === 0 ? 'IN_PROGRESS' : 'NOT_STARTED',
      // Two in three are overdue by 1 to 30 days; the rest are due in the coming weeks.
      hs_timestamp: new Date(
        now + (i % 3 === 2 ? 1 + (i % 20) : -1 - (i % 30)) * DAY,
      ).toISOString(),
      hubspot_owner_id: DEMO_CSMS[i % DEMO_CSMS.length]!.ownerId,
      csops_action_key: `csops:e2e:book:${i}`,
      csops_action_type: 'task',
    },
    associations: [
      {
        to: { id: companyIds[i % companyIds.length]! },
        types: [
          { associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: TASK_TO_COMPANY },
        ],
      },
    ],
  }));
  await crm.crm.objects.tasks.batchApi.create({ inputs });
}

describe('playbook tasks in the preview (Chromium)', () => {
  it("shows a company's tasks on its record and the book's tasks on the Tasks page, filtered, sorted and paged", async () => {
    await withStack(async (stack) => {
      const { page, url, screenshot, pageErrors, crm } = stack;
      const bluefin = await stack.companyId('silentChurner');
      const others = await Promise.all(
        (['healthyEnterprise', 'expansionReady', 'overdueInvoices'] as const).map((k) =>
          stack.companyId(k),
        ),
      );
      await addBook(crm, [bluefin, ...others]);
      // The health card's first load records Bluefin's due playbook steps as tasks; once it has
      // scored, the company holds its 24 tasks plus those.
      await page.goto(`${url}/companies/${bluefin}`);
      await page
        .locator('[data-card=csops_health_card]')
        .getByTestId('score')
        .waitFor({ timeout: 30_000 });
      await page.locator('[data-card=csops_health_card] [data-testid=playbook-summary]').waitFor();
      const held = (await crm.crm.associations.v4.basicApi.getPage('companies', bluefin, 'tasks'))
        .results.length;
      expect(held).toBeGreaterThan(24);

      // The record page: the seeded overdue task, marked, with its CSM by name.
      for (const width of [1024, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${url}/companies/${bluefin}`);
        const card = page.locator('[data-company-tasks]');
        await card.locator('[data-task-id]').first().waitFor({ timeout: 30_000 });
        const champion = card.locator('[data-task-id]', {
          hasText: 'Identify and meet a new champion',
        });
        await expect(champion.getAttribute('data-overdue')).resolves.toBe('true');
        await expect(champion.locator('[data-overdue]').textContent()).resolves.toBe('overdue');
        await expect(champion.locator('[data-task-status]').textContent()).resolves.toBe(
          'Not started',
        );
        const owner = await champion.locator('[data-task-owner]').textContent();
        expect(DEMO_CSMS.map((c) => c.name)).toContain(owner);
        // Every task the company holds: the first few show, the rest on asking.
        await expect(card.locator('[data-task-id]').count()).resolves.toBe(8);
        await card.locator('[data-action=show-all-tasks]').click();
        await expect(card.locator('[data-task-id]').count()).resolves.toBe(held);
        await card.scrollIntoViewIfNeeded();
        await screenshot(`company-tasks-${width}`);
      }

      // The Tasks page from the navigation: open tasks first, then only the overdue ones.
      await page.getByRole('link', { name: 'Tasks', exact: true }).click();
      const rows = page.locator('[data-table=tasks] tbody tr[data-task-id]');
      await rows.first().waitFor({ timeout: 30_000 });
      await page.locator('select[name=filter]').selectOption('overdue');
      await page.waitForFunction(
        () =>
          document.querySelector('[data-task-count]')?.textContent?.includes('overdue') === true,
      );
      const overdueTotal = Number(
        (await page.locator('[data-task-count]').textContent())?.match(/^(\d+)/)?.[1],
      );
      // Every open task due before today, as the CRM holds them: the 60 of the book, Bluefin
      // Health's champion task, and the playbook steps the demo's own scoring recorded.
      const startOfToday = `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`;
      const overdueHeld = await crm.crm.objects.tasks.searchApi.doSearch({
        filterGroups: [
          {
            filters: [
              {
                propertyName: 'hs_task_status',
                operator: 'IN' as never,
                values: ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'DEFERRED'],
              },
              {
                propertyName: 'hs_timestamp',
                operator: 'LT' as never,
                value: String(Date.parse(startOfToday)),
              },
            ],
          },
        ],
        properties: ['hs_task_subject'],
        limit: 1,
        sorts: [],
      });
      expect(overdueTotal).toBe(overdueHeld.total);
      expect(overdueTotal).toBeGreaterThanOrEqual(61);
      const pages = Math.ceil(overdueTotal / 50);
      await expect(rows.count()).resolves.toBe(50);
      expect(await page.locator('tr[data-task-id]:not([data-overdue=true])').count()).toBe(0);
      await expect(page.locator('[data-page-of]').textContent()).resolves.toBe(
        `Page 1 of ${pages}`,
      );
      const dues = await rows
        .locator('[data-task-due]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-task-due') ?? ''));
      expect(dues).toEqual([...dues].sort());

      // The second page holds the next ones; latest due first on request.
      await page.locator('[data-action=next-page]').click();
      await page.locator('[data-page-of]', { hasText: `Page 2 of ${pages}` }).waitFor();
      await expect(rows.count()).resolves.toBe(Math.min(50, overdueTotal - 50));
      await page.locator('[data-sort=due]').click();
      await page.locator('[data-page-of]', { hasText: `Page 1 of ${pages}` }).waitFor();
      await page.waitForFunction(() => {
        const cells = [...document.querySelectorAll('[data-table=tasks] [data-task-due]')];
        const values = cells.map((c) => c.getAttribute('data-task-due') ?? '');
        return values.length === 50 && values.join() === [...values].sort().reverse().join();
      });
      await expect(
        page.locator('tr[data-task-id] [data-cell=owner]').first().textContent(),
      ).resolves.toMatch(/\w+ \w+/);

      for (const width of [1024, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        await screenshot(`tasks-page-${width}`);
      }

      // Done or skipped: the seeded skipped task with its note, linking to its company and to itself.
      await page.locator('select[name=filter]').selectOption('done');
      const skipped = page.locator('tr[data-task-id]', {
        hasText: 'their CFO asked to hold the review',
      });
      await skipped.waitFor({ timeout: 30_000 });
      await expect(skipped.locator('[data-closed-note]').textContent()).resolves.toMatch(
        /^Skipped: /,
      );
      await expect(skipped.locator('[data-cell=company]').textContent()).resolves.toBe(
        DEMO_ACCOUNTS.overdueInvoices.name,
      );
      const taskId = await skipped.getAttribute('data-task-id');
      await skipped.getByRole('link', { name: 'Hold an executive business review' }).click();
      await page.waitForURL(`**/companies/*#task-${taskId}`);
      await page
        .locator('[data-record-name]', { hasText: DEMO_ACCOUNTS.overdueInvoices.name })
        .waitFor({ timeout: 30_000 });
      // Closed tasks sit below 22 open ones, yet the linked one is shown and marked.
      const target = page.locator(`[data-company-tasks] #task-${taskId}`);
      await target.waitFor({ timeout: 30_000 });
      await expect(target.getAttribute('data-linked')).resolves.toBe('true');
      expect(pageErrors).toEqual([]);
    });
  });
});
