// Where a rescore run stands, kept in a file so a run that dies (kill -9, a lost runner, a
// reboot) resumes after the last batch it finished, with the task creates that batch held back
// to fill a call of 100. Written to a temporary file, flushed and
// renamed over the old one, so a crash leaves either the old checkpoint or the new, never half.
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

export class CheckpointError extends Error {}

/** The checkpoint in `file`, or null when there is none; a file that is not one is refused. */
export function readCheckpoint(file: string): SavedCheckpoint | null {
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
  if (!result.success) {
    throw new CheckpointError(
      `${file} is not a csops rescore checkpoint; delete it to rescore from the start`,
    );
  }
  return result.data;
}

export function writeCheckpoint(file: string, checkpoint: Omit<SavedCheckpoint, 'kind'>): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify({ kind: 'csops-rescore-checkpoint', ...checkpoint }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** A finished run leaves no checkpoint, so the next scheduled run starts from the beginning. */
export function clearCheckpoint(file: string): void {
  rmSync(file, { force: true });
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
