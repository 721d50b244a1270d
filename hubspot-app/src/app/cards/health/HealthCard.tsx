import { useRef, useState } from 'react';
import {
  Alert,
  Button,
  Divider,
  EmptyState,
  Flex,
  LoadingSpinner,
  Text,
} from '@hubspot/ui-extensions';
import type {
  AccountHealthResponse,
  CreateExpansionDealResponse,
  FunctionError,
  PlaybookTaskView,
} from '../common/responses.js';
import { callFunction, useFunction } from '../common/useFunction.js';
import { ErrorView } from '../common/ErrorView.js';
import { day } from '../common/format.js';
import { HealthSummary } from './HealthSummary.js';
import { Drivers } from './Drivers.js';
import { RenewalRiskSection } from './RenewalRiskSection.js';
import { PlaybookSection } from './PlaybookSection.js';
import { ExpansionSection } from './ExpansionSection.js';
import { withTask } from './playbook-tasks.js';

export interface HealthCardProps {
  companyId: string;
  portalId: number;
  addAlert?: (alert: { type: 'success' | 'danger' | 'info' | 'warning'; message: string }) => void;
}

/** Customer health on a company record: score, drivers, renewal risk, due steps and expansion. */
export function HealthCard({ companyId, portalId, addAlert }: HealthCardProps) {
  const { state, reload, setState } = useFunction<AccountHealthResponse>('account_health', {
    companyId,
  });
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<FunctionError | null>(null);
  // A ref, not state: a second click in the same render must see the first one in flight.
  const inFlight = useRef(false);

  if (state.status === 'loading')
    return <LoadingSpinner label="Scoring this account…" layout="centered" />;
  if (state.status === 'error')
    return <ErrorView error={state.error} onRetry={() => void reload()} />;

  const data = state.data;
  const { health, risk, actions, expansion } = data.evaluation;

  async function createDeal() {
    if (inFlight.current) return;
    inFlight.current = true;
    setCreating(true);
    setCreateError(null);
    const result = await callFunction<CreateExpansionDealResponse>('create_expansion_deal', {
      companyId,
    });
    inFlight.current = false;
    setCreating(false);
    if (!result.ok) {
      setCreateError(result.error);
      return;
    }
    setState({ status: 'ready', data: { ...data, openExpansionDeal: result.data.deal } });
    addAlert?.({
      type: 'success',
      message: result.data.created
        ? `Created “${result.data.deal.name}”`
        : `“${result.data.deal.name}” already exists`,
    });
  }

  // From the state as it is when the answer arrives: two tasks closed at once both stay closed.
  function taskUpdated(task: PlaybookTaskView) {
    setState((current) =>
      current.status === 'ready' && current.data.playbook
        ? {
            status: 'ready',
            data: {
              ...current.data,
              playbook: withTask(current.data.playbook, task, current.data.asOf),
            },
          }
        : current,
    );
  }

  const refresh = (
    <Button onClick={() => void reload()} size="sm" testId="refresh">
      Refresh
    </Button>
  );

  if (health.score === null) {
    return (
      <EmptyState title="No health data yet" layout="vertical" testId="no-data">
        <Text>
          None of the signals the health model reads is recorded for this company yet. Fill the
          csops signal properties or connect a usage sync, then refresh.
        </Text>
        {refresh}
      </EmptyState>
    );
  }

  return (
    <Flex direction="column" gap="md">
      <HealthSummary health={health} />
      <Drivers drivers={health.drivers} />
      <Divider />
      <RenewalRiskSection risk={risk} />
      <Divider />
      <PlaybookSection
        companyId={companyId}
        actions={actions}
        playbook={data.playbook}
        onTaskUpdated={taskUpdated}
      />
      <ExpansionSection
        expansion={expansion}
        openDeal={data.openExpansionDeal}
        portalId={portalId}
        creating={creating}
        createError={createError}
        onCreate={() => void createDeal()}
      />
      {data.dataIssues.length > 0 ? (
        <Alert title="Some HubSpot values were ignored" variant="info" testId="data-issues">
          {data.dataIssues.map((i) => `${i.path}: ${i.message}`).join('; ')}
        </Alert>
      ) : null}
      <Flex direction="row" gap="sm" align="center">
        {refresh}
        <Text variant="microcopy">Scored {day(data.asOf)}</Text>
      </Flex>
    </Flex>
  );
}
