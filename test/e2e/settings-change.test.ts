import { describe, expect, it } from 'vitest';
import { withStack, type Stack } from './harness.js';

const GREEN_FROM_DEFAULT = 70;
const YELLOW_FROM_DEFAULT = 45;

/** The health card's band and the score the card wrote back, once the card has loaded. */
async function openHealthCard({ page, url }: Stack, companyId: string) {
  await page.goto(`${url}/companies/${companyId}`);
  const card = page.locator('[data-card=csops_health_card]');
  const band = card.getByTestId('band');
  await band.waitFor({ timeout: 30_000 });
  const score = page.locator('[data-property=csops_health_score]:not([data-value=""])');
  await score.waitFor();
  return {
    variant: await band.getAttribute('data-variant'),
    label: (await band.textContent())?.trim(),
    score: Number(await score.getAttribute('data-value')),
  };
}

/** Green accounts whose score falls below `greenFrom`, read from the rescored portfolio list. */
async function greenAccountsBelow({ page, url }: Stack, greenFrom: number): Promise<number> {
  await page.goto(url);
  await page.locator('[data-table=portfolio] tbody tr[data-company-id]').first().waitFor();
  await page.locator('[data-action=rescore]').click();
  await page.getByText(/^Portfolio rescored/).waitFor({ timeout: 60_000 });
  await expect(page.locator('tr[data-band=unscored]').count()).resolves.toBe(0);
  // The list shows whole numbers; the exact score sits beside it for comparisons like this one.
  const cells = page.locator('tr[data-band=green] td[data-cell=score][data-score]');
  const scores = (
    await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-score')))
  ).map(Number);
  expect(scores.length).toBeGreaterThan(0);
  return scores.filter((s) => s < greenFrom).length;
}

describe('settings saved on the settings page change scores on the next load (Chromium)', () => {
  it('refuses green below yellow, then raises the green threshold above a green account and moves it to yellow', async () => {
    await withStack(async (stack) => {
      const { page, crm, companyId, screenshot, pageErrors } = stack;
      const id = await companyId('expansionReady');
      const before = await openHealthCard(stack, id);
      expect(before.variant).toBe('success');
      expect(before.label).toBe('Green');
      expect(before.score).toBeGreaterThan(GREEN_FROM_DEFAULT);
      const greenFrom = Math.min(99, Math.floor(before.score) + 2);
      const expectedMoves = await greenAccountsBelow(stack, greenFrom);
      expect(expectedMoves).toBeGreaterThan(0);

      // The settings page, as an admin opens it from the app's entry in the navigation.
      await page.getByRole('link', { name: 'csops settings' }).click();
      const green = page.getByTestId('bands-green');
      const greenInput = green.locator('input');
      await greenInput.waitFor({ timeout: 30_000 });
      await expect(greenInput.inputValue()).resolves.toBe(String(GREEN_FROM_DEFAULT));
      await page.getByTestId('no-history').waitFor();
      const save = page.getByTestId('save');
      const previewButton = page.getByTestId('preview-button');

      // Green below yellow is refused on the field itself, and nothing can be saved.
      await greenInput.fill(String(YELLOW_FROM_DEFAULT - 5));
      await greenInput.blur();
      await expect(green.locator('.hs-field__message').textContent()).resolves.toBe(
        'Green from score must be above Yellow from score',
      );
      await expect(green.getAttribute('class')).resolves.toContain('has-error');
      await expect(page.getByTestId('issues').textContent()).resolves.toContain(
        'Green from score must be above Yellow from score',
      );
      await expect(save.isDisabled()).resolves.toBe(true);
      await expect(previewButton.isDisabled()).resolves.toBe(true);
      await screenshot('settings-refused-green-below-yellow');
      await page.reload();
      await greenInput.waitFor({ timeout: 30_000 });
      await expect(greenInput.inputValue()).resolves.toBe(String(GREEN_FROM_DEFAULT));
      await page.getByTestId('no-history').waitFor();

      // A valid threshold: the preview counts the accounts that would leave green, then it is saved.
      await greenInput.fill(String(greenFrom));
      await greenInput.blur();
      await expect(green.locator('.hs-field__message').count()).resolves.toBe(0);
      await expect(page.getByTestId('issues').count()).resolves.toBe(0);
      await previewButton.click();
      const preview = page.getByTestId('preview');
      await preview.waitFor({ timeout: 30_000 });
      const previewText = (await preview.locator('.hs-alert__body').textContent()) ?? '';
      const counted = /^(\d+) of (\d+) accounts would change band \((.+)\)\.$/.exec(previewText);
      expect(counted, previewText).not.toBeNull();
      expect(Number(counted?.[1])).toBe(expectedMoves);
      expect(counted?.[3]).toBe(`Green → Yellow: ${expectedMoves}`);
      await screenshot('settings-preview');

      await page.getByTestId('note').locator('input').fill('Raise the green bar');
      await save.click();
      await expect(
        page.locator('[data-alert-type=success]').first().textContent(),
      ).resolves.toContain('Saved as version 1');
      const history = page.getByTestId('history');
      await history.waitFor({ timeout: 30_000 });
      const rows = await history.locator('tbody tr').allTextContents();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('1 (current)');
      expect(rows[0]).toContain('Raise the green bar');
      await expect(greenInput.inputValue()).resolves.toBe(String(greenFrom));
      await screenshot('settings-saved');

      // The account is rescored with the saved settings the next time its card loads.
      const after = await openHealthCard(stack, id);
      expect(after.variant).toBe('warning');
      expect(after.label).toBe('Yellow');
      await page.locator('[data-property=csops_health_band][data-value=yellow]').waitFor();
      const company = await crm.crm.companies.basicApi.getById(id, ['csops_health_band']);
      expect(company.properties.csops_health_band).toBe('yellow');
      await screenshot('settings-change-band');
      expect(pageErrors).toEqual([]);
    });
  });
});
