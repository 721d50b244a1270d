import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  ButtonRow,
  Divider,
  ErrorState,
  Flex,
  Input,
  LoadingButton,
  LoadingSpinner,
  Text,
} from '@hubspot/ui-extensions';
import { settingsChanges, type Settings } from '@csops/core';
import {
  asParameters,
  callFunction,
  type FunctionError,
  type PreviewResponse,
  type SettingsGetResponse,
  type SettingsSaveResponse,
} from './functions.js';
import { setIn, validate } from './form.js';
import { previewText } from './preview-text.js';
import { RescoreOffer } from './RescoreOffer.js';
import { WeightsSection } from './sections/WeightsSection.js';
import { ThresholdsSection } from './sections/ThresholdsSection.js';
import { ExpansionTriggersSection } from './sections/ExpansionTriggersSection.js';
import { HandoffItemsSection } from './sections/HandoffItemsSection.js';
import { SegmentsSection } from './sections/SegmentsSection.js';
import { CsmsSection } from './sections/CsmsSection.js';
import { AlertsSection } from './sections/AlertsSection.js';
import { ImportSection } from './sections/ImportSection.js';
import { HistorySection } from './sections/HistorySection.js';

export interface SettingsPageProps {
  addAlert?: (alert: { type: 'success' | 'danger' | 'info' | 'warning'; message: string }) => void;
}

type Load =
  | { status: 'loading' }
  | { status: 'ready'; data: SettingsGetResponse }
  | { status: 'error'; error: FunctionError };

