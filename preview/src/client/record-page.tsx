// A CRM record page: properties on the left (read from the sandbox), the app's cards in the middle,
// associated records on the right. After any function call or refresh the left panel re-reads the sandbox.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RecordPanel } from '../crm.js';
import type { PageBootstrap } from '../pages.js';
import { CRM_ACTIONS } from '../runtime/protocol.js';
import { AlertStack, useAlerts } from './alerts.js';
import { extensionContextUser, getJson, portalContext, postJson, runFunction } from './api.js';
import { ExtensionView, type ExtensionHost } from './extension-view.js';
import { formatDate } from './format.js';
import { CompanyTasks } from './company-tasks.js';
import type { TaskRow } from '../tasks.js';

type Listener = { names: string[]; callback: (properties: Record<string, string | null>) => void };

function displayValue(type: string, value: string | null, display: string | null): string {
  if (value === null) return '—';
  if (display) return display;
  if (type === 'date' || type === 'datetime') return formatDate(value);
  return value;
}

function PropertiesPanel({ panel, error }: { panel: RecordPanel | null; error: string | null }) {
  if (error) {
    return (
      <div className="hs-alert hs-alert--danger" role="alert">
        <div className="hs-alert__title">Could not read this record</div>
        <div className="hs-alert__body">{error}</div>
      </div>
    );
  }
  if (!panel) return <div className="page-loading">Loading record…</div>;
  return (
    <div data-properties-panel="">
      {panel.groups.map((g) => (
        <details key={g.name} open className="prop-group">
          <summary>{g.label}</summary>
          <dl>
            {g.properties.map((p) => (
              <div key={p.name} className="prop" data-property={p.name} data-value={p.value ?? ''}>
                <dt>{p.label}</dt>
                <dd>{displayValue(p.type, p.value, p.display)}</dd>
              </div>
            ))}
          </dl>
        </details>
      ))}
    </div>
  );
}

