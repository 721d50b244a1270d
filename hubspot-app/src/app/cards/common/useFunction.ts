import { useCallback, useEffect, useState } from 'react';
import { hubspot } from '@hubspot/ui-extensions';
import type { FunctionError, FunctionResult } from './responses.js';

export type LoadState<T> =
  { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: FunctionError };

/** What a function may be sent: JSON only, as HubSpot's serverless bridge requires. */
export type FunctionParameters = NonNullable<
  NonNullable<Parameters<typeof hubspot.serverless>[1]>['parameters']
>;

/** Random per failure, as the functions' references are; "CARD" says the call never reached one. */
const cardReference = () =>
  `CS-CARD-${Math.floor(Math.random() * 0x100000000)
    .toString(16)
    .toUpperCase()
    .padStart(8, '0')}`;

/** Calls an app function; a rejected call (network, runtime) becomes an error body like any other. */
export async function callFunction<T>(
  name: string,
  parameters: FunctionParameters,
): Promise<FunctionResult<T>> {
  try {
    const result = await hubspot.serverless<FunctionResult<T>>(name, { parameters });
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return {
      ok: false,
      error: {
        code: 'bad_response',
        message: 'csops answered in an unexpected way. Try again in a moment.',
        reference: cardReference(),
      },
    };
  } catch {
    // What the bridge threw is HubSpot's text, not a sentence for this card.
    return {
      ok: false,
      error: {
        code: 'unreachable',
        message: 'csops could not be reached. Check your connection and try again.',
        reference: cardReference(),
      },
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
