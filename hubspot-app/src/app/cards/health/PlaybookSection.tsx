import {
  Flex,
  Heading,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import type { PlaybookAction } from '@csops/core';
import { day } from '../common/format.js';

const ASSIGNEE = { csm: 'CSM', owner: 'Account owner', manager: 'CS manager' } as const;

export function PlaybookSection({ actions }: { actions: PlaybookAction[] }) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Playbook steps due</Heading>
      {actions.length === 0 ? (
        <Text testId="no-actions">No playbook steps are due.</Text>
      ) : (
        <Table bordered={false} testId="actions">
          <TableHead>
            <TableRow>
              <TableHeader>Step</TableHeader>
              <TableHeader>Playbook</TableHeader>
              <TableHeader>Who</TableHeader>
              <TableHeader>Due</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {[...actions]
              .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
              .map((a) => (
                <TableRow key={a.key}>
                  <TableCell>{a.title}</TableCell>
                  <TableCell>{a.playbookName}</TableCell>
                  <TableCell>{ASSIGNEE[a.assignee]}</TableCell>
                  <TableCell>
                    {a.overdue ? (
                      <StatusTag variant="danger">Overdue {day(a.dueAt)}</StatusTag>
                    ) : (
                      day(a.dueAt)
                    )}
                  </TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      )}
    </Flex>
  );
}