export function RecordPage({ data }: { data: PageBootstrap }) {
  const objectType = data.objectType ?? 'companies';
  const objectId = data.objectId ?? '';
  const [panel, setPanel] = useState<RecordPanel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [propertiesVersion, setPropertiesVersion] = useState(0);
  const [tasks, setTasks] = useState<{ rows: TaskRow[] | null; error: string | null }>({
    rows: null,
    error: null,
  });
  const { alerts, add: addAlert, dismiss } = useAlerts();
  const listeners = useRef<Set<Listener>>(new Set());
  const panelRef = useRef<RecordPanel | null>(null);
  panelRef.current = panel;

  const fetchProperties = useCallback(
    (names: string[]) =>
      postJson<{ properties: Record<string, string | null> }>(
        `/api/records/${objectType}/${objectId}/properties`,
        { names },
      ).then((r) => r.properties),
    [objectType, objectId],
  );

  const refresh = useCallback(async () => {
    if (objectType === 'companies') {
      // What a card's function wrote (a task it created or closed) shows beside it straight away.
      getJson<{ tasks: TaskRow[] }>(`/api/records/companies/${objectId}/tasks`)
        .then((r) => setTasks({ rows: r.tasks, error: null }))
        .catch((e: Error) => setTasks({ rows: null, error: e.message }));
    }
    try {
      setPanel(await getJson<RecordPanel>(`/api/records/${objectType}/${objectId}`));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
    setPropertiesVersion((v) => v + 1);
    for (const l of listeners.current) void fetchProperties(l.names).then(l.callback);
  }, [objectType, objectId, fetchProperties]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const host = useMemo<ExtensionHost>(() => {
    const actions: Record<string, (...args: unknown[]) => unknown> = {
      addAlert: (payload) => addAlert(payload),
      reloadPage: () => window.location.reload(),
      refreshObjectProperties: () => refresh(),
      fetchCrmObjectProperties: async (names) => {
        const wanted =
          names === '*'
            ? (panelRef.current?.groups.flatMap((g) => g.properties.map((p) => p.name)) ?? [])
            : (names as string[]);
        return fetchProperties(wanted);
      },
      onCrmPropertiesUpdate: (names, callback) => {
        listeners.current.add({
          names: names as string[],
          callback: callback as Listener['callback'],
        });
      },
      openIframeModal: (payload) =>
        window.open((payload as { uri?: string })?.uri, '_blank', 'noopener'),
      closeOverlay: () => undefined,
      copyTextToClipboard: (text) => navigator.clipboard?.writeText(String(text)),
      navigateToPage: () => undefined,
    };
    for (const name of CRM_ACTIONS)
      if (!actions[name]) throw new Error(`missing host action ${name}`);
    return {
      actions,
      fetchCrmProperties: fetchProperties,
      async serverless(name, options) {
        try {
          return await runFunction(name, {
            parameters: options.parameters ?? options.payload ?? {},
            propertiesToSend: options.propertiesToSend ?? [],
            crm: { objectId: Number(objectId), objectTypeId: data.objectTypeId ?? '0-2' },
          });
        } finally {
          // The preview shows what the function wrote straight away, so the panel mirrors the sandbox.
          void refresh();
        }
      },
    };
  }, [objectId, objectType, data.objectTypeId, addAlert, refresh, fetchProperties]);

  const association = (type: string, label: string) => {
    const list = panel?.associations.filter((a) => a.objectType === type) ?? [];
    if (list.length === 0 && !panel) return null;
    return (
      <section className="side-card" data-associations={type}>
        <h2 className="side-card__title">
          {label} ({list.length})
        </h2>
        {list.length === 0 ? <p className="hs-text hs-text--micro">None</p> : null}
        {list.map((a) =>
          a.objectType === 'contacts' ? (
            <div key={a.id} className="side-card__item">
              {a.name}
            </div>
          ) : (
            <a key={a.id} className="hs-link side-card__item" href={`/${a.objectType}/${a.id}`}>
              {a.name}
            </a>
          ),
        )}
      </section>
    );
  };

  return (
    <div
      className="record"
      data-page="record"
      data-object-type={objectType}
      data-object-id={objectId}
    >
      <aside className="record__left">
        <a className="hs-link back-link" href={objectType === 'deals' ? '/deals' : '/'}>
          ‹ {objectType === 'deals' ? 'Deals' : 'Companies'}
        </a>
        <div className="record__identity">
          <div className="record__avatar">{(panel?.name ?? '?').slice(0, 1).toUpperCase()}</div>
          <h1 className="record__name" data-record-name="">
            {panel?.name ?? ' '}
          </h1>
        </div>
        <PropertiesPanel panel={panel} error={error} />
      </aside>
      <section className="record__middle">
        <div className="record__tabs" role="tablist">
          <span role="tab" aria-selected="true" className="record__tab is-selected">
            csops
          </span>
        </div>
        <AlertStack alerts={alerts} dismiss={dismiss} />
        {data.cards.length === 0 ? (
          <p className="hs-text">The app has no card for {objectType}.</p>
        ) : (
          data.cards.map((card) => (
            <article key={card.uid} className="crm-card" data-card={card.uid}>
              <header className="crm-card__head">{card.name}</header>
              <div className="crm-card__body">
                <ExtensionView
                  bundleUrl={`/extensions/${card.uid}.js`}
                  host={host}
                  propertiesVersion={propertiesVersion}
                  context={{
                    location: card.location,
                    crm: { objectId: Number(objectId), objectTypeId: data.objectTypeId },
                    user: extensionContextUser(data),
                    portal: portalContext(data),
                    extension: { appId: 'csops', appName: 'csops', cardTitle: card.name },
                  }}
                />
              </div>
            </article>
          ))
        )}
      </section>
      <aside className="record__right">
        {objectType === 'companies'
          ? association('deals', 'Deals')
          : association('companies', 'Companies')}
        {objectType === 'companies' ? association('contacts', 'Contacts') : null}
        {objectType === 'companies' ? <CompanyTasks rows={tasks.rows} error={tasks.error} /> : null}
      </aside>
    </div>
  );
}
