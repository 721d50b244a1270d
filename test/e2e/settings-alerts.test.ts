import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR, withStack } from './harness.js';

const SECRET_MESSAGE =
  'must be the name of the secret holding the webhook URL (capitals, digits and _), e.g. CSOPS_SLACK_WEBHOOK_URL';

describe('escalations and Slack alerts on the settings page (Chromium)', () => {
  it('refuses a lower-case secret name on its field, then saves a channel and the CS manager', async () => {
    await withStack(async ({ page, url, pageErrors }) => {
      await page.goto(url);
      await page.getByRole('link', { name: 'csops settings' }).click();
      const cooldown = page.getByTestId('alerts-cooldown').locator('input');
      await cooldown.waitFor({ timeout: 30_000 });
      await expect(cooldown.inputValue()).resolves.toBe('24');
      await page.getByTestId('no-history').waitFor();

      await page.getByTestId('manager').locator('select').selectOption({ index: 1 });
      await page.getByTestId('add-channel').click();
      const secret = page.getByTestId('channel-0-secret');
      await page.getByTestId('channel-0-name').locator('input').fill('#cs-alerts');
      await secret.locator('input').fill('csops_slack_url');
      await secret.locator('input').blur();
      await expect(secret.locator('.hs-field__message').textContent()).resolves.toContain(
        SECRET_MESSAGE,
      );
      await expect(page.getByTestId('save').isDisabled()).resolves.toBe(true);

      const section = page.getByTestId('webhook-hint').locator('xpath=..');
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      for (const width of [1024, 1440]) {
        await page.setViewportSize({ width, height: 1000 });
        await section.scrollIntoViewIfNeeded();
        await section.screenshot({ path: join(ARTIFACTS_DIR, `settings-alerts-${width}.png`) });
      }

      await secret.locator('input').fill('CSOPS_SLACK_WEBHOOK_URL');
      await secret.locator('input').blur();
      await expect(secret.locator('.hs-field__message').count()).resolves.toBe(0);
      await page.getByTestId('save').click();
      await expect(
        page.locator('[data-alert-type=success]').first().textContent(),
      ).resolves.toContain('Saved as version 1');
      await page.getByTestId('history').waitFor({ timeout: 30_000 });
      await expect(
        page.getByTestId('channel-0-secret').locator('input').inputValue(),
      ).resolves.toBe('CSOPS_SLACK_WEBHOOK_URL');
      await expect(page.getByTestId('manager').locator('select').inputValue()).resolves.not.toBe(
        '',
      );
      expect(pageErrors).toEqual([]);
    });
  });
});
