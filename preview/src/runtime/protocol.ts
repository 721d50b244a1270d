// The messages between the preview page (host) and the extension worker running a card or settings page.
// HubSpot runs each extension in a web worker and draws its remote components on the page; the preview does the same.
import type { RemoteChannel } from '@remote-ui/core';

export type CrmProperties = Record<string, string | null>;

/** What the host offers to the extension (the worker calls these). */
export interface HostApi {
  serverless(name: string, options: ServerlessOptions): Promise<unknown>;
  action(name: string, args: unknown[]): Promise<unknown>;
  fetchCrmProperties(names: string[]): Promise<CrmProperties>;
  log(level: LogLevel, data: unknown): void;
}

/** What the extension worker offers to the host. */
export interface ExtensionApi {
  mount(channel: RemoteChannel, context: unknown, actionNames: string[]): Promise<void>;
  crmPropertiesChanged(): void;
}

export interface ServerlessOptions {
  parameters?: Record<string, unknown>;
  propertiesToSend?: string[];
  payload?: Record<string, unknown>;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Actions a CRM record card may call (`actions.*` in `hubspot.extend`). */
export const CRM_ACTIONS = [
  'addAlert',
  'reloadPage',
  'refreshObjectProperties',
  'fetchCrmObjectProperties',
  'onCrmPropertiesUpdate',
  'openIframeModal',
  'closeOverlay',
  'copyTextToClipboard',
  'navigateToPage',
] as const;

/** Actions a settings page may call. */
export const SETTINGS_ACTIONS = [
  'addAlert',
  'reloadPage',
  'openIframeModal',
  'closeOverlay',
  'copyTextToClipboard',
  'navigateToPage',
] as const;
