import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCustomModel } from './custom-fields.js';

/** Where the Salesforce project's metadata is, seen from this folder (a build-time path, never imported). */
export const FORCE_APP = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../salesforce/force-app/main/default',
);
export const MODEL_JSON = join(
  dirname(fileURLToPath(import.meta.url)),
  'generated/custom-model.json',
);

export function renderCustomModel(): string {
  return `${JSON.stringify(readCustomModel(FORCE_APP), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(MODEL_JSON, renderCustomModel());
  process.stdout.write(`wrote ${MODEL_JSON}\n`);
}
