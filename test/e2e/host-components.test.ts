import { describe, expect, it } from 'vitest';
import { fixtureAppDir } from '@csops/preview/fixtures';
import { withStack } from './harness.js';

// The preview's host for HubSpot's components, exercised with the preview's own small card.
describe('HubSpot components drawn by the preview host in Chromium', () => {
  it('runs a card in a worker: function calls with record properties, inputs, forms, sorting and alerts', async () => {
    await withStack(async ({ page, url, companyId, screenshot, pageErrors, log }) => {
      const id = await companyId('healthyEnterprise');
      await page.goto(`${url}/companies/${id}`);
      const card = page.locator('[data-card=fixture_card]');

      // hubspot.serverless reached the function with parameters and the record's properties.
      await card.getByTestId('greeting').waitFor({ timeout: 30_000 });
      await expect(card.getByTestId('greeting').textContent()).resolves.toBe('hello');
      await expect(card.getByTestId('company-name').textContent()).resolves.toBe(
        'Northwind Logistics',
      );
      await expect(card.getByTestId('object-id').textContent()).resolves.toBe(id);
      expect(log.some((l) => l.startsWith('function fixture_echo ok'))).toBe(true);

      await expect(
        card.locator('[data-hs-component=ScoreCircle]').getAttribute('data-score'),
      ).resolves.toBe('42');
      await expect(
        card.locator('[data-hs-component=StatusTag]').getAttribute('data-variant'),
      ).resolves.toBe('danger');

      // Typing reaches the card's state (onInput) and comes back as its text.
      await card.getByLabel('Note').fill('renewal call booked');
      await card.getByText('typed: renewal call booked').waitFor();

      // A sortable header reports the next direction to the card.
      await card.getByRole('button', { name: /Signal/ }).click();
      await card.getByText('sort: ascending').waitFor();

      // Select hands back the option's value; the form submits its named inputs; addAlert shows above the card.
      await card.getByLabel('Tier').selectOption({ label: 'Silver' });
      await card.getByRole('button', { name: 'Save note' }).click();
      const alert = page.locator('[data-alert-type=success]');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain(
        'Saved note "renewal call booked" (silver)',
      );

      await screenshot('host-fixture-card');
      expect(pageErrors).toEqual([]);
    }, fixtureAppDir);
  });

  it('draws the settings page from its own extension', async () => {
    await withStack(async ({ page, url, pageErrors }) => {
      await page.goto(`${url}/settings`);
      const input = page.getByLabel('Red below');
      await input.waitFor({ timeout: 30_000 });
      await input.fill('55');
      await input.blur();
      await page.getByTestId('threshold').getByText('red below 55').waitFor();
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.locator('[data-alert-type=success]').textContent()).resolves.toContain(
        'Saved 55',
      );
      expect(pageErrors).toEqual([]);
    }, fixtureAppDir);
  });
});
