import { fail, type Result } from '../result/result.js';
import { parseSettings } from './migrate.js';
import type { Settings } from './schema.js';

/**
 * A settings file as an admin pastes it (what `csops calibrate` writes): JSON, then the same
 * checks and migration as any saved settings.
 */
export function parseSettingsFile(text: string): Result<Settings> {
  if (text.trim() === '') return fail([{ path: '(file)', message: 'Paste a settings file first' }]);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail([{ path: '(file)', message: 'This is not a settings file: it is not valid JSON' }]);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return fail([
      { path: '(file)', message: 'This is not a settings file: it holds no settings object' },
    ]);
  }
  return parseSettings(json);
}
