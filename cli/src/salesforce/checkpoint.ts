// Where a Salesforce rescore stands, kept in a file after every page: written to a temporary file,
// flushed and renamed over the old one, so a crash leaves the old checkpoint or the new, never half.
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const count = z.number().int().min(0);
const checkpointSchema = z.object({
  kind: z.literal('csops-salesforce-rescore-checkpoint'),
  instanceUrl: z.string(),
  lastId: z.string().regex(/^[a-zA-Z0-9]{15,18}$/),
  since: z.string().nullable(),
  totals: z.object({
    read: count,
    rescored: count,
    unchanged: count,
    failed: count,
    tasksCreated: count,
    tasksClosed: count,
  }),
  savedAt: z.string(),
});
export type SalesforceCheckpoint = z.infer<typeof checkpointSchema>;

export class CheckpointError extends Error {}

export function readCheckpoint(file: string): SalesforceCheckpoint | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CheckpointError(`cannot read the checkpoint ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = checkpointSchema.safeParse(parsed);
  if (!result.success)
    throw new CheckpointError(
      `${file} is not a csops Salesforce rescore checkpoint; delete it to rescore from the start`,
    );
  return result.data;
}

export function writeCheckpoint(file: string, c: Omit<SalesforceCheckpoint, 'kind'>): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify({ kind: 'csops-salesforce-rescore-checkpoint', ...c }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export function clearCheckpoint(file: string): void {
  rmSync(file, { force: true });
}
