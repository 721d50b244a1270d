// The README documents the HubSpot mapping and the scopes; these checks keep it true.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import appMeta from '../src/app/app-hsmeta.json' with { type: 'json' };

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const { MAPPING } = createRequire(import.meta.url)(
  '../src/app/functions/lib/snapshot-mapping.js',
) as {
  MAPPING: { field: string; source: string; calculation: string }[];
};

describe('hubspot-app/README.md', () => {
  it('shows the snapshot mapping exactly as the mapping module implements it', () => {
    const table = readme.split('<!-- mapping:start -->')[1]?.split('<!-- mapping:end -->')[0] ?? '';
    const rows = table
      .trim()
      .split('\n')
      .slice(2)
      .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| /, '').replace(/ \|$/, '')));
    expect(rows).toEqual(MAPPING.map((r) => [`\`${r.field}\``, r.source, r.calculation]));
  });

  it('justifies every scope the app asks for', () => {
    const { requiredScopes, optionalScopes } = appMeta.config.auth;
    for (const scope of [...requiredScopes, ...optionalScopes])
      expect(readme).toContain(`\`${scope}\``);
  });
});
