import { useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  ButtonRow,
  Flex,
  LoadingButton,
  LoadingSpinner,
  Text,
} from '@hubspot/ui-extensions';
import { evaluateHandoff, handoffAppliesTo, handoffJudgedAt, type HandoffInput } from '@csops/core';
import type {
  FunctionError,
  HandoffLoadResponse,
  HandoffSubmitResponse,
} from '../common/responses.js';
import { callFunction, useFunction } from '../common/useFunction.js';
import { ErrorView } from '../common/ErrorView.js';
import { Completeness } from './Completeness.js';
import { HandoffForm } from './HandoffForm.js';
import { Submission } from './Submission.js';

export interface HandoffCardProps {
  dealId: string;
  /** The HubSpot account, for links to the onboarding tasks. */
  portalId: number;
  /** When completeness is judged; the kickoff must lie ahead of it. Defaults to now. */
  asOf?: string;
}

type Busy = 'idle' | 'saving' | 'submitting';

/** Sales-to-CS handoff on a deal: the checklist as a form, judged by the core as the AE types. */
export function HandoffCard({ dealId, portalId, asOf }: HandoffCardProps) {
  const { state, reload } = useFunction<HandoffLoadResponse>('handoff_load', { dealId });
  const [draft, setDraft] = useState<HandoffInput | null>(null);
  const [busy, setBusy] = useState<Busy>('idle');
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<FunctionError | null>(null);
  const [submitted, setSubmitted] = useState<HandoffSubmitResponse | null>(null);
  // State updates land after the click that caused them: a second click in the same frame still
  // sees the button enabled, so the request in flight is tracked synchronously.
  const inFlight = useRef(false);

  const loaded = state.status === 'ready' ? state.data : null;
  const value = draft ?? loaded?.handoff ?? {};
  const evaluation = useMemo(
    () =>
      loaded
        ? evaluateHandoff(
            value,
            loaded.settings,
            handoffJudgedAt(loaded.submittedAt, asOf ?? new Date().toISOString()),
          )
        : null,
    [loaded, value, asOf],
  );

  if (state.status === 'loading')
    return <LoadingSpinner label="Loading the handoff…" layout="centered" />;
  if (state.status === 'error')
    return <ErrorView error={state.error} onRetry={() => void reload()} />;
  if (!loaded || !evaluation) return null;

  const isSubmitted = submitted !== null || loaded.status === 'submitted';
  const isSubmitting = !isSubmitted && loaded.status === 'submitting';
  const submission = submitted?.submission ?? loaded.submission;
  if (!isSubmitted && !handoffAppliesTo(loaded.dealType, loaded.settings)) {
    return (
      <Alert title="Handoffs are for new business" variant="info" testId="not-new-business">
        This deal is existing business: the customer is already with Customer Success, so there is
        no sales-to-CS handoff to fill in.
      </Alert>
    );
  }

  function edit(next: HandoffInput) {
    setDraft(next);
    setSaved(false);
  }

  async function save() {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy('saving');
    setProblem(null);
    const result = await callFunction('handoff_save', {
      dealId,
      handoff: JSON.parse(JSON.stringify(value)),
    });
    inFlight.current = false;
    setBusy('idle');
    if (result.ok) setSaved(true);
    else setProblem(result.error);
  }

  async function submit() {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy('submitting');
    setProblem(null);
    const result = await callFunction<HandoffSubmitResponse>('handoff_submit', {
      dealId,
      handoff: JSON.parse(JSON.stringify(value)),
    });
    inFlight.current = false;
    setBusy('idle');
    if (result.ok) setSubmitted(result.data);
    else setProblem(result.error);
  }

  return (
    <Flex direction="column" gap="md">
      {isSubmitted && submission ? (
        <Submission submission={submission} portalId={portalId} />
      ) : null}
      {isSubmitting ? (
        <Alert title="Submission not finished" variant="warning" testId="submitting">
          An earlier submit stopped part-way. Submit again to complete it: nothing done so far is
          repeated.
        </Alert>
      ) : null}
      <Completeness evaluation={evaluation} />
      <HandoffForm
        value={value}
        items={evaluation.items}
        readOnly={isSubmitted || isSubmitting}
        onChange={edit}
      />
      {problem ? (
        <Alert title="Not done" variant="danger" testId="problem">
          {problem.message}
          {problem.issues?.length ? ` ${problem.issues.map((i) => i.message).join('; ')}` : ''}
        </Alert>
      ) : null}
      {isSubmitted ? null : (
        <Flex direction="column" gap="xs">
          {evaluation.readyForOnboarding ? null : (
            <Text testId="submit-blocked">
              Submit is available once the required items are complete:{' '}
              {evaluation.blocking.map((b) => b.label).join(', ')}.
            </Text>
          )}
          <ButtonRow>
            {isSubmitting ? null : (
              <Button onClick={() => void save()} disabled={busy !== 'idle'} testId="save-draft">
                Save draft
              </Button>
            )}
            <LoadingButton
              variant="primary"
              loading={busy === 'submitting'}
              disabled={!evaluation.readyForOnboarding || busy !== 'idle'}
              onClick={() => void submit()}
              testId="submit"
            >
              Submit to Customer Success
            </LoadingButton>
          </ButtonRow>
          {saved ? <Text testId="saved">Draft saved.</Text> : null}
        </Flex>
      )}
    </Flex>
  );
}
