import { Button, ErrorState, Text } from '@hubspot/ui-extensions';
import type { FunctionError } from './responses.js';

/** The error and missing-permission states every card shares. */
export function ErrorView({ error, onRetry }: { error: FunctionError; onRetry?: () => void }) {
  const forbidden = error.code === 'forbidden' || error.code === 'unauthorized';
  return (
    <ErrorState
      title={forbidden ? 'Missing permission' : 'This could not be loaded'}
      type={forbidden ? 'lock' : 'error'}
    >
      <Text>{error.message}</Text>
      {error.reference ? (
        <Text variant="microcopy" testId="error-reference">
          Reference: {error.reference}
        </Text>
      ) : null}
      {onRetry && !forbidden ? (
        <Button onClick={onRetry} testId="retry">
          Try again
        </Button>
      ) : null}
    </ErrorState>
  );
}
