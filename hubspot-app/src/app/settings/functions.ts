// Calls the settings app functions; a rejected call becomes an error body like any other.
import { hubspot } from '@hubspot/ui-extensions';
import type { FieldIssue, Settings } from '@csops/core';

export interface FunctionError {
  code: string;
  message: string;
  /** Finds the function log line with the raw details. */
  reference?: string;
  issues?: FieldIssue[];
}
export type FunctionResult<T> = { ok: true; data: T } | { ok: false; error: FunctionError };

export interface SettingsVersion {
  version: number;
  changedBy: string;
  changedAt: string;
  note: string;
  restoredFrom: number | null;
  /** What this version changed against the one before it, in the core's words. */
  changes: string[];
  /** What restoring it would change against the current settings. */
  restoreChanges: string[];
}

export interface Owner {
  id: string;
  firstName?: string;
  lastName?: string;
  email?: string;
}

export interface SettingsGetResponse {
  settings: Settings;
  version: number | null;
  isDefault: boolean;
  history: SettingsVersion[];
  canEdit: boolean;
  cannotEditBecause: string | null;
  owners: Owner[];
}

export interface PreviewResponse {
  scanned: number;
  scored: number;
  changed: number;
  moves: Record<string, number>;
  complete: boolean;
}

export interface SettingsSaveResponse {
  saved: { version: number };
  settings: Settings;
  /** The preview's count for the saved change; null when it could not be made. */
  bandChanges: PreviewResponse | null;
}

type FunctionParameters = NonNullable<
  NonNullable<Parameters<typeof hubspot.serverless>[1]>['parameters']
>;

export async function callFunction<T>(
  name: string,
  parameters: FunctionParameters = {},
): Promise<FunctionResult<T>> {
  try {
    const result = await hubspot.serverless<FunctionResult<T>>(name, { parameters });
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return {
      ok: false,
      error: { code: 'bad_response', message: 'The app answered in an unexpected way.' },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { code: 'unreachable', message: `The app could not be reached: ${message}` },
    };
  }
}

/** Settings are JSON data; this is what the functions receive. */
export const asParameters = (settings: Settings) =>
  JSON.parse(JSON.stringify(settings)) as FunctionParameters;
