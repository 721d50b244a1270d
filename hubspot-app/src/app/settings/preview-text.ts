// The band-change preview in words. Bands carry the csops_health_band property's option labels, as on
// the cards; an account the model cannot score yet is "Not scored".
import { BAND_LABELS, UNSCORED_LABEL } from '@csops/core';
import type { PreviewResponse } from './functions.js';

export const BAND_LABEL: Record<string, string> = { ...BAND_LABELS, unscored: UNSCORED_LABEL };

const bandName = (band: string) => BAND_LABEL[band] ?? band;

export function previewText(p: PreviewResponse): string {
  const moves = Object.entries(p.moves)
    .map(([move, n]) => {
      const [from = '', to = ''] = move.split('→');
      return `${bandName(from)} → ${bandName(to)}: ${n}`;
    })
    .join(', ');
  const of = `${p.changed} of ${p.scored} accounts would change band`;
  return `${of}${moves ? ` (${moves})` : ''}${p.complete ? '' : ` — first ${p.scanned} accounts checked`}.`;
}
