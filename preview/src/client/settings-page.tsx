// The app's settings page, as HubSpot shows it under Connected apps → csops → Settings.
import { useMemo } from 'react';
import type { PageBootstrap } from '../pages.js';
import { SETTINGS_ACTIONS } from '../runtime/protocol.js';
import { AlertStack, useAlerts } from './alerts.js';
import { extensionContextUser, portalContext, runFunction } from './api.js';
import { ExtensionView, type ExtensionHost } from './extension-view.js';

export function SettingsPage({ data }: { data: PageBootstrap }) {
  const { alerts, add: addAlert, dismiss } = useAlerts();
  const host = useMemo<ExtensionHost>(() => {
    const actions: Record<string, (...args: unknown[]) => unknown> = {
      addAlert: (payload) => addAlert(payload),
      reloadPage: () => window.location.reload(),
      openIframeModal: (payload) =>
        window.open((payload as { uri?: string })?.uri, '_blank', 'noopener'),
      closeOverlay: () => undefined,
      copyTextToClipboard: (text) => navigator.clipboard?.writeText(String(text)),
      navigateToPage: () => undefined,
    };
    for (const name of SETTINGS_ACTIONS)
      if (!actions[name]) throw new Error(`missing host action ${name}`);
    return {
      actions,
      fetchCrmProperties: () => Promise.reject(new Error('Settings pages have no CRM record')),
      serverless: (name, options) =>
        runFunction(name, {
          parameters: options.parameters ?? options.payload ?? {},
          propertiesToSend: [],
        }),
    };
  }, [addAlert]);

  return (
    <div className="settings" data-page="settings">
      <div className="settings__crumbs hs-text hs-text--micro">Connected apps › csops</div>
      <h1 className="page-title">csops</h1>
      <div className="record__tabs" role="tablist">
        <span role="tab" aria-selected="true" className="record__tab is-selected">
          Settings
        </span>
      </div>
      <AlertStack alerts={alerts} dismiss={dismiss} />
      {data.settings ? (
        <div className="settings__body">
          <ExtensionView
            bundleUrl={`/extensions/${data.settings.uid}.js`}
            host={host}
            propertiesVersion={0}
            context={{
              location: 'settings',
              user: extensionContextUser(data),
              portal: portalContext(data),
              extension: { appId: 'csops', appName: 'csops' },
            }}
          />
        </div>
      ) : (
        <p className="hs-text">The app declares no settings page.</p>
      )}
    </div>
  );
}
