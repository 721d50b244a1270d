import { useState } from 'react';
import {
  Alert,
  Button,
  ButtonRow,
  Flex,
  Heading,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { SettingsVersion } from '../functions.js';

export interface HistorySectionProps {
  history: SettingsVersion[];
  current: number | null;
  canRestore: boolean;
  onRestore: (version: number) => void;
}

function changesText(h: SettingsVersion): string {
  const noted = h.restoredFrom ? `${h.note} (restored from ${h.restoredFrom})` : h.note;
  const changed = h.changes.length > 0 ? h.changes.join('; ') : 'No field changed';
  return noted ? `${noted} — ${changed}` : changed;
}

/** Every saved version with what it changed; a restore is confirmed with what it will change. */
export function HistorySection({ history, current, canRestore, onRestore }: HistorySectionProps) {
  const [confirming, setConfirming] = useState<SettingsVersion | null>(null);
  return (
    <Flex direction="column" gap="xs">
      <Heading>History</Heading>
      {history.length === 0 ? (
        <Text testId="no-history">Nothing saved yet: csops scores with its default settings.</Text>
      ) : (
        // Three columns, the changes in their own, so the table stays readable on a narrow page.
        <Table testId="history">
          <TableHead>
            <TableRow>
              <TableHeader>Version</TableHeader>
              <TableHeader>Saved</TableHeader>
              <TableHeader>Changes</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {history.map((h) => (
              <TableRow key={h.version}>
                <TableCell>
                  {h.version}
                  {h.version === current ? ' (current)' : ''}
                </TableCell>
                <TableCell>
                  {`${h.changedAt.slice(0, 16).replace('T', ' ')} by ${h.changedBy}`}
                </TableCell>
                <TableCell>
                  <Flex direction="column" gap="xs">
                    <Text testId={`changes-${h.version}`}>{changesText(h)}</Text>
                    {canRestore && h.version !== current ? (
                      <Button
                        size="xs"
                        onClick={() => setConfirming(h)}
                        testId={`restore-${h.version}`}
                      >
                        Restore
                      </Button>
                    ) : null}
                  </Flex>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {confirming && canRestore ? (
        <Alert
          title={`Restore version ${confirming.version}?`}
          variant="warning"
          testId="confirm-restore"
        >
          <Flex direction="column" gap="xs">
            <Text>
              {confirming.restoreChanges.length > 0
                ? `Its settings are saved again as the newest version. This changes: ${confirming.restoreChanges.join('; ')}.`
                : 'Its settings are the current ones: restoring it changes nothing.'}
            </Text>
            <ButtonRow>
              <Button
                variant="primary"
                disabled={confirming.restoreChanges.length === 0}
                onClick={() => {
                  setConfirming(null);
                  onRestore(confirming.version);
                }}
                testId="confirm-restore-button"
              >
                {`Restore version ${confirming.version}`}
              </Button>
              <Button onClick={() => setConfirming(null)} testId="cancel-restore">
                Cancel
              </Button>
            </ButtonRow>
          </Flex>
        </Alert>
      ) : null}
    </Flex>
  );
}
