#!/usr/bin/env node
// Builds the core (@csops/core, shared/) into the LWC service module c/csopsCore, the only way the
// components reach it. Prints the module's size against the platform's 128 KB per-file limit.
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const salesforceDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CORE_MODULE = join(salesforceDir, 'force-app/main/default/lwc/csopsCore/csopsCore.js');
export const PLATFORM_LIMIT_BYTES = 131072;

// What the components use; everything else in the core is left out of the bundle.
const EXPORTS = [
  'evaluateAccount',
  'evaluateHandoff',
  'submitHandoff',
  'parseHandoffInput',
  'parseSettings',
  'defaultSettings',
  'formatIssues',
  'HANDOFF_ITEM_KEYS',
  'STAKEHOLDER_ROLES',
  'SETTINGS_VERSION',
];

const HEADER = `/*
 * GENERATED FILE — DO NOT EDIT.
 * The csops domain core (shared/, @csops/core) bundled for Lightning Web Components by
 * salesforce/scripts/build-core.mjs. Change the core in shared/ and run \`npm run build:core\`.
 */`;

// Trimming zod to what the core runs, to fit the platform's per-file limit:
// - the core writes `import { z } from 'zod'`; z is a namespace object, which keeps every zod export
//   (all locales included). Importing it as `import * as z` lets the bundler keep only what is used;
// - JSON Schema conversion and zod's compiler are never called by the core: their exports become
//   functions that say so, should anything ever reach them.
const NEVER_CALLED = [
  /[\\/]zod[\\/]v4[\\/]core[\\/]to-json-schema\.js$/,
  /[\\/]zod[\\/]v4[\\/]core[\\/]json-schema-processors\.js$/,
  /[\\/]zod[\\/]v4[\\/]core[\\/]json-schema-generator\.js$/,
  /[\\/]zod[\\/]v4[\\/]classic[\\/]from-json-schema\.js$/,
];

function stubExports(source) {
  const names = new Set();
  for (const m of source.matchAll(/^export (?:const|function|class|let) (\w+)/gm)) names.add(m[1]);
  for (const m of source.matchAll(/^export \{([^}]+)\}/gm)) {
    for (const part of m[1].split(','))
      names.add(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop(),
      );
  }
  const fail = "() => { throw new Error('JSON Schema conversion is not part of c/csopsCore'); }";
  return [...names]
    .filter((n) => n)
    .map(
      (n) => `export const ${n} = (...args) => ${n.startsWith('create') ? fail : `(${fail})()`};`,
    )
    .join('\n');
}

const trimZod = {
  name: 'trim-zod',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]shared[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replace(
        /import \{ z \} from 'zod';/g,
        "import * as z from 'zod/v4';",
      ),
      loader: 'ts',
    }));
    pluginBuild.onLoad({ filter: /[\\/]zod[\\/]v4[\\/].*\.js$/ }, async (args) =>
      NEVER_CALLED.some((re) => re.test(args.path))
        ? { contents: stubExports(await readFile(args.path, 'utf8')), loader: 'js' }
        : undefined,
    );
  },
};

await build({
  plugins: [trimZod],
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
  legalComments: 'none',
  banner: { js: HEADER },
  outfile: CORE_MODULE,
  logLevel: 'warning',
});

const bytes = statSync(CORE_MODULE).size;
const kb = (n) => (n / 1024).toFixed(1);
console.log(
  `c/csopsCore: ${bytes} bytes (${kb(bytes)} KB) of the ${kb(PLATFORM_LIMIT_BYTES)} KB per-file limit, ${((bytes / PLATFORM_LIMIT_BYTES) * 100).toFixed(0)}% used`,
);
if (bytes > PLATFORM_LIMIT_BYTES) {
  console.error('c/csopsCore is over the platform limit for one LWC JavaScript file');
  process.exit(1);
}
