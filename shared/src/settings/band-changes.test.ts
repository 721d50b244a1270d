import { describe, expect, it } from 'vitest';
import { GOLDEN_ACCOUNTS } from '../../fixtures/golden-accounts.js';
import { scoreHealth } from '../health/score.js';
import { bandChangesText, previewBandChanges } from './band-changes.js';
import { defaultSettings } from './defaults.js';

const snapshots = GOLDEN_ACCOUNTS.map((a) => a.snapshot);

describe('band-change preview', () => {
  it('finds no move when the draft is the saved settings', () => {
    const p = previewBandChanges(snapshots, defaultSettings(), defaultSettings(), true);
    expect(p).toMatchObject({ scanned: snapshots.length, changed: 0, moves: {} });
    expect(p.scored).toBe(snapshots.length);
  });

  it('moves every green account under a green cut-off above its score to yellow', () => {
    const saved = defaultSettings();
    const draft = defaultSettings();
    draft.bands.green = 99;
    const greens = snapshots.filter((s) => scoreHealth(s, saved).band === 'green');
    expect(greens.length).toBeGreaterThan(0);
    const p = previewBandChanges(snapshots, saved, draft, true);
    expect(p.moves['green→yellow']).toBe(greens.length);
    expect(p.changed).toBe(greens.length);
  });

  it('says how many accounts move, between which bands, and when the sample is partial', () => {
    expect(
      bandChangesText({
        scanned: 300,
        scored: 298,
        changed: 12,
        moves: { 'green→yellow': 9, 'yellow→red': 2, 'unscored→red': 1 },
        complete: true,
      }),
    ).toBe(
      '12 of 298 accounts would change band (Green → Yellow: 9, Yellow → Red: 2, Not scored → Red: 1).',
    );
    expect(
      bandChangesText({ scanned: 50, scored: 48, changed: 0, moves: {}, complete: false }),
    ).toBe('0 of 48 accounts would change band — first 50 accounts checked.');
  });
});
