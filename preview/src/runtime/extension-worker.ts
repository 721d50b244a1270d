// Installs, inside a web worker, the globals @hubspot/ui-extensions looks for when it runs in HubSpot
// (`self.extend_V2`, `self.serverless`, `self.hsWorkerAPI`, `self.logger`). The bundler puts this module
// before the card's entry, so `hubspot.extend` finds them when the card module is evaluated.
import { createRemoteRoot, retain, type RemoteChannel } from '@remote-ui/core';
import { createRoot } from '@remote-ui/react';
import { createEndpoint } from '@remote-ui/rpc';
import type { ReactElement } from 'react';
import type { CrmProperties, ExtensionApi, HostApi, ServerlessOptions } from './protocol.js';

type Actions = Record<string, (...args: unknown[]) => Promise<unknown>>;
interface ExtensionPointApi {
  context: unknown;
  actions: Actions;
  runServerlessFunction: (params: { name: string } & ServerlessOptions) => Promise<unknown>;
}
type RenderCallback = (api: ExtensionPointApi) => ReactElement;

interface PropertySubscription {
  names: string[];
  onUpdate: (properties: CrmProperties) => void;
}

const scope = self as unknown as Record<string, unknown> & Window;
const host = createEndpoint<HostApi>(scope as unknown as Worker);

let renderCallback: RenderCallback | undefined;
let api: ExtensionPointApi | undefined;
const propertySubscriptions = new Set<PropertySubscription>();

function jsonResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
}

function unsupported(feature: string): Promise<never> {
  return Promise.reject(new Error(`${feature} is not available in the csops local preview`));
}

async function runServerlessFunction({ name, ...options }: { name: string } & ServerlessOptions) {
  // The deprecated runner resolves with a status object instead of rejecting.
  try {
    return { status: 'SUCCESS', response: await host.call.serverless(name, options) };
  } catch (error) {
    return { status: 'ERROR', message: error instanceof Error ? error.message : String(error) };
  }
}

function currentApi(): ExtensionPointApi {
  if (!api) throw new Error('The extension is not mounted yet');
  return api;
}

scope.__HUBSPOT_EXTENSION_WORKER__ = true;
scope.logger = {
  debug: (data: unknown) => void host.call.log('debug', data),
  info: (data: unknown) => void host.call.log('info', data),
  warn: (data: unknown) => void host.call.log('warn', data),
  error: (data: unknown) => void host.call.log('error', data),
};
scope.extend_V2 = (callback: RenderCallback) => {
  renderCallback = callback;
};
scope.serverless = (name: string, options: ServerlessOptions = {}) =>
  host.call.serverless(name, options);
scope.hsFetch = () => unsupported('hubspot.fetch');
scope.hsWorkerAPI = {
  useExtensionContext: () => currentApi().context,
  useExtensionActions: () => currentApi().actions,
  useExtensionApi: () => currentApi(),
  useAppPageLocation: () => ({ pageRoute: '/', params: {} }),
  fetchCrmProperties: async (names: string[], onUpdate: PropertySubscription['onUpdate']) => {
    const subscription = { names, onUpdate };
    propertySubscriptions.add(subscription);
    const data = await host.call.fetchCrmProperties(names);
    return jsonResponse({ data, cleanup: () => propertySubscriptions.delete(subscription) });
  },
  fetchCrmSearch: () => unsupported('useCrmSearch'),
  fetchAssociations: () => unsupported('useAssociations'),
  fetchHubSpotApi: () => unsupported('fetchHubSpotApi'),
  formatCrmProperties: () => unsupported('formatCrmProperties'),
};

const extension: ExtensionApi = {
  async mount(channel: RemoteChannel, context: unknown, actionNames: string[]) {
    if (!renderCallback) throw new Error('The extension never called hubspot.extend()');
    // The channel is a proxy for the host's receiver; keep it alive after this call returns.
    retain(channel);
    const actions: Actions = {};
    for (const name of actionNames) {
      actions[name] = (...args: unknown[]) => host.call.action(name, args);
    }
    api = { context, actions, runServerlessFunction };
    const root = createRemoteRoot(channel);
    createRoot(root).render(renderCallback(api));
    await root.mount();
  },
  crmPropertiesChanged() {
    for (const subscription of propertySubscriptions) {
      void host.call.fetchCrmProperties(subscription.names).then(subscription.onUpdate);
    }
  },
};
host.expose({ ...extension });
