import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '@csops/sandbox';
import { withStack } from './harness.js';

function isoDateInDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('Sales-to-CS handoff card on a deal page in Chromium', () => {
  it('shows what is missing, takes the missing items and submits the handoff to the CRM', async () => {
    await withStack(async ({ page, url, crm, screenshot, pageErrors }) => {
      const drafts = await crm.crm.deals.searchApi.doSearch({
        filterGroups: [
          {
            filters: [
              { propertyName: 'csops_handoff_status', operator: 'EQ' as never, value: 'draft' },
            ],
          },
        ],
        properties: ['dealname', 'csops_handoff_status'],
        limit: 1,
      });
      const dealId = drafts.results[0]?.id;
      expect(dealId).toBeDefined();

      await page.goto(`${url}/deals/${dealId}`);
      const card = page.locator('[data-card=csops_handoff_card]');
      await card.getByTestId('missing-items').waitFor({ timeout: 30_000 });
      await expect(card.getByTestId('submit').isDisabled()).resolves.toBe(true);
      await expect(card.getByTestId('submit-blocked').textContent()).resolves.toMatch(
        /Stakeholders/,
      );

      // Fill in what the checklist says is missing.
      const addStakeholder = async (index: number, name: string, email: string, role: string) => {
        await card.getByTestId('add-stakeholder').click();
        await card.getByTestId(`stakeholder-${index}-name`).locator('input').fill(name);
        await card.getByTestId(`stakeholder-${index}-email`).locator('input').fill(email);
        await card
          .getByTestId(`stakeholder-${index}-role`)
          .locator('select')
          .selectOption({ label: role });
      };
      await addStakeholder(1, 'Dana Reyes', 'dana.reyes@example.com', 'Executive sponsor');
      await addStakeholder(2, 'Sam Ortiz', 'sam.ortiz@example.com', 'Admin');
      await card.getByTestId('promisesMade').locator('textarea').fill('None');
      await card.getByTestId('contractExecuted').locator('input').check();
      await card.getByTestId('paymentTermsConfirmed').locator('input').check();
      await card.getByTestId('kickoffDate').locator('input').fill(isoDateInDays(14));

      await card.getByTestId('all-complete').waitFor();
      await expect(card.getByTestId('submit').isEnabled()).resolves.toBe(true);
      await card.getByTestId('submit').click();
      await card.getByTestId('submitted').waitFor({ timeout: 30_000 });

      const deal = await crm.crm.deals.basicApi.getById(String(dealId), [
        'csops_handoff_status',
        'csops_handoff_completeness',
        'csops_handoff',
        'hubspot_owner_id',
      ]);
      expect(deal.properties.csops_handoff_status).toBe('submitted');
      expect(Number(deal.properties.csops_handoff_completeness)).toBe(100);
      expect(deal.properties.csops_handoff).toContain('Dana Reyes');
      // The deal's properties panel shows the submission read back from the sandbox.
      await page.locator('[data-property=csops_handoff_status][data-value=submitted]').waitFor();

      // People by name: the CSM the account went to, and the deal's owner in the properties panel.
      const personNamed = (ownerId: string | null | undefined) =>
        DEMO_PEOPLE.find((p) => p.ownerId === ownerId)?.name;
      const companies = await crm.crm.associations.v4.basicApi.getPage(
        'deals',
        String(dealId),
        'companies',
      );
      const company = await crm.crm.companies.basicApi.getById(
        String(companies.results[0]?.toObjectId),
        ['csops_csm_owner_id'],
      );
      const csmName = personNamed(company.properties.csops_csm_owner_id);
      expect(csmName).toBeDefined();
      const submitted = (await card.getByTestId('submitted').textContent()) ?? '';
      expect(submitted).toContain(`Routed to ${csmName}.`);
      expect(submitted).not.toContain(String(company.properties.csops_csm_owner_id));
      const owner = page.locator('[data-property=hubspot_owner_id] dd');
      await expect(owner.textContent()).resolves.toBe(
        personNamed(deal.properties.hubspot_owner_id),
      );
      // Every stakeholder's name, email and role is readable in full.
      const cutOff = await card
        .locator('[data-testid^=stakeholder-] input, [data-testid^=stakeholder-] select')
        .evaluateAll((fields) =>
          fields
            .filter((field) => {
              if (field instanceof HTMLInputElement) return field.scrollWidth > field.clientWidth;
              const select = field as HTMLSelectElement;
              const probe = document.createElement('span');
              probe.style.font = getComputedStyle(select).font;
              probe.style.position = 'absolute';
              probe.textContent = select.selectedOptions[0]?.text ?? '';
              document.body.append(probe);
              // Room for the text beside the select's padding and arrow.
              const needed = probe.getBoundingClientRect().width + 40;
              probe.remove();
              return needed > select.clientWidth;
            })
            .map((field) =>
              field instanceof HTMLSelectElement
                ? (field.selectedOptions[0]?.text ?? '')
                : (field as HTMLInputElement).value,
            ),
        );
      expect(cutOff).toEqual([]);
      await screenshot('handoff-card-submitted');
      expect(pageErrors).toEqual([]);
    });
  });
});
