import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { lwcTarget, readLabels } from './src/salesforce/lwc-modules.mjs';

const require = createRequire(import.meta.url);

/** The Salesforce package's Lightning imports, served in tests as Node's hooks serve them in the CLI. */
function lightningModules(): Plugin {
  let labels: Map<string, string> | undefined;
  const where = {
    mappingFile: require.resolve('@csops/salesforce/account-mapping'),
    labels: () => (labels ??= readLabels(require.resolve('@csops/salesforce/labels'))),
  };
  const PREFIX = '\0lightning:';
  return {
    name: 'csops-lightning-modules',
    enforce: 'pre',
    async resolveId(source) {
      const target = lwcTarget(source, where);
      if (!target) return null;
      if ('source' in target) return PREFIX + source;
      if ('path' in target) return target.path;
      return this.resolve(target.bare, import.meta.filename);
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const target = lwcTarget(id.slice(PREFIX.length), where);
      return target && 'source' in target ? target.source : null;
    },
  };
}

export default defineConfig({
  plugins: [lightningModules()],
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
