// The band-change preview in words: the core's, so every face says it alike. Bands carry the
// csops_health_band property's option labels, as on the cards; an account the model cannot score
// yet is "Not scored".
import { BAND_OR_UNSCORED_LABELS, bandChangesText } from '@csops/core';
import type { PreviewResponse } from './functions.js';

export const BAND_LABEL: Record<string, string> = BAND_OR_UNSCORED_LABELS;

export function previewText(p: PreviewResponse): string {
  return bandChangesText(p);
}
