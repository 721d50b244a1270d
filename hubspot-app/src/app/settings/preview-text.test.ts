import { crmModel } from '@csops/hubspot-model';
import { describe, expect, it } from 'vitest';
import { BAND_LABEL, previewText } from './preview-text.js';

const model = crmModel;

describe('band-change preview text', () => {
  it('names bands as the csops_health_band property labels them', () => {
    const options = (model.properties.companies ?? []).find(
      (p) => p.name === 'csops_health_band',
    )?.options;
    expect(options?.length).toBe(3);
    for (const o of options ?? []) expect(BAND_LABEL[o.value]).toBe(o.label);
  });

  it('counts the accounts that move and says between which bands', () => {
    const text = previewText({
      scanned: 300,
      scored: 298,
      changed: 12,
      moves: { 'green→yellow': 9, 'yellow→red': 2, 'unscored→red': 1 },
      complete: true,
    });
    expect(text).toBe(
      '12 of 298 accounts would change band (Green → Yellow: 9, Yellow → Red: 2, Not scored → Red: 1).',
    );
  });

  it('says when only part of the portfolio was checked', () => {
    const text = previewText({
      scanned: 2000,
      scored: 1990,
      changed: 0,
      moves: {},
      complete: false,
    });
    expect(text).toBe('0 of 1990 accounts would change band — first 2000 accounts checked.');
  });
});
