import { useState } from 'react';
import { Alert, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';
import { callFunction, type FunctionError } from './functions.js';

interface RescoreAnswer {
  done: boolean;
  lastId?: string;
  written: number;
  scanned: number;
}

// A function runs for seconds: the rescore stops at its time budget and says where to resume.
const MAX_RUNS = 50;

type State =
  | { status: 'offer' }
  | { status: 'running'; written: number }
  | { status: 'done'; written: number; scanned: number }
  | { status: 'error'; error: FunctionError };

/**
 * After a save that moves bands: companies keep the bands they were written with until they are
 * rescored, so the page says so and offers the rescore there and then.
 */
export function RescoreOffer({ changed }: { changed: number }) {
  const [state, setState] = useState<State>({ status: 'offer' });

  async function rescore() {
    let afterId: string | undefined;
    let written = 0;
    let scanned = 0;
    setState({ status: 'running', written });
    for (let run = 0; run < MAX_RUNS; run++) {
      const result = await callFunction<RescoreAnswer>(
        'portfolio_rescore',
        afterId ? { afterId } : {},
      );
      if (!result.ok) return setState({ status: 'error', error: result.error });
      written += result.data.written;
      scanned += result.data.scanned;
      if (result.data.done || !result.data.lastId) {
        return setState({ status: 'done', written, scanned });
      }
      afterId = result.data.lastId;
      setState({ status: 'running', written });
    }
    setState({ status: 'offer' });
  }

  if (state.status === 'done') {
    return (
      <Alert title="Portfolio rescored" variant="success" testId="rescore-done">
        {`${state.scanned} companies rescored under the new settings; ${state.written} had a new result written.`}
      </Alert>
    );
  }
  return (
    <Flex direction="column" gap="xs">
      <Alert title="Bands are out of date" variant="warning" testId="rescore-offer">
        {`${changed} ${changed === 1 ? 'account changes' : 'accounts change'} band under these settings. Companies keep their old bands in lists and reports until the portfolio is rescored.`}
      </Alert>
      {state.status === 'error' ? (
        <Text testId="rescore-problem">
          {state.error.message}
          {state.error.reference ? ` Reference: ${state.error.reference}` : ''}
        </Text>
      ) : null}
      <LoadingButton
        variant="primary"
        loading={state.status === 'running'}
        disabled={state.status === 'running'}
        onClick={() => void rescore()}
        testId="rescore-now"
      >
        Rescore now
      </LoadingButton>
    </Flex>
  );
}
