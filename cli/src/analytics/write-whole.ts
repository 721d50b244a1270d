import { statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError } from './input-error.js';

/** Checked before any work, so a long run never ends on a path it could not have written. */
export function checkWritable(path: string): void {
  const folder = dirname(resolve(path));
  const stats = statSync(folder, { throwIfNoEntry: false });
  if (!stats) throw new InputError(`cannot write ${path}: the folder ${folder} does not exist`);
  if (!stats.isDirectory()) throw new InputError(`cannot write ${path}: ${folder} is not a folder`);
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InputError(`cannot write ${path}: it is a folder`);
  }
}

/** Writes a file whole, then moves it into place, so a failed run never leaves half a file behind. */
export async function writeWhole(path: string, text: string): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (e) {
    throw new InputError(`cannot write ${path}: ${(e as Error).message}`);
  }
}
