import type { BacktestReport } from '@csops/core';
import { pct } from '../format.js';
import { escapeHtml } from './escape.js';

// Charts are inline SVG so a report is one file that opens anywhere, offline.

export interface Series {
  name: string;
  color: string;
  points: [number, number][];
  /** Draw dots instead of a line (reliability bins). */
  dots?: boolean;
}

const W = 360;
const H = 300;
const PAD = 44;

const sx = (x: number) => PAD + x * (W - PAD - 12);
const sy = (y: number) => H - PAD - y * (H - PAD - 12);

/** A 0–1 × 0–1 chart with a dashed diagonal (chance for ROC, perfect calibration for reliability). */
export function unitChart(title: string, xLabel: string, yLabel: string, series: Series[]): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (t) =>
        `<line x1="${sx(t)}" y1="${sy(0)}" x2="${sx(t)}" y2="${sy(1)}" class="grid"/>` +
        `<line x1="${sx(0)}" y1="${sy(t)}" x2="${sx(1)}" y2="${sy(t)}" class="grid"/>` +
        `<text x="${sx(t)}" y="${sy(0) + 16}" text-anchor="middle">${t}</text>` +
        `<text x="${sx(0) - 6}" y="${sy(t) + 4}" text-anchor="end">${t}</text>`,
    )
    .join('');
  const body = series
    .map((s) => {
      if (s.dots) {
        return s.points
          .map(
            ([x, y]) =>
              `<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="4" fill="${s.color}"/>`,
          )
          .join('');
      }
      const d = s.points
        .map(([x, y], i) => `${i ? 'L' : 'M'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`)
        .join('');
      return `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"/>`;
    })
    .join('');
  const legend = series
    .map(
      (s, i) =>
        `<rect x="${sx(0.55)}" y="${sy(0.2) + i * 16 - 9}" width="10" height="10" fill="${s.color}"/>` +
        `<text x="${sx(0.55) + 14}" y="${sy(0.2) + i * 16}">${escapeHtml(s.name)}</text>`,
    )
    .join('');
  return `<figure><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">
<title>${escapeHtml(title)}</title>${ticks}
<line x1="${sx(0)}" y1="${sy(0)}" x2="${sx(1)}" y2="${sy(1)}" class="diagonal"/>${body}${legend}
<text x="${W / 2}" y="${H - 6}" text-anchor="middle">${escapeHtml(xLabel)}</text>
<text x="12" y="${H / 2}" text-anchor="middle" transform="rotate(-90 12 ${H / 2})">${escapeHtml(yLabel)}</text>
</svg><figcaption>${escapeHtml(title)}</figcaption></figure>`;
}

export interface Bar {
  label: string;
  value: number;
  color: string;
  /** Text printed on the bar (defaults to the value). */
  text?: string;
}

/** Vertical bars; `max` fixes the scale (1 for shares). */
export function barChart(title: string, bars: Bar[], max?: number): string {
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const slot = (W - PAD - 12) / Math.max(bars.length, 1);
  const body = bars
    .map((b, i) => {
      const h = (b.value / top) * (H - PAD - 30);
      const x = PAD + i * slot + slot * 0.15;
      const y = sy(0) - h;
      return (
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${b.color}"/>` +
        `<text x="${(x + slot * 0.35).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle">${escapeHtml(b.text ?? String(b.value))}</text>` +
        `<text x="${(x + slot * 0.35).toFixed(1)}" y="${sy(0) + 16}" text-anchor="middle">${escapeHtml(b.label)}</text>`
      );
    })
    .join('');
  return `<figure><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">
<title>${escapeHtml(title)}</title><line x1="${PAD}" y1="${sy(0)}" x2="${W - 12}" y2="${sy(0)}" class="axis"/>${body}
</svg><figcaption>${escapeHtml(title)}</figcaption></figure>`;
}

export const BAND_COLORS: Record<string, string> = {
  green: '#2e7d32',
  yellow: '#f9a825',
  red: '#c62828',
  unscored: '#9e9e9e',
};

/** The share of churned ARR that was flagged at each renewal stage; nothing when the data has no renewal dates. */
export function captureChart(capture: BacktestReport['capture']): string {
  if (capture === null) return '';
  return barChart(
    'Churned ARR flagged, by days before renewal',
    capture.map((c) => ({
      label: `${c.leadDays}d`,
      value: c.arrShare ?? 0,
      color: '#00838f',
      text: pct(c.arrShare, 0),
    })),
    1,
  );
}
