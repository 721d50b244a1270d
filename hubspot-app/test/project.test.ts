// The project as `hs project upload` would read it: HubSpot's own parser, offline.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  cpSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { parseProjectConfig } from '@hubspot/project-parsing-lib/projects';
import {
  collectFileDependencies,
  findAndParsePackageJsonFiles,
  getPackableFiles,
} from '@hubspot/project-parsing-lib/workspaces';
import { COMPONENT_SCHEMAS } from './component-schemas.js';
import { loadFunction } from './harness.js';

// Full validation fetches the component schemas from HubSpot; serve ours instead.
vi.mock('@hubspot/local-dev-lib/http', () => ({
  http: { get: async () => ({ data: COMPONENT_SCHEMAS }) },
}));

const projectDir = fileURLToPath(new URL('..', import.meta.url));
const srcDir = join(projectDir, 'src');
const context = { projectSourceDir: srcDir, platformVersion: '2026.03', accountId: 123 };

async function nodes(dir = srcDir) {
  const { intermediateRepresentation, skippedHsMetaFiles } = await translate(
    { ...context, projectSourceDir: dir },
    { skipValidation: false },
  );
  return { byUid: intermediateRepresentation.intermediateNodesIndexedByUid, skippedHsMetaFiles };
}

/** A copy of the project's src to break on purpose. */
function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'csops-hsproject-'));
  cpSync(srcDir, join(dir, 'src'), {
    recursive: true,
    filter: (p) => !p.includes('node_modules') && !p.includes('__tests__'),
  });
  return join(dir, 'src');
}

