import { useCallback, useEffect, useState } from 'react';
import { hubspot } from '@hubspot/ui-extensions';
import type { FunctionError, FunctionResult } from './responses.js';

export type LoadState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: FunctionError };

/** Calls an app function; a rejected call (network, runtime) becomes an error body like any other. */
/** What a function may be sent: JSON only, as HubSpot's serverless bridge requires. */
export type FunctionParameters = NonNullable<
  NonNullable<Parameters<typeof hubspot.serverless>[1]>['parameters']
>;

export async function callFunction<T>(
  name: string,
  parameters: FunctionParameters,
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

/** Loads a card's data with one function call; `reload` calls it again. */
export function useFunction<T>(name: string, parameters: FunctionParameters) {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const key = JSON.stringify(parameters);
  const load = useCallback(async () => {
    setState({ status: 'loading' });
    const result = await callFunction<T>(name, JSON.parse(key) as FunctionParameters);
    setState(
      result.ok ? { status: 'ready', data: result.data } : { status: 'error', error: result.error },
    );
  }, [name, key]);
  useEffect(() => {
    void load();
  }, [load]);
  return { state, reload: load, setState };
}
