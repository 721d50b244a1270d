import {
  Button,
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

export function HistorySection({ history, current, canRestore, onRestore }: HistorySectionProps) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>History</Heading>
      {history.length === 0 ? (
        <Text testId="no-history">Nothing saved yet: csops scores with its default settings.</Text>
      ) : (
        <Table testId="history">
          <TableHead>
            <TableRow>
              <TableHeader>Version</TableHeader>
              <TableHeader>Saved</TableHeader>
              <TableHeader>By</TableHeader>
              <TableHeader>Note</TableHeader>
              <TableHeader> </TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {history.map((h) => (
              <TableRow key={h.version}>
                <TableCell>
                  {h.version}
                  {h.version === current ? ' (current)' : ''}
                </TableCell>
                <TableCell>{h.changedAt.slice(0, 16).replace('T', ' ')}</TableCell>
                <TableCell>{h.changedBy}</TableCell>
                <TableCell>
                  {h.restoredFrom ? `${h.note} (restored from ${h.restoredFrom})` : h.note}
                </TableCell>
                <TableCell>
                  {canRestore && h.version !== current ? (
                    <Button
                      size="xs"
                      onClick={() => onRestore(h.version)}
                      testId={`restore-${h.version}`}
                    >
                      Restore
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Flex>
  );
}
