import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORCE_APP_DIR } from './build.js';
import { readCustomLabels } from './labels.js';

const labels = readCustomLabels(join(FORCE_APP_DIR, 'labels', 'CustomLabels.labels-meta.xml'));

describe('custom labels for @salesforce/label/c.*', () => {
  it('reads each label with its text as the org would show it', () => {
    expect(labels.get('Csops_Health_Title')).toBe('Customer health');
    expect(labels.get('Csops_Handoff_AccountUnreadable')).toBe(
      'The Account could not be read: {0}',
    );
  });

  it('has every label a component imports, so no page shows a missing text', () => {
    const lwcDir = join(FORCE_APP_DIR, 'lwc');
    const imported = readdirSync(lwcDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js') && !f.includes('__tests__'))
      .flatMap((f) => [
        ...readFileSync(join(lwcDir, f), 'utf8').matchAll(/@salesforce\/label\/c\.(\w+)/g),
      ])
      .map((m) => m[1]!);
    expect(imported.length).toBeGreaterThan(50);
    expect(imported.filter((name) => !labels.has(name))).toEqual([]);
  });
});
