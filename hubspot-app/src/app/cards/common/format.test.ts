import { crmModel } from '@csops/hubspot-model';
import { describe, expect, it } from 'vitest';
import { BAND_LABELS as BAND_LABEL, RISK_LEVEL_LABELS as RISK_LABEL } from '@csops/core';

const model = crmModel;

function optionLabels(name: string): Record<string, string> {
  const property = (model.properties.companies ?? []).find((p) => p.name === name);
  return Object.fromEntries((property?.options ?? []).map((o) => [o.value, o.label]));
}

describe('band and risk labels on the cards', () => {
  it('name each band as the company property csops_health_band labels it in HubSpot', () => {
    expect(BAND_LABEL).toEqual(optionLabels('csops_health_band'));
  });

  it('name each renewal risk level as csops_renewal_risk labels it', () => {
    expect(RISK_LABEL).toEqual(optionLabels('csops_renewal_risk'));
  });

  it('never use a renewal-risk word for a band, since both are shown side by side', () => {
    const riskWords = new Set<string>(Object.values(RISK_LABEL));
    for (const label of Object.values(BAND_LABEL)) expect(riskWords.has(label)).toBe(false);
  });
});
