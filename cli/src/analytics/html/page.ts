import { escapeHtml } from './escape.js';

export interface Section {
  title: string;
  /** Trusted markup built by this package (charts and escaped tables). */
  html: string;
}

/** One self-contained page: inline style, inline SVG, no scripts, no external assets. */
export function htmlPage(title: string, subtitle: string, sections: Section[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:24px auto;max-width:1100px;color:#1f2933;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e4e7eb;padding-bottom:4px}
.sub{color:#52606d;margin:0 0 16px}.charts{display:flex;flex-wrap:wrap;gap:16px}
figure{margin:0}figcaption{text-align:center;color:#52606d;font-size:12px}
svg text{font-size:11px;fill:#3e4c59}.grid{stroke:#eef0f2}.axis{stroke:#9aa5b1}.diagonal{stroke:#9aa5b1;stroke-dasharray:4 4}
table{border-collapse:collapse;margin:8px 0}th,td{padding:4px 10px;border-bottom:1px solid #e4e7eb;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f5f7fa}
.kpis{display:flex;flex-wrap:wrap;gap:12px}.kpi{border:1px solid #e4e7eb;border-radius:6px;padding:8px 14px}
.kpi b{display:block;font-size:20px}.note{color:#52606d;font-size:12px}
</style></head><body>
<h1>${escapeHtml(title)}</h1><p class="sub">${escapeHtml(subtitle)}</p>
${sections.map((s) => `<section><h2>${escapeHtml(s.title)}</h2>${s.html}</section>`).join('\n')}
</body></html>
`;
}

export function htmlTable(header: string[], rows: (string | number)[][]): string {
  const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(String(c))}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function kpis(items: [string, string][]): string {
  return `<div class="kpis">${items
    .map(
      ([label, value]) => `<div class="kpi">${escapeHtml(label)}<b>${escapeHtml(value)}</b></div>`,
    )
    .join('')}</div>`;
}

export function note(text: string): string {
  return `<p class="note">${escapeHtml(text)}</p>`;
}
