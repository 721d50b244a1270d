// A rescore's place, kept in a file after every batch: written to a temporary file, flushed and
// renamed over the old one, so a crash leaves the old checkpoint or the new, never half of one.
// Both CRMs' rescores keep theirs this way; each says what its checkpoint holds with a schema.
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
import type { z } from 'zod';

export class CheckpointError extends Error {}

/**
 * The checkpoint in `file`, or null when there is none; a file that is not one (`what` names the
 * kind, as the user reads it) is refused rather than trusted.
 */
export function readCheckpointFile<S extends z.ZodType>(
  file: string,
  schema: S,
  what: string,
): z.infer<S> | null {
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
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw new CheckpointError(`${file} is not ${what}; delete it to rescore from the start`);
  }
  return result.data;
}

export function writeCheckpointFile(file: string, checkpoint: object): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify(checkpoint));
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
