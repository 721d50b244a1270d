import { scoreHealth } from '../health/score.js';
import type { AccountSnapshot } from '../snapshot/schema.js';
import { BAND_LABELS, UNSCORED_LABEL } from '../vocabulary/labels.js';
import type { Settings } from './schema.js';

// Before a settings save: how many accounts would change band under the draft against the saved
// settings, and between which bands. Every face previews a save with these words.

export interface BandChangePreview {
  /** Accounts looked at. */
  scanned: number;
  /** Of those, the ones both settings could score or band. */
  scored: number;
  changed: number;
  /** "green→yellow" → how many accounts make that move. */
  moves: Record<string, number>;
  /** False when only part of the portfolio was looked at. */
  complete: boolean;
}

export const BAND_OR_UNSCORED_LABELS: Record<string, string> = {
  ...BAND_LABELS,
  unscored: UNSCORED_LABEL,
};

/** Adds one account's band under the saved and the draft settings to a preview. */
export function countBandMove(
  preview: BandChangePreview,
  from: string | null,
  to: string | null,
): void {
  preview.scored += 1;
  const a = from ?? 'unscored';
  const b = to ?? 'unscored';
  if (a === b) return;
  preview.changed += 1;
  preview.moves[`${a}→${b}`] = (preview.moves[`${a}→${b}`] ?? 0) + 1;
}

/** The preview over a sample of snapshots; `complete` says whether the sample is every account. */
export function previewBandChanges(
  snapshots: readonly AccountSnapshot[],
  saved: Settings,
  draft: Settings,
  complete: boolean,
): BandChangePreview {
  const preview: BandChangePreview = {
    scanned: snapshots.length,
    scored: 0,
    changed: 0,
    moves: {},
    complete,
  };
  for (const snapshot of snapshots) {
    countBandMove(preview, scoreHealth(snapshot, saved).band, scoreHealth(snapshot, draft).band);
  }
  return preview;
}

const bandName = (band: string) => BAND_OR_UNSCORED_LABELS[band] ?? band;

/** "12 of 298 accounts would change band (Green → Yellow: 9, …)." */
export function bandChangesText(p: BandChangePreview): string {
  const moves = Object.entries(p.moves)
    .map(([move, n]) => {
      const [from = '', to = ''] = move.split('→');
      return `${bandName(from)} → ${bandName(to)}: ${n}`;
    })
    .join(', ');
  const of = `${p.changed} of ${p.scored} accounts would change band`;
  return `${of}${moves ? ` (${moves})` : ''}${p.complete ? '' : ` — first ${p.scanned} accounts checked`}.`;
}
