// Bundles, for the browser, the page host and each extension (card or settings page) with esbuild.
// Each bundle is rebuilt on request (incrementally), so edits to a card show on the next page load.
import * as esbuild from 'esbuild';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const hostEntry = fileURLToPath(new URL('./client/main.tsx', import.meta.url));
const workerRuntime = fileURLToPath(new URL('./runtime/extension-worker.ts', import.meta.url));

const common: esbuild.BuildOptions = {
  bundle: true,
  write: false,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  jsx: 'automatic',
  logLevel: 'silent',
  define: { 'process.env.NODE_ENV': '"development"' },
};

export class BundleError extends Error {}

export interface Bundler {
  host(): Promise<string>;
  extension(entryFile: string): Promise<string>;
  close(): Promise<void>;
}

function describe(error: unknown): string {
  const failure = error as esbuild.BuildFailure;
  if (Array.isArray(failure.errors) && failure.errors.length > 0) {
    return failure.errors
      .map((e) =>
        e.location
          ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}`
          : e.text,
      )
      .join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}

export function createBundler(): Bundler {
  const contexts = new Map<string, Promise<esbuild.BuildContext>>();

  async function build(key: string, options: () => esbuild.BuildOptions): Promise<string> {
    let context = contexts.get(key);
    if (!context) {
      context = esbuild.context(options());
      contexts.set(key, context);
    }
    try {
      const result = await (await context).rebuild();
      const output = result.outputFiles?.[0];
      if (!output) throw new Error('esbuild produced no output');
      return output.text;
    } catch (error) {
      throw new BundleError(describe(error));
    }
  }

  return {
    host: () => build('host', () => ({ ...common, entryPoints: [hostEntry], outfile: 'host.js' })),
    extension: (entryFile) =>
      build(entryFile, () => ({
        ...common,
        // The runtime goes first: @hubspot/ui-extensions reads the worker globals as soon as it loads.
        stdin: {
          contents: `import ${JSON.stringify(workerRuntime)};\nimport ${JSON.stringify(entryFile)};\n`,
          resolveDir: dirname(entryFile),
          sourcefile: 'extension-entry.js',
          loader: 'js',
        },
        outfile: 'extension.js',
      })),
    async close() {
      const all = [...contexts.values()];
      contexts.clear();
      await Promise.all(all.map(async (c) => (await c).dispose()));
    },
  };
}
