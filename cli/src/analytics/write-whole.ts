import { rename, writeFile } from 'node:fs/promises';

/** Writes a file whole, then moves it into place, so a failed run never leaves half a file behind. */
export async function writeWhole(path: string, text: string): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}
