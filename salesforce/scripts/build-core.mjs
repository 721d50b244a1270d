#!/usr/bin/env node
// Builds the core (@csops/core, shared/) into the LWC service module c/csopsCore, the only way the
// components reach it, and prints its size against its budget and the platform's per-file limit.
//   node scripts/build-core.mjs           write the module
//   node scripts/build-core.mjs --check   fail when the committed module differs from a fresh build
import { analyzeMetafile, build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const salesforceDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CORE_MODULE = join(salesforceDir, 'force-app/main/default/lwc/csopsCore/csopsCore.js');
export const PLATFORM_LIMIT_BYTES = 131072;
// The module loads on every record page that shows a csops component; past its budget it is time to
// look at what grew (the build lists the largest inputs) rather than at the platform limit.
export const CORE_BUDGET_BYTES = 73728;
export const REBUILD_COMMAND = 'npm run build:core -w salesforce';

// What the components import from 'c/csopsCore'; everything else in the core is left out.
const EXPORTS = [
  'evaluateAccount',
  'evaluateHandoff',
  'submitHandoff',
  'parseHandoffInput',
  'parseSettings',
  'defaultSettings',
  'HANDOFF_ITEM_KEYS',
  'STAKEHOLDER_ROLES',
  'STAKEHOLDER_ROLE_TITLES',
  'displayScore',
];

const HEADER = `/*
 * GENERATED FILE — DO NOT EDIT.
 * The csops domain core (shared/, @csops/core) bundled for Lightning Web Components by
 * salesforce/scripts/build-core.mjs. Change the core in shared/ and run \`${REBUILD_COMMAND}\`.
 */`;

// zod keeps its configuration on globalThis when it loads; Lightning Locker may not provide
// globalThis, so the module reads it through this binding and falls back to window.
const GLOBAL = 'csopsGlobalThis';
const GLOBAL_GUARD = `const ${GLOBAL} = typeof globalThis == 'object' ? globalThis : typeof window == 'object' ? window : {};`;

/** The module's text, built in memory from the current shared/, with esbuild's metafile. */
export async function buildCore() {
  const result = await build({
    stdin: {
      contents: `export { ${EXPORTS.join(', ')} } from '@csops/core';`,
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
    outfile: CORE_MODULE,
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
  const { contents, metafile } = await buildCore();
  if (process.argv.includes('--check')) {
    if (!readFileSync(CORE_MODULE).equals(Buffer.from(contents))) {
      console.error(`c/csopsCore is stale against shared/: run \`${REBUILD_COMMAND}\``);
      process.exit(1);
    }
    console.log('c/csopsCore matches shared/');
    return;
  }
  writeFileSync(CORE_MODULE, contents);
  const bytes = contents.length;
  console.log(
    `c/csopsCore: ${bytes} bytes (${kb(bytes)}) of its ${kb(CORE_BUDGET_BYTES)} budget, ${((bytes / CORE_BUDGET_BYTES) * 100).toFixed(0)}% used (platform limit ${kb(PLATFORM_LIMIT_BYTES)})`,
  );
  if (process.argv.includes('--verbose')) console.log(await analyzeMetafile(metafile));
  else {
    for (const [group, n] of whereTheBytesGo(metafile).slice(0, 8)) {
      console.log(`  ${String(n).padStart(6)}  ${group}`);
    }
  }
  if (bytes > CORE_BUDGET_BYTES) {
    console.error(
      `c/csopsCore is over its ${CORE_BUDGET_BYTES}-byte budget by ${bytes - CORE_BUDGET_BYTES} bytes: see what grew with --verbose`,
    );
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
