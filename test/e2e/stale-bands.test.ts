import { describe, expect, it } from 'vitest';
import { withStack } from './harness.js';

describe('stale bands after a settings change (Chromium)', () => {
  it('offers the rescore after a save that moves bands, and the Companies list marks stale bands until rescored', async () => {
    await withStack(async ({ page, url, screenshot, pageErrors }) => {
      // Every company scored under the defaults.
      await page.goto(url);
      await page.locator('[data-table=portfolio] tbody tr[data-company-id]').first().waitFor();
      await page.locator('[data-action=rescore]').click();
      await page.getByText(/^Portfolio rescored/).waitFor({ timeout: 60_000 });
      await expect(page.locator('[data-notice=stale-bands]').count()).resolves.toBe(0);

      // Stricter bands, saved on the settings page.
      await page.getByRole('link', { name: 'csops settings' }).click();
      const greenInput = page.getByTestId('bands-green').locator('input');
      await greenInput.waitFor({ timeout: 30_000 });
      await greenInput.fill('95');
      await greenInput.blur();
      await page.getByTestId('save').click();
      const offer = page.getByTestId('rescore-offer');
      await offer.waitFor({ timeout: 30_000 });
      await expect(offer.textContent()).resolves.toMatch(/\d+ accounts? changes? band/);
      await screenshot('settings-rescore-offer');

      // The list says its bands are out of date, and the rescore clears that.
      await page.goto(url);
      const notice = page.locator('[data-notice=stale-bands]');
      await notice.waitFor({ timeout: 30_000 });
      expect(await page.locator('tr[data-stale=true]').count()).toBeGreaterThan(0);
      await screenshot('portfolio-stale-bands');
      await page.locator('[data-action=rescore-stale]').click();
      await page.getByText(/^Portfolio rescored/).waitFor({ timeout: 60_000 });
      await expect(notice.count()).resolves.toBe(0);
      await expect(page.locator('tr[data-stale=true]').count()).resolves.toBe(0);
      expect(pageErrors).toEqual([]);
    });
  });
});
