// Each package is reached through its declared public API: an import that climbs out of its own
// workspace by relative path, or names a file inside another package that its exports do not
// declare, couples the two in a way neither package.json shows.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  workspaces: string[];
};

interface Workspace {
  dir: string;
  name: string;
  exports: string[];
}

const workspaces: Workspace[] = rootPackage.workspaces.map((dir) => {
  const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
    name: string;
    exports?: Record<string, unknown>;
  };
  return { dir: resolve(root, dir), name: pkg.name, exports: Object.keys(pkg.exports ?? {}) };
});

/** The innermost workspace holding a file (hubspot-app's functions sit inside hubspot-app). */
function workspaceOf(file: string): Workspace | undefined {
  return workspaces
    .filter((w) => file.startsWith(w.dir + sep))
    .sort((a, b) => b.dir.length - a.dir.length)[0];
}

const SOURCE = /\.(ts|tsx|js|cjs|mjs)$/;
const SKIP = new Set(['node_modules', 'dist', 'artifacts', 'generated', 'coverage', '.sfdx']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

const SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bnew URL\s*\(\s*)['"]([^'"]+)['"]/g;

function specifiers(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].map((m) => m[1]!);
}

const files = workspaces.flatMap((w) => sources(w.dir).filter((file) => workspaceOf(file) === w));

describe('workspace boundaries', () => {
  it('finds the sources of every workspace', () => {
    expect(files.length).toBeGreaterThan(300);
    for (const w of workspaces)
      expect(
        files.some((f) => workspaceOf(f) === w),
        w.name,
      ).toBe(true);
  });

  it('never reaches into another workspace by relative path', () => {
    const crossings: string[] = [];
    for (const file of files) {
      const own = workspaceOf(file)!;
      for (const spec of specifiers(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        const landsIn = workspaceOf(target);
        if (landsIn !== undefined && landsIn !== own && !target.startsWith(own.dir + sep))
          crossings.push(`${relative(root, file)} → ${spec} (${landsIn.name})`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('imports other csops packages only through what their package.json exports', () => {
    const byName = new Map(workspaces.map((w) => [w.name, w]));
    const undeclared: string[] = [];
    for (const file of files) {
      for (const spec of specifiers(file)) {
        const name = /^(@csops\/[^/]+)(\/.*)?$/.exec(spec);
        if (!name) continue;
        const target = byName.get(name[1]!);
        const subpath = name[2] ? `.${name[2]}` : '.';
        if (!target || !target.exports.includes(subpath))
          undeclared.push(`${relative(root, file)} → ${spec}`);
      }
    }
    expect(undeclared).toEqual([]);
  });
});
