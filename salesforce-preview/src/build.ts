// Compiles the package's components with the LWC compiler into one script for the record pages:
// `c/*` from force-app, `lightning/*` base components from lightning-base-components, and this
// host's stand-ins for the platform modules an org provides.
import lwc from '@lwc/rollup-plugin';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup, type Plugin } from 'rollup';
import { readCustomLabels } from './labels.js';
import { salesforceModules } from './platform-modules.js';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The Salesforce package's source folder (force-app/main/default). */
export const FORCE_APP_DIR = join(
  dirname(require.resolve('@csops/salesforce/package.json')),
  'force-app',
  'main',
  'default',
);

const PLATFORM_MODULES = [
  'lightning/uiRecordApi',
  'lightning/uiRelatedListApi',
  'lightning/graphql',
  'lightning/refresh',
  'lightning/platformShowToastEvent',
];

function componentModules(lwcDir: string) {
  return readdirSync(lwcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(lwcDir, d.name, `${d.name}.js`)))
    .map((d) => ({ name: `c/${d.name}`, path: join(lwcDir, d.name, `${d.name}.js`) }));
}

/**
 * The engine reads NODE_ENV to choose its production build and the base components read
 * import.meta.env.SSR to know they run in a browser; a browser has neither.
 */
function browserEnv(): Plugin {
  return {
    name: 'csops-browser-env',
    transform(code) {
      if (!code.includes('process.env.NODE_ENV') && !code.includes('import.meta.env.SSR'))
        return null;
      return {
        code: code
          .replaceAll('process.env.NODE_ENV', '"production"')
          .replaceAll('import.meta.env.SSR', 'false'),
        map: null,
      };
    },
  };
}

/** Every file under `dir`, sorted, so a hash over them is the same for the same tree. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/** What the script is made of: the components, this host's modules and the packages' versions. */
function sourceHash(userId: string): string {
  const hash = createHash('sha256').update(userId);
  for (const dir of [join(FORCE_APP_DIR, 'lwc'), join(FORCE_APP_DIR, 'labels'), here])
    for (const file of filesUnder(dir)) hash.update(file).update(readFileSync(file));
  for (const pkg of ['@lwc/engine-dom', '@lwc/rollup-plugin', 'lightning-base-components'])
    hash.update(readFileSync(require.resolve(`${pkg}/package.json`)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The compiled script, kept in the system's temp folder by what it is made of: compiling takes
 * seconds, and every start and every browser test would otherwise pay them again.
 */
export async function cachedHostBundle(options: { userId: string }): Promise<HostBundle> {
  const dir = join(tmpdir(), 'csops-lightning-host');
  const file = join(dir, `${sourceHash(options.userId)}.js`);
  if (existsSync(file)) return { script: readFileSync(file, 'utf8') };
  const bundle = await buildHostBundle(options);
  mkdirSync(dir, { recursive: true });
  // Written aside and renamed, so a concurrent start never reads half a script.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, bundle.script);
  renameSync(partial, file);
  return bundle;
}

export interface HostBundle {
  script: string;
}

export async function buildHostBundle(options: { userId: string }): Promise<HostBundle> {
  const lwcDir = join(FORCE_APP_DIR, 'lwc');
  const labels = readCustomLabels(join(FORCE_APP_DIR, 'labels', 'CustomLabels.labels-meta.xml'));
  const bundle = await rollup({
    input: join(here, 'host', 'main.js'),
    plugins: [
      salesforceModules({ labels, userId: options.userId }),
      lwc({
        rootDir: here,
        // The base combobox takes ElementInternals; under synthetic shadow, as on the platform,
        // only components compiled for it may.
        enableSyntheticElementInternals: true,
        // One engine for every module: force-app's components would otherwise find the older one
        // the unit tests use, and a class from one engine is no component to the other.
        defaultModules: [
          { name: 'lwc', path: require.resolve('@lwc/engine-dom') },
          { name: '@lwc/synthetic-shadow', path: require.resolve('@lwc/synthetic-shadow') },
        ],
        modules: [
          ...PLATFORM_MODULES.map((name) => ({
            name,
            path: join(here, 'platform', `${name}.js`),
          })),
          { name: 'csops/ldsClient', path: join(here, 'platform', 'ldsClient.js') },
          { name: 'csops/apexClient', path: join(here, 'platform', 'apexClient.js') },
          ...componentModules(lwcDir),
          { npm: 'lightning-base-components' },
        ],
      }),
      browserEnv(),
    ],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      // The base components' own template notes are theirs to fix, not this package's.
      if (warning.id?.includes('lightning-base-components')) return;
      warn(warning);
    },
  });
  try {
    const { output } = await bundle.generate({ format: 'iife', inlineDynamicImports: true });
    return { script: output[0].code };
  } finally {
    await bundle.close();
  }
}
