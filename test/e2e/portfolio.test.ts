import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { README_SCREENSHOT, shouldRefreshReadmeScreenshot, withStack } from './harness.js';

describe('portfolio page in Chromium', () => {
  it('lists the demo companies, rescored, sortable and filtered by band and segment', async () => {
    await withStack(async ({ page, url, screenshot, pageErrors }) => {
      await page.goto(url);
      await expect(page.locator('[data-preview-banner]').textContent()).resolves.toBe(
        'csops local preview — CRM sandbox, not HubSpot',
      );
      const rows = page.locator('[data-table=portfolio] tbody tr[data-company-id]');
      await rows.first().waitFor();
      const total = await rows.count();
      expect(total).toBeGreaterThan(50);

      // A new demo opens scored, with two weeks of history behind it; a rescore scores it again.
      await page.locator('tr[data-band=red]').first().waitFor();
      expect(await page.locator('tr[data-band=unscored]').count()).toBe(0);
      await page.locator('[data-action=rescore]').click();
      await page.getByText(/^Portfolio rescored/).waitFor({ timeout: 60_000 });
      await page.locator('tr[data-band=red]').first().waitFor();
      const unscored = await page.locator('tr[data-band=unscored]').count();
      expect(unscored).toBe(0);

      await page.locator('select[name=band]').selectOption('red');
      const redRows = await rows.count();
      expect(redRows).toBeGreaterThan(0);
      expect(redRows).toBeLessThan(total);
      expect(await page.locator('tr[data-company-id]:not([data-band=red])').count()).toBe(0);
      // Shown scores agree with their band under the default thresholds (yellow from 45).
      const redScores = (await page.locator('td[data-cell=score]').allTextContents()).map(Number);
      for (const score of redScores) expect(score).toBeLessThan(45);
      // Bands and risk levels read as the HubSpot properties label them.
      const bandCells = await page.locator('td[data-cell=band]').allTextContents();
      expect(new Set(bandCells)).toEqual(new Set(['Red']));
      const riskCells = await page.locator('td[data-cell=risk]').allTextContents();
      for (const risk of riskCells) expect(['Low', 'Medium', 'High', 'Critical']).toContain(risk);

      await page.locator('select[name=segment]').selectOption('enterprise');
      const segments = await page
        .locator('[data-table=portfolio] tbody tr td:nth-child(2)')
        .allTextContents();
      expect(segments.every((s) => s === 'Enterprise')).toBe(true);

      await page.locator('select[name=band]').selectOption('all');
      await page.locator('select[name=segment]').selectOption('all');
      // Score sorts ascending by default; one click on the header turns it to descending.
      const scores = async () =>
        (await page.locator('td[data-cell=score]').allTextContents())
          .map(Number)
          .filter((n) => !Number.isNaN(n));
      const ascending = await scores();
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
      await page.locator('button[data-sort=score]').click();
      const descending = await scores();
      expect(descending).toEqual([...ascending].sort((a, b) => b - a));

      await page.locator('button[data-sort=score]').click();
      await screenshot('portfolio');
      if (shouldRefreshReadmeScreenshot()) {
        mkdirSync(dirname(README_SCREENSHOT), { recursive: true });
        await page.screenshot({
          path: README_SCREENSHOT,
          clip: { x: 0, y: 0, width: 1400, height: 800 },
        });
      }
      expect(pageErrors).toEqual([]);
    });
  });
});
