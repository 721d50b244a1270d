// Where a Salesforce rescore stands, kept in a file after every page: written to a temporary file,
// flushed and renamed over the old one, so a crash leaves the old checkpoint or the new, never half.
import { z } from 'zod';
import {
  CheckpointError,
  clearCheckpoint,
  readCheckpointFile,
  writeCheckpointFile,
} from '../rescore/checkpoint-file.js';

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

export { CheckpointError, clearCheckpoint };

/** The checkpoint in `file`, or null when there is none; a file that is not one is refused. */
export function readCheckpoint(file: string): SalesforceCheckpoint | null {
  return readCheckpointFile(file, checkpointSchema, 'a csops Salesforce rescore checkpoint');
}

export function writeCheckpoint(
  file: string,
  checkpoint: Omit<SalesforceCheckpoint, 'kind'>,
): void {
  writeCheckpointFile(file, { kind: 'csops-salesforce-rescore-checkpoint', ...checkpoint });
}
