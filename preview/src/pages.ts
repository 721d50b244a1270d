// The HTML shell of every preview page: HubSpot-like chrome drawn on the server, the page body drawn by
// the host bundle from the bootstrap data.
export type PageKind = 'portfolio' | 'deals' | 'tasks' | 'record' | 'settings' | 'not-found';

export interface PageBootstrap {
  page: PageKind;
  title: string;
  portalId: number;
  /** Sent back with every API call, so only pages this preview served can call it. */
  apiToken: string;
  user: { id: number; email: string; firstName: string; lastName: string };
  objectType?: string;
  objectTypeId?: string;
  objectId?: string;
  cards: { uid: string; name: string; location: string }[];
  settings?: { uid: string };
  rescoreFunction?: string;
  /** The Salesforce record pages' host, when `csops start` runs it beside this preview. */
  salesforceUrl?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// JSON inside <script> must not be able to close the tag.
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function renderPage(data: PageBootstrap): string {
  const nav = (href: string, label: string, active: boolean) =>
    `<a href="${href}" class="sidenav__link${active ? ' is-active' : ''}"${active ? ' aria-current="page"' : ''}>${label}</a>`;
  const initials = `${data.user.firstName[0] ?? ''}${data.user.lastName[0] ?? ''}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.title)} · csops local preview</title>
<link rel="stylesheet" href="/assets/preview.css">
</head>
<body>
<div class="preview-banner" role="note" data-preview-banner>csops local preview — CRM sandbox, not HubSpot</div>
<header class="topbar">
  <a class="topbar__brand" href="/">csops</a>
  <div class="topbar__search" aria-hidden="true">Search the sandbox CRM</div>
  <div class="topbar__portal">Sandbox portal ${data.portalId}</div>
  <div class="topbar__user" title="${escapeHtml(data.user.email)}">${escapeHtml(initials)}</div>
</header>
<div class="shell">
  <nav class="sidenav" aria-label="Main">
    <div class="sidenav__section">CRM</div>
    ${nav('/', 'Companies', data.page === 'portfolio' || data.objectType === 'companies')}
    ${nav('/deals', 'Deals', data.page === 'deals' || data.objectType === 'deals')}
    ${nav('/tasks', 'Tasks', data.page === 'tasks')}
    <div class="sidenav__section">Connected apps</div>
    ${nav('/settings', 'csops settings', data.page === 'settings')}
    ${data.salesforceUrl ? `<div class="sidenav__section">Salesforce</div>\n    ${nav(escapeHtml(data.salesforceUrl), 'Salesforce record pages', false)}` : ''}
  </nav>
  <main id="main" class="main"><div class="page-loading">Loading…</div></main>
</div>
<script id="preview-data" type="application/json">${scriptJson(data)}</script>
<script src="/assets/host.js"></script>
</body>
</html>
`;
}