describe('the HubSpot project', () => {
  it('has an hsproject.json HubSpot accepts, on platform 2026.03', () => {
    expect(parseProjectConfig(projectDir)).toMatchObject({
      name: 'csops',
      srcDir: 'src',
      platformVersion: '2026.03',
    });
  });

  it('translates with full validation: one private static app, two cards, a settings page, the functions', async () => {
    const { byUid, skippedHsMetaFiles } = await nodes();
    expect(skippedHsMetaFiles).toEqual([]);
    const byType = (t: string) =>
      Object.values(byUid)
        .filter((n) => n.componentType === t)
        .map((n) => n.uid)
        .sort();
    expect(byType('APPLICATION')).toEqual(['csops_app']);
    expect(byType('CARD')).toEqual(['csops_handoff_card', 'csops_health_card']);
    expect(byType('SETTINGS')).toEqual(['csops_settings_page']);
    expect(byType('APP_FUNCTION')).toEqual([
      'account_health',
      'create_expansion_deal',
      'handoff_load',
      'handoff_save',
      'handoff_submit',
      'playbook_task_update',
      'portfolio_rescore',
      'rescore_company',
      'settings_get',
      'settings_history',
      'settings_preview',
      'settings_restore',
      'settings_save',
    ]);
    expect(byUid.csops_app?.config).toMatchObject({
      distribution: 'private',
      auth: { type: 'static' },
    });
  });

  it('accepts the "Rescore with csops" workflow action once its URL names the portal, and not before', async () => {
    const template = readFileSync(
      join(projectDir, 'workflow-actions', 'rescore-company-hsmeta.json'),
      'utf8',
    );
    const place = (text: string) => {
      const dir = scratchCopy();
      mkdirSync(join(dir, 'app', 'workflow-actions'), { recursive: true });
      writeFileSync(join(dir, 'app', 'workflow-actions', 'rescore-company-hsmeta.json'), text);
      return dir;
    };
    await expect(nodes(place(template))).rejects.toThrow();
    const { byUid } = await nodes(place(template.replace('{your-portal-id}', '4242')));
    expect(byUid.csops_rescore_company?.componentType).toBe('WORKFLOW_ACTION');
    // The endpoint the action posts to is the function HubSpot serves at that path.
    const endpoint = (byUid.rescore_company?.config as { endpoint?: { path?: string } }).endpoint;
    expect(JSON.parse(template).config.actionUrl).toContain(`/hs/serverless/${endpoint?.path}`);
  });

  it('translates the same components without validation, as hs project dev does first', async () => {
    const loose = await translate(context, { skipValidation: true });
    const strict = await nodes();
    expect(
      Object.keys(loose.intermediateRepresentation.intermediateNodesIndexedByUid).sort(),
    ).toEqual(Object.keys(strict.byUid).sort());
  });

  it('points every entrypoint at a file that exists, and every function exports main', async () => {
    const { byUid } = await nodes();
    for (const node of Object.values(byUid)) {
      const entrypoint = (node.config as { entrypoint?: string }).entrypoint;
      if (!entrypoint) continue;
      expect(existsSync(join(srcDir, entrypoint)), entrypoint).toBe(true);
      if (node.componentType === 'APP_FUNCTION')
        expect(typeof loadFunction(node.uid).main).toBe('function');
    }
  });

  it('declares every function the cards and the settings page call', async () => {
    const { byUid } = await nodes();
    const called = new Set<string>();
    const scan = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== '__tests__') scan(path);
        else if (/\.tsx?$/.test(entry.name)) {
          for (const m of readFileSync(path, 'utf8').matchAll(
            /(?:callFunction|useFunction)<?[^(]*\(\s*'([a-z_]+)'/g,
          ))
            called.add(m[1]!);
        }
      }
    };
    scan(join(srcDir, 'app', 'cards'));
    scan(join(srcDir, 'app', 'settings'));
    expect(called.size).toBeGreaterThan(5);
    for (const uid of called) expect(byUid[uid]?.componentType, uid).toBe('APP_FUNCTION');
  });

  it('uploads no file in the functions folder that no function requires', () => {
    const functionsDir = join(srcDir, 'app', 'functions');
    const shipped = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : shipped(path);
        return entry.name === 'package.json' || entry.name.endsWith('-hsmeta.json') ? [] : [path];
      });
    const files = shipped(functionsDir);
    const entries = files.filter((f) => dirname(f) === functionsDir);
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/require\('(\.{1,2}\/[^']+)'\)/g))
        visit(join(dirname(file), m[1]!));
    };
    entries.forEach(visit);
    expect(entries.length).toBeGreaterThan(5);
    expect(files.filter((f) => !reached.has(f)).map((f) => relative(functionsDir, f))).toEqual([]);
  });

  it('uploads the core with the components that import it, built for the functions', async () => {
    const packages = await findAndParsePackageJsonFiles(srcDir);
    const deps = await collectFileDependencies(packages);
    const core = deps.filter((d) => d.packageName === '@csops/core');
    expect(core.map((d) => d.localPath)).toEqual([join(projectDir, '..', 'shared')]);
    // The functions require the CommonJS build (npm test builds it first; so must an upload).
    const files = await getPackableFiles(join(projectDir, '..', 'shared'));
    expect([...files]).toEqual(
      expect.arrayContaining(['package.json', 'src/index.ts', 'dist/index.cjs']),
    );
  });

  it('refuses what HubSpot refuses: a bad uid, a component in the wrong folder, a second settings page, a bad card config', async () => {
    const dir = scratchCopy();
    try {
      const card = join(dir, 'app', 'cards', 'health-card-hsmeta.json');
      const original = readFileSync(card, 'utf8');
      writeFileSync(card, original.replace('"csops_health_card"', '"csops health card!"'));
      await expect(nodes(dir)).rejects.toThrow(/uid|Project/i);
      writeFileSync(card, original.replace('"crm.record.tab"', '"crm.record.footer"'));
      await expect(nodes(dir)).rejects.toThrow();
      writeFileSync(card, original);
      writeFileSync(
        join(dir, 'app', 'settings', 'second-hsmeta.json'),
        JSON.stringify({
          uid: 'second_settings',
          type: 'settings',
          config: { entrypoint: '/app/settings/SettingsEntry.tsx' },
        }),
      );
      await expect(nodes(dir)).rejects.toThrow();
      rmSync(join(dir, 'app', 'settings', 'second-hsmeta.json'));
      writeFileSync(
        join(dir, 'app', 'functions', 'stray-hsmeta.json'),
        JSON.stringify({ uid: 'stray_card', type: 'card', config: JSON.parse(original).config }),
      );
      await expect(nodes(dir)).rejects.toThrow();
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  });
});
