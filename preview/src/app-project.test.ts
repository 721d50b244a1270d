import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAppProject } from './app-project.js';
import { fixtureAppDir } from './fixtures/index.js';

describe('reading the HubSpot project', () => {
  it('lists cards by record type, the settings page and function uids with their files', () => {
    const app = readAppProject(fixtureAppDir);
    expect(app.cards).toEqual([
      expect.objectContaining({
        uid: 'fixture_card',
        name: 'Fixture card',
        location: 'crm.record.tab',
        objectTypes: ['companies'],
        file: join(fixtureAppDir, 'cards', 'FixtureEntry.tsx'),
      }),
    ]);
    expect(app.settings).toEqual({
      uid: 'fixture_settings',
      file: join(fixtureAppDir, 'settings', 'FixtureSettings.tsx'),
    });
    expect(app.functions.map((f) => f.uid).sort()).toEqual([
      'fixture_echo',
      'fixture_fail',
      'fixture_hang',
    ]);
  });

  it('names the file and field of a card whose metadata is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csops-app-'));
    mkdirSync(join(dir, 'app', 'cards'), { recursive: true });
    writeFileSync(
      join(dir, 'app', 'cards', 'bad-hsmeta.json'),
      JSON.stringify({
        uid: 'x',
        type: 'card',
        config: {
          name: 'X',
          location: 'crm.record.tab',
          entrypoint: '/app/cards/X.tsx',
          objectTypes: [],
        },
      }),
    );
    expect(() => readAppProject(join(dir, 'app'))).toThrow(/bad-hsmeta\.json: config\.objectTypes/);
  });

  it('refuses metadata that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csops-app-'));
    mkdirSync(join(dir, 'app', 'functions'), { recursive: true });
    writeFileSync(join(dir, 'app', 'functions', 'f-hsmeta.json'), '{ nope');
    expect(() => readAppProject(join(dir, 'app'))).toThrow(/f-hsmeta\.json: not valid JSON/);
  });
});
