import { describe, expect, it } from 'vitest';
import { withStack } from './harness.js';

interface Answer<T> {
  ok: boolean;
  data: T;
  error?: { message: string };
}

describe('settings saved through the app change scores on the next load (Chromium)', () => {
  it('moves a green account to yellow when the green threshold is raised above its score', async () => {
    await withStack(async ({ page, url, crm, companyId, screenshot, pageErrors }) => {
      const id = await companyId('expansionReady');
      await page.goto(`${url}/companies/${id}`);
      const card = page.locator('[data-card=csops_health_card]');
      await card.getByTestId('band').waitFor({ timeout: 30_000 });
      await expect(card.getByTestId('band').getAttribute('data-variant')).resolves.toBe('success');
      const score = Number(
        await card.locator('[data-hs-component=ScoreCircle]').getAttribute('data-score'),
      );
      expect(score).toBeGreaterThan(70);

      // Saved from the page through the preview's function endpoint, as the settings page saves.
      const saved = await page.evaluate(
        async (greenAbove) => {
          const call = async (uid: string, parameters: Record<string, unknown>) => {
            const response = await fetch(`/api/functions/${uid}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ parameters }),
            });
            return ((await response.json()) as { response: unknown }).response;
          };
          const current = (await call('settings_get', {})) as Answer<{
            settings: { bands: { green: number } };
          }>;
          const settings = {
            ...current.data.settings,
            bands: { ...current.data.settings.bands, green: greenAbove },
          };
          return call('settings_save', { settings, note: 'Raise the green bar' });
        },
        Math.min(99, score + 2),
      );
      expect((saved as Answer<unknown>).ok).toBe(true);

      await page.reload();
      await card.getByTestId('band').waitFor({ timeout: 30_000 });
      await expect(card.getByTestId('band').getAttribute('data-variant')).resolves.toBe('warning');
      await page.locator('[data-property=csops_health_band][data-value=yellow]').waitFor();
      const company = await crm.crm.companies.basicApi.getById(id, ['csops_health_band']);
      expect(company.properties.csops_health_band).toBe('yellow');
      await screenshot('settings-change-band');
      expect(pageErrors).toEqual([]);
    });
  });
});