/** The admin form over csops settings: validated by the core as the admin types, saved as a new version. */
export function SettingsPage({ addAlert }: SettingsPageProps) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [draft, setDraft] = useState<Settings | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'idle' | 'saving' | 'previewing' | 'restoring'>('idle');
  const [preview, setPreview] = useState<PreviewResponse | null>(null);
  const [problem, setProblem] = useState<FunctionError | null>(null);
  // How many accounts the last save moved to another band; kept across the reload after saving.
  const [bandsMoved, setBandsMoved] = useState(0);

  const reload = useCallback(async () => {
    setLoad({ status: 'loading' });
    const result = await callFunction<SettingsGetResponse>('settings_get');
    if (!result.ok) return setLoad({ status: 'error', error: result.error });
    setLoad({ status: 'ready', data: result.data });
    setDraft(result.data.settings);
    setPreview(null);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const issues = useMemo(() => (draft ? validate(draft) : []), [draft]);
  const saved = load.status === 'ready' ? load.data.settings : null;
  // Only valid settings have changes to name; invalid ones are held back by their issues.
  const pending = useMemo(
    () => (draft && saved && issues.length === 0 ? settingsChanges(saved, draft) : []),
    [draft, saved, issues],
  );

  if (load.status === 'loading' || !draft) {
    if (load.status === 'error') {
      return (
        <ErrorState
          title="Settings could not be loaded"
          type={load.error.code === 'forbidden' ? 'lock' : 'error'}
        >
          <Text>{load.error.message}</Text>
          <Button onClick={() => void reload()} testId="retry">
            Try again
          </Button>
        </ErrorState>
      );
    }
    return <LoadingSpinner label="Loading csops settings…" layout="centered" />;
  }
  const data = load.status === 'ready' ? load.data : null;
  if (!data) return null;
  const readOnly = !data.canEdit;
  const set = (path: (string | number)[], value: unknown) => {
    setDraft((d) => (d ? setIn(d, path, value) : d));
    setPreview(null);
  };
  const sectionProps = { draft, issues, readOnly, set };

  async function runPreview(settings: Settings | null = draft) {
    if (!settings) return;
    setBusy('previewing');
    setProblem(null);
    const result = await callFunction<PreviewResponse>('settings_preview', {
      settings: asParameters(settings),
    });
    setBusy('idle');
    if (result.ok) setPreview(result.data);
    else setProblem(result.error);
  }

  async function save() {
    // The button is off while anything is invalid or unchanged; a stray call must not save either.
    if (!draft || !canSave) return;
    setBusy('saving');
    setProblem(null);
    const result = await callFunction<SettingsSaveResponse>('settings_save', {
      settings: asParameters(draft),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy('idle');
    if (!result.ok) return setProblem(result.error);
    setNote('');
    setBandsMoved(result.data.bandChanges?.changed ?? 0);
    addAlert?.({ type: 'success', message: `Saved as version ${result.data.saved.version}` });
    await reload();
  }

  async function restore(version: number) {
    setBusy('restoring');
    setProblem(null);
    const result = await callFunction<{ saved: { version: number } }>('settings_restore', {
      version,
    });
    setBusy('idle');
    if (!result.ok) return setProblem(result.error);
    addAlert?.({
      type: 'success',
      message: `Version ${version} restored as version ${result.data.saved.version}`,
    });
    await reload();
  }

  function importSettings(settings: Settings) {
    setDraft(settings);
    if (!note.trim()) setNote('Imported settings file');
    void runPreview(settings);
  }

  const canSave = issues.length === 0 && pending.length > 0 && busy === 'idle';

  return (
    <Flex direction="column" gap="md">
      {readOnly ? (
        <Alert title="View only" variant="info" testId="read-only">
          {data.cannotEditBecause ?? 'You cannot change these settings.'}
        </Alert>
      ) : null}
      {data.isDefault ? (
        <Text testId="defaults">
          These are csops’s default settings: nothing has been saved yet.
        </Text>
      ) : null}
      <WeightsSection {...sectionProps} />
      <Divider />
      <ThresholdsSection {...sectionProps} />
      <Divider />
      <ExpansionTriggersSection {...sectionProps} />
      <Divider />
      <HandoffItemsSection {...sectionProps} />
      <Divider />
      <SegmentsSection {...sectionProps} />
      <Divider />
      <CsmsSection {...sectionProps} owners={data.owners ?? []} />
      <Divider />
      <AlertsSection {...sectionProps} owners={data.owners ?? []} />
      <Divider />
      {readOnly ? null : (
        <>
          <ImportSection onImport={importSettings} />
          <Divider />
        </>
      )}
      {issues.length > 0 ? (
        <Alert title="Fix these before saving" variant="warning" testId="issues">
          {issues.map((i) => i.message).join('; ')}
        </Alert>
      ) : null}
      {!readOnly && issues.length === 0 ? (
        <Text testId="pending">
          {pending.length > 0
            ? `Changes to save: ${pending.map((c) => c.text).join('; ')}`
            : 'No changes to save: the form holds the saved settings.'}
        </Text>
      ) : null}
      {preview ? (
        <Alert title="Impact on the portfolio" variant="info" testId="preview">
          {previewText(preview)}
        </Alert>
      ) : null}
      {bandsMoved > 0 ? <RescoreOffer changed={bandsMoved} /> : null}
      {problem ? (
        <Alert title="Not saved" variant="danger" testId="problem">
          {problem.message}
        </Alert>
      ) : null}
      {readOnly ? null : (
        <Flex direction="column" gap="xs">
          <Input
            label="Note for the history"
            name="note"
            value={note}
            onInput={setNote}
            testId="note"
          />
          <ButtonRow>
            <LoadingButton
              loading={busy === 'previewing'}
              disabled={issues.length > 0 || busy !== 'idle'}
              onClick={() => void runPreview()}
              testId="preview-button"
            >
              Preview impact
            </LoadingButton>
            <LoadingButton
              variant="primary"
              loading={busy === 'saving'}
              disabled={!canSave}
              onClick={() => void save()}
              testId="save"
            >
              Save settings
            </LoadingButton>
          </ButtonRow>
        </Flex>
      )}
      <Divider />
      <HistorySection
        history={data.history}
        current={data.version}
        canRestore={!readOnly && busy === 'idle'}
        onRestore={(v) => void restore(v)}
      />
    </Flex>
  );
}
