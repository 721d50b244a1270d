// Calls from the preview page to the preview server.
import type { PageBootstrap } from '../pages.js';

export function bootstrapData(): PageBootstrap {
  const element = document.getElementById('preview-data');
  return JSON.parse(element?.textContent ?? '{}') as PageBootstrap;
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const token = { 'x-csops-preview-token': bootstrapData().apiToken };
  const response = await fetch(path, {
    method,
    headers: body === undefined ? token : { ...token, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(data.error ?? `${method} ${path} answered ${response.status}`);
  return data;
}

export const getJson = <T>(path: string) => request<T>('GET', path);
export const postJson = <T>(path: string, body: unknown) => request<T>('POST', path, body);

type FunctionResult = { ok: true; response: unknown } | { ok: false; message: string };

export interface FunctionCallBody {
  parameters?: Record<string, unknown>;
  propertiesToSend?: string[];
  crm?: { objectId: number; objectTypeId: string };
}

/** Runs an app function on the preview server; rejects with the function's error, as `hubspot.serverless` does. */
export async function runFunction(uid: string, body: FunctionCallBody): Promise<unknown> {
  const result = await postJson<FunctionResult>(`/api/functions/${encodeURIComponent(uid)}`, body);
  if (!result.ok) throw new Error(result.message);
  return result.response;
}

export function extensionContextUser(data: PageBootstrap) {
  return {
    id: data.user.id,
    email: data.user.email,
    emails: [data.user.email],
    firstName: data.user.firstName,
    lastName: data.user.lastName,
    roles: ['super-admin'],
    teams: [],
    locale: 'en-us',
    language: 'en',
    permissions: ['integrations-management-write'],
  };
}

export function portalContext(data: PageBootstrap) {
  return {
    id: data.portalId,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    dataHostingLocation: 'na1',
  };
}
