import { Button, ErrorState, Text } from '@hubspot/ui-extensions';
import type { FunctionError } from './responses.js';

export interface ErrorViewProps {
  error: FunctionError;
  onRetry?: () => void;
  /** What failed, when it was not loading the card: "The task was not updated". */
  title?: string;
}

/** The error and missing-permission states every card shares. */
export function ErrorView({ error, onRetry, title = 'This could not be loaded' }: ErrorViewProps) {
  const forbidden = error.code === 'forbidden' || error.code === 'unauthorized';
  return (
    <ErrorState
      title={forbidden ? 'Missing permission' : title}
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
