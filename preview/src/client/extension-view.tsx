// Runs one extension (a card or the settings page) in a web worker, as HubSpot does, and draws the
// remote components it sends with the host implementations in ./components.
import { release, retain } from '@remote-ui/core';
import { createController, createRemoteReceiver, RemoteRenderer } from '@remote-ui/react/host';
import { createEndpoint } from '@remote-ui/rpc';
import { useEffect, useMemo, useState } from 'react';
import type {
  CrmProperties,
  ExtensionApi,
  HostApi,
  ServerlessOptions,
} from '../runtime/protocol.js';
import { hubspotComponents } from './components/index.js';
import { OverlayContext, type OverlayState } from './components/overlays-context.js';

export interface ExtensionHost {
  serverless(name: string, options: ServerlessOptions): Promise<unknown>;
  actions: Record<string, (...args: unknown[]) => unknown>;
  fetchCrmProperties(names: string[]): Promise<CrmProperties>;
}

export interface ExtensionViewProps {
  bundleUrl: string;
  context: unknown;
  host: ExtensionHost;
  /** Bumped by the page when CRM properties changed, so hooks in the card re-read them. */
  propertiesVersion: number;
}

function Unsupported({ name }: { name: string }) {
  return (
    <div className="hs-unsupported" data-hs-component={name} role="note">
      {name} is not a HubSpot UI component the local preview draws.
    </div>
  );
}

function useOverlayState(): OverlayState {
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(new Set());
  return useMemo(() => {
    const open = (id: string) => setOpenIds((s) => new Set(s).add(id));
    const close = (id: string) =>
      setOpenIds((s) => {
        const next = new Set(s);
        next.delete(id);
        return next;
      });
    return { openIds, openModal: open, closeModal: close, openPanel: open, closePanel: close };
  }, [openIds]);
}

export function ExtensionView({ bundleUrl, context, host, propertiesVersion }: ExtensionViewProps) {
  const receiver = useMemo(() => createRemoteReceiver(), [bundleUrl]);
  const controller = useMemo(
    () =>
      createController(hubspotComponents, {
        renderComponent(props, { renderDefault }) {
          const type = props.component.type;
          return type in hubspotComponents ? (
            renderDefault()
          ) : (
            <Unsupported key={props.key} name={type} />
          );
        },
      }),
    [],
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [extension, setExtension] = useState<ExtensionApi | null>(null);
  const overlays = useOverlayState();

  useEffect(() => {
    const worker = new Worker(bundleUrl);
    const endpoint = createEndpoint<ExtensionApi>(worker);
    const api: HostApi = {
      serverless: (name, options) => host.serverless(name, options),
      async action(name, args) {
        const action = host.actions[name];
        if (!action) throw new Error(`actions.${name} is not available here`);
        // Callbacks (onCrmPropertiesUpdate) outlive this call.
        for (const arg of args) if (typeof arg === 'function') retain(arg);
        return action(...args);
      },
      fetchCrmProperties: (names) => host.fetchCrmProperties(names),
      log(level, data) {
        console[level]('[extension]', data);
      },
    };
    endpoint.expose({ ...api });
    worker.addEventListener('error', (event) =>
      setFailure(event.message || 'The extension failed to load'),
    );
    endpoint.call
      .mount(receiver.receive, context, Object.keys(host.actions))
      .then(() => setExtension(endpoint.call as unknown as ExtensionApi))
      .catch((error: unknown) =>
        setFailure(error instanceof Error ? error.message : String(error)),
      );
    return () => {
      release(receiver.receive);
      worker.terminate();
    };
    // The worker lives as long as the bundle and the record it shows.
  }, [bundleUrl, receiver]);

  useEffect(() => {
    if (propertiesVersion > 0) extension?.crmPropertiesChanged();
  }, [propertiesVersion, extension]);

  if (failure) {
    return (
      <div className="hs-state hs-state--error" role="alert" data-extension-error="">
        <div className="hs-state__art">!</div>
        <div>
          <h3 className="hs-heading">This extension could not run</h3>
          <p className="hs-text">{failure}</p>
        </div>
      </div>
    );
  }
  return (
    <OverlayContext.Provider value={overlays}>
      <div className="hs-extension" data-extension-root="">
        <RemoteRenderer receiver={receiver} controller={controller} />
      </div>
    </OverlayContext.Provider>
  );
}
