// The Lightning Experience frame the components sit in: an SLDS global header, a record-home page
// header and the region the component renders in, drawn on the server.
export interface RecordPageData {
  objectApiName: 'Account' | 'Opportunity';
  recordId: string;
  title: string;
  /** A few of the record's fields for the details panel beside the component. */
  details: { label: string; value: string }[];
  component: 'accountHealth' | 'opportunityHandoff';
  token: string;
  /** Where the HubSpot preview runs, for the navigation; absent when it is not running. */
  hubspotUrl?: string;
}

export interface IndexEntry {
  account: { id: string; name: string };
  opportunities: { id: string; name: string; stage: string }[];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const OBJECT_ICONS = { Account: 'account', Opportunity: 'opportunity' } as const;

function shell(title: string, body: string, hubspotUrl?: string, script = ''): string {
  const hubspot = hubspotUrl
    ? `<a class="slds-context-bar__label-action" href="${escapeHtml(hubspotUrl)}">HubSpot preview</a>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · csops Salesforce preview</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<link rel="stylesheet" href="/assets/host.css">
</head>
<body>
<header>
<div class="host-banner" role="note">csops local preview — Salesforce sandbox, not a Salesforce org</div>
<div class="slds-context-bar">
  <div class="slds-context-bar__primary">
    <div class="slds-context-bar__item slds-no-hover">
      <span class="slds-context-bar__label-action slds-context-bar__app-name"><span class="slds-truncate">csops</span></span>
    </div>
  </div>
  <nav class="slds-context-bar__secondary" aria-label="Main">
    <ul class="slds-grid">
      <li class="slds-context-bar__item"><a class="slds-context-bar__label-action" href="/">Accounts</a></li>
      <li class="slds-context-bar__item">${hubspot}</li>
    </ul>
  </nav>
</div>
</header>
<main id="main" class="host-main">
${body}
</main>
<div id="toasts" class="slds-notify_container slds-is-relative host-toasts" role="status" aria-live="polite"></div>
${script}
</body>
</html>
`;
}

export function renderRecordPage(data: RecordPageData): string {
  const icon = OBJECT_ICONS[data.objectApiName];
  const details = data.details
    .map(
      (d) => `<div class="slds-form-element slds-form-element_readonly">
  <span class="slds-form-element__label">${escapeHtml(d.label)}</span>
  <div class="slds-form-element__control"><div class="slds-form-element__static">${escapeHtml(d.value)}</div></div>
</div>`,
    )
    .join('\n');
  const body = `<div class="slds-page-header slds-page-header_record-home">
  <div class="slds-page-header__row">
    <div class="slds-page-header__col-title">
      <div class="slds-media">
        <div class="slds-media__figure">
          <span class="slds-icon_container slds-icon-standard-${icon}" aria-hidden="true"><svg class="slds-icon slds-page-header__icon"><use href="/assets/icons/standard-sprite/svg/symbols.svg#${icon}"></use></svg></span>
        </div>
        <div class="slds-media__body">
          <span class="slds-text-body_small">${data.objectApiName}</span>
          <h1 class="slds-page-header__title slds-truncate" title="${escapeHtml(data.title)}">${escapeHtml(data.title)}</h1>
        </div>
      </div>
    </div>
  </div>
</div>
<div class="slds-grid slds-wrap slds-gutters_small host-regions">
  <div class="slds-col slds-size_1-of-1 slds-large-size_8-of-12">
    <div id="component-region" class="host-region" data-region="main"></div>
  </div>
  <aside class="slds-col slds-size_1-of-1 slds-large-size_4-of-12" aria-label="Details">
    <article class="slds-card"><div class="slds-card__header"><h2 class="slds-card__header-title">Details</h2></div>
    <div class="slds-card__body slds-card__body_inner">${details}</div></article>
  </aside>
</div>`;
  const script = `<script>window.__csopsSalesforce = ${scriptJson({
    component: data.component,
    recordId: data.recordId,
    objectApiName: data.objectApiName,
    token: data.token,
  })};</script>
<script src="/assets/host.js"></script>`;
  return shell(data.title, body, data.hubspotUrl, script);
}

export function renderIndexPage(
  entries: IndexEntry[],
  drafts: IndexEntry['opportunities'],
  hubspotUrl?: string,
): string {
  const rows = entries
    .map(
      (e) => `<tr>
  <th scope="row"><a href="/lightning/r/Account/${e.account.id}/view">${escapeHtml(e.account.name)}</a></th>
  <td>${e.opportunities
    .map(
      (o) =>
        `<a href="/lightning/r/Opportunity/${o.id}/view">${escapeHtml(o.name)}</a> <span class="slds-text-color_weak">(${escapeHtml(o.stage)})</span>`,
    )
    .join('<br>')}</td>
</tr>`,
    )
    .join('\n');
  const body = `<div class="slds-page-header"><h1 class="slds-page-header__title">Demo accounts</h1></div>
<div class="slds-card slds-m-around_small"><table class="slds-table slds-table_bordered slds-table_cell-buffer">
<thead><tr><th scope="col">Account</th><th scope="col">Opportunities</th></tr></thead>
<tbody>${rows}</tbody></table></div>
<div class="slds-card slds-m-around_small">
<div class="slds-card__header"><h2 class="slds-card__header-title">Handoffs in draft</h2></div>
<ul class="slds-card__body slds-card__body_inner">${drafts
    .map(
      (o) =>
        `<li><a href="/lightning/r/Opportunity/${o.id}/view">${escapeHtml(o.name)}</a> <span class="slds-text-color_weak">(${escapeHtml(o.stage)})</span></li>`,
    )
    .join('')}</ul></div>`;
  return shell('Demo accounts', body, hubspotUrl);
}

export function renderNotFound(message: string, hubspotUrl?: string): string {
  return shell(
    'Not found',
    `<div class="slds-box slds-m-around_medium"><h1 class="slds-text-heading_medium">Not found</h1><p>${escapeHtml(message)}</p></div>`,
    hubspotUrl,
  );
}
