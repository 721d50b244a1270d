// The faces map data in and out; the rules and words below belong to @csops/core. A copy of one
// in face code would drift from the core, so it fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const FACES = ['hubspot-app/src', 'salesforce/force-app/main/default/lwc'];
const GENERATED = /[\\/](csopsCore|csopsValidation)[\\/]/;
const TESTS = /[\\/]__tests__[\\/]|\.test\.[jt]sx?$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(js|ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

const faceFiles = FACES.flatMap((d) => sources(join(root, d)))
  .filter((f) => !GENERATED.test(f) && !TESTS.test(f))
  .map((f) => ({ path: relative(root, f), text: readFileSync(f, 'utf8') }));

/** Where a pattern occurs, as "path: line", to name the copy to remove. */
function occurrences(pattern: RegExp): string[] {
  return faceFiles.flatMap(({ path, text }) =>
    text
      .split('\n')
      .map((line, i) => ({ line, n: i + 1 }))
      .filter(({ line }) => pattern.test(line))
      .map(({ n }) => `${path}:${n}`),
  );
}

describe('face code holds no copy of a core rule', () => {
  it('reads the face files', () => {
    expect(faceFiles.length).toBeGreaterThan(20);
    expect(faceFiles.some((f) => f.path.includes('accountHealth.js'))).toBe(true);
  });

  it('leaves the trend baseline to the core: no comparison of a stored date with the day scored', () => {
    expect(occurrences(/\.slice\(0, 10\)\s*[<>]=?|[<>]=?\s*\w+(\.\w+)*\.slice\(0, 10\)/)).toEqual(
      [],
    );
    expect(occurrences(/previous_at.*slice|PREVIOUS_AT.*slice/)).toEqual([]);
  });

  it('leaves the handoff acceptance and onboarding steps to submitHandoff', () => {
    expect(occurrences(/['"]handoff_submitted['"]/)).toEqual([]);
    expect(occurrences(/core\.assignCsm\(|\bassignCsm\(/)).toEqual([]);
  });

  it('shows scores, coverage and weight shares as the core rounds them', () => {
    expect(occurrences(/Math\.round\([^)]*(health\.score|coverage|weight)/)).toEqual([]);
    expect(occurrences(/Math\.round\(\w+\.score\)/)).toEqual([]);
  });

  it('takes segment, band, risk, role and handoff item labels from the core', () => {
    const labels = [
      /['"`]Mid-Market\b/,
      /label="(Enterprise|Mid-Market|SMB)\b/,
      /\bgreen:\s*'Green'|yellow:\s*'Yellow'|red:\s*'Red'/,
      /critical:\s*'Critical'/,
      /'(Competitive alternatives evaluated|Promises made during the sale|Customer goals)'/,
      /label="(Kickoff date|Customer goals|Success criteria)"/,
    ];
    for (const label of labels) expect(occurrences(label)).toEqual([]);
    expect(occurrences(/'Executive sponsor'/)).toEqual([]);
  });
});
