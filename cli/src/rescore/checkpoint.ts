// Where a rescore run stands, kept in a file so a run that dies (kill -9, a lost runner, a
// reboot) resumes after the last batch it finished, with the task creates that batch held back
// to fill a call of 100. Written to a temporary file, flushed and
// renamed over the old one, so a crash leaves either the old checkpoint or the new, never half.
import { z } from 'zod';
import {
  CheckpointError,
  clearCheckpoint,
  readCheckpointFile,
  writeCheckpointFile,
} from './checkpoint-file.js';

export interface RescoreTotals {
  read: number;
  rescored: number;
  unchanged: number;
  failed: number;
  tasksCreated: number;
  tasksClosed: number;
  escalationsCreated: number;
  /** Slack alerts delivered, and those Slack did not take (each logged on its company first). */
  alertsSent: number;
  alertsFailed: number;
}

export const NO_TOTALS: RescoreTotals = {
  read: 0,
  rescored: 0,
  unchanged: 0,
  failed: 0,
  tasksCreated: 0,
  tasksClosed: 0,
  escalationsCreated: 0,
  alertsSent: 0,
  alertsFailed: 0,
};

const count = z.number().int().min(0);
const checkpointSchema = z.object({
  kind: z.literal('csops-rescore-checkpoint'),
  lastId: z.string().regex(/^\d+$/),
  since: z.string().nullable(),
  totals: z.object({
    read: count,
    rescored: count,
    unchanged: count,
    failed: count,
    tasksCreated: count,
    tasksClosed: count,
    escalationsCreated: count,
    // Checkpoints written before alerts existed count none.
    alertsSent: count.default(0),
    alertsFailed: count.default(0),
  }),
  pending: z
    .array(
      z.object({
        key: z.string().min(1),
        companyId: z.string().regex(/^\d+$/),
        type: z.string(),
        input: z.object({
          properties: z.record(z.string(), z.string()),
          associations: z.array(z.unknown()),
        }),
      }),
    )
    .default([]),
  savedAt: z.string(),
});
export type PendingTask = SavedCheckpoint['pending'][number];
export type SavedCheckpoint = z.infer<typeof checkpointSchema>;

export { CheckpointError, clearCheckpoint };

/** The checkpoint in `file`, or null when there is none; a file that is not one is refused. */
export function readCheckpoint(file: string): SavedCheckpoint | null {
  return readCheckpointFile(file, checkpointSchema, 'a csops rescore checkpoint');
}

export function writeCheckpoint(file: string, checkpoint: Omit<SavedCheckpoint, 'kind'>): void {
  writeCheckpointFile(file, { kind: 'csops-rescore-checkpoint', ...checkpoint });
}

export function addTotals(a: RescoreTotals, b: RescoreTotals): RescoreTotals {
  return {
    read: a.read + b.read,
    rescored: a.rescored + b.rescored,
    unchanged: a.unchanged + b.unchanged,
    failed: a.failed + b.failed,
    tasksCreated: a.tasksCreated + b.tasksCreated,
    tasksClosed: a.tasksClosed + b.tasksClosed,
    escalationsCreated: a.escalationsCreated + b.escalationsCreated,
    alertsSent: a.alertsSent + b.alertsSent,
    alertsFailed: a.alertsFailed + b.alertsFailed,
  };
}
