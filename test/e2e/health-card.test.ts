import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@csops/sandbox';
import { withStack } from './harness.js';

describe('Customer health card on a company page in Chromium', () => {
  it('shows a red account with the drivers behind it, and the score written back to the company', async () => {
    await withStack(async ({ page, url, companyId, screenshot, crm, pageErrors }) => {
      const id = await companyId('silentChurner');
      await page.goto(`${url}/companies/${id}`);
      const card = page.locator('[data-card=csops_health_card]');
      const scoreBar = card.getByTestId('score');
      await scoreBar.waitFor({ timeout: 30_000 });

      const band = card.getByTestId('band');
      await expect(band.getAttribute('data-variant')).resolves.toBe('danger');
      await expect(band.textContent()).resolves.toBe('Red');
      const score = Number(
        await scoreBar.locator('[role=progressbar]').getAttribute('aria-valuenow'),
      );
      expect(score).toBeLessThan(50);
      // Drawn in the band's colour, not by a fixed cut-off that would draw this red score amber.
      await expect(scoreBar.locator('.hs-progress__fill').getAttribute('class')).resolves.toContain(
        'hs-progress__fill--danger',
      );

      // The drivers: each measure's reason in plain language, the weakest first.
      const drivers = card.locator('[data-testid^=driver-]');
      expect(await drivers.count()).toBeGreaterThanOrEqual(2);
      const reasons = await drivers.allTextContents();
      expect(reasons.join(' ')).toMatch(/licensed seats active/);
      expect(reasons.join(' ')).toMatch(/[Cc]hampion/);

      // The function wrote the result to the company; the properties panel reads it back from the sandbox.
      await page.locator('[data-property=csops_health_band][data-value=red]').waitFor();
      const company = await crm.crm.companies.basicApi.getById(id, [
        'csops_health_band',
        'csops_health_score',
      ]);
      expect(company.properties.csops_health_band).toBe('red');
      expect(Number(company.properties.csops_health_score)).toBe(score);
      // The owner and the CSM read as people, not owner ids.
      const people = DEMO_PEOPLE.map((p) => p.name);
      for (const property of ['hubspot_owner_id', 'csops_csm_owner_id'])
        expect(people).toContain(
          await page.locator(`[data-property=${property}] dd`).textContent(),
        );

      await screenshot('health-card-red-account');
      expect(pageErrors).toEqual([]);
    });
  });

  it('creates one expansion deal when it is asked for twice', async () => {
    await withStack(async ({ page, url, companyId, screenshot, crm, pageErrors }) => {
      const id = await companyId('expansionReady');
      const expansionDeals = async () => {
        const assoc = await crm.crm.associations.v4.basicApi.getPage(
          'companies',
          id,
          'deals',
          undefined,
          100,
        );
        if (assoc.results.length === 0) return [];
        const deals = await crm.crm.deals.batchApi.read({
          inputs: assoc.results.map((a) => ({ id: String(a.toObjectId) })),
          properties: ['dealname', 'csops_expansion_key'],
          propertiesWithHistory: [],
        });
        return deals.results.filter((d) => d.properties.csops_expansion_key);
      };
      expect(await expansionDeals()).toEqual([]);

      // Two CSMs have the account open; both click "Create expansion deal", one after the other.
      const other = await page.context().newPage();
      await page.goto(`${url}/companies/${id}`);
      await other.goto(`${url}/companies/${id}`);
      const card = page.locator('[data-card=csops_health_card]');
      const otherCard = other.locator('[data-card=csops_health_card]');
      await card.getByTestId('create-expansion').waitFor({ timeout: 30_000 });
      await otherCard.getByTestId('create-expansion').waitFor({ timeout: 30_000 });

      await card.getByTestId('create-expansion').click();
      await card.getByTestId('expansion-deal-link').waitFor({ timeout: 30_000 });
      expect(await expansionDeals()).toHaveLength(1);

      await otherCard.getByTestId('create-expansion').click();
      await otherCard.getByTestId('expansion-deal-link').waitFor({ timeout: 30_000 });
      const deals = await expansionDeals();
      expect(deals).toHaveLength(1);
      await expect(otherCard.getByTestId('expansion-deal-link').textContent()).resolves.toContain(
        deals[0]?.properties.dealname ?? '(no name)',
      );
      await other.close();

      // The deal shows among the company's associations, and its link opens it in the preview.
      await page.locator(`[data-associations=deals] a[href="/deals/${deals[0]?.id}"]`).waitFor();
      await screenshot('health-card-expansion-deal');
      await card.getByTestId('expansion-deal-link').click();
      await page.waitForURL(`${url}/deals/${deals[0]?.id}`);
      expect(pageErrors).toEqual([]);
    });
  });
});
