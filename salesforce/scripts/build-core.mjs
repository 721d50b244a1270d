#!/usr/bin/env node
// Builds the core (@csops/core, shared/) into the LWC service modules c/csopsCore and
// c/csopsValidation, the only way the components reach it, and prints each one's size against its
// budget and the platform's per-file limit.
//   node scripts/build-core.mjs           write the modules
//   node scripts/build-core.mjs --check   fail when a committed module differs from a fresh build
import { analyzeMetafile, build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const salesforceDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const lwcDir = join(salesforceDir, 'force-app/main/default/lwc');
export const PLATFORM_LIMIT_BYTES = 131072;
export const REBUILD_COMMAND = 'npm run build:core -w salesforce';

/**
 * The core reaches the components as two service modules. c/csopsCore holds the rules (scoring,
 * risk, playbooks, handoff, display) and no schema code; c/csopsValidation holds the zod schemas
 * the components check settings and handoff input with at the edge. Each loads on record pages, so
 * each has a budget: past it, look at what grew (the build lists the largest inputs).
 */
export const MODULES = [
  {
    name: 'csopsCore',
    budget: 65536,
    exports: [
      'evaluateAccount',
      'evaluateHandoff',
      'submitHandoff',
      'stakeholderEmailProblem',
      'defaultSettings',
      'HANDOFF_ITEM_KEYS',
      'STAKEHOLDER_ROLES',
      'STAKEHOLDER_ROLE_TITLES',
      'displayScore',
      'driversToShow',
      'previewBandChanges',
      'bandChangesText',
      'settingsChanges',
      'settingsFieldLabel',
      'settingsNumberFromText',
      'renewalStagesFromText',
      'playbookTaskList',
    ],
  },
  {
    name: 'csopsValidation',
    budget: 65536,
    exports: ['parseSettings', 'parseHandoffInput'],
  },
].map((m) => ({ ...m, file: join(lwcDir, m.name, `${m.name}.js`) }));

const HEADER = `/*
 * GENERATED FILE — DO NOT EDIT.
 * Part of the csops domain core (shared/, @csops/core), bundled for Lightning Web Components by
 * salesforce/scripts/build-core.mjs. Change the core in shared/ and run \`${REBUILD_COMMAND}\`.
 */`;

// zod keeps its configuration on globalThis when it loads; Lightning Locker may not provide
// globalThis, so the module reads it through this binding and falls back to window.
const GLOBAL = 'csopsGlobalThis';
const GLOBAL_GUARD = `const ${GLOBAL} = typeof globalThis == 'object' ? globalThis : typeof window == 'object' ? window : {};`;

/** A module's text, built in memory from the current shared/, with esbuild's metafile. */
export async function buildModule(module) {
  const result = await build({
    stdin: {
      contents: `export { ${module.exports.join(', ')} } from '@csops/core';`,
      resolveDir: salesforceDir,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    define: { globalThis: GLOBAL },
    banner: { js: `${HEADER}\n${GLOBAL_GUARD}` },
    outfile: module.file,
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  return { contents: output.contents, metafile: result.metafile };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Bytes per package (zod) or per core folder, largest first. */
function whereTheBytesGo(metafile) {
  const [output] = Object.values(metafile.outputs);
  const totals = new Map();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const group = path.includes('node_modules/zod/')
      ? `zod/${path.split('node_modules/zod/')[1].split('/').slice(0, -1).join('/')}`
      : path.includes('shared/src/')
        ? `core ${path.split('shared/src/')[1].split('/')[0]}`
        : path;
    totals.set(group, (totals.get(group) ?? 0) + bytesInOutput);
  }
  return [...totals].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
}

async function main() {
  let failed = false;
  for (const module of MODULES) {
    const { contents, metafile } = await buildModule(module);
    if (process.argv.includes('--check')) {
      if (!existsSync(module.file) || !readFileSync(module.file).equals(Buffer.from(contents))) {
        console.error(`c/${module.name} is stale against shared/: run \`${REBUILD_COMMAND}\``);
        failed = true;
      } else console.log(`c/${module.name} matches shared/`);
      continue;
    }
    mkdirSync(dirname(module.file), { recursive: true });
    writeFileSync(module.file, contents);
    const bytes = contents.length;
    console.log(
      `c/${module.name}: ${bytes} bytes (${kb(bytes)}) of its ${kb(module.budget)} budget, ${((bytes / module.budget) * 100).toFixed(0)}% used (platform limit ${kb(PLATFORM_LIMIT_BYTES)})`,
    );
    if (process.argv.includes('--verbose')) console.log(await analyzeMetafile(metafile));
    else {
      for (const [group, n] of whereTheBytesGo(metafile).slice(0, 6)) {
        console.log(`  ${String(n).padStart(6)}  ${group}`);
      }
    }
    if (bytes > module.budget) {
      console.error(
        `c/${module.name} is over its ${module.budget}-byte budget by ${bytes - module.budget} bytes: see what grew with --verbose`,
      );
      failed = true;
    }
  }
  if (failed) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
