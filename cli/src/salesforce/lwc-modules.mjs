// The Salesforce package's Lightning modules run in Node unchanged, so a rescore maps records with
// the very code the Account page runs. The platform supplies three kinds of import there; here:
//   @salesforce/schema/Object.Field → { objectApiName, fieldApiName }, as the platform's does
//   @salesforce/label/c.Name        → the label's value from CustomLabels.labels-meta.xml
//   c/csopsCore, c/csopsValidation  → @csops/core, the source both are generated from
//   c/<module>                      → that module's file in the package
// Plain JavaScript: Node's module hooks and vitest's resolver both load it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const SCHEMA = '@salesforce/schema/';
const LABEL = '@salesforce/label/c.';
const FROM_CORE = new Set(['c/csopsCore', 'c/csopsValidation']);

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => ENTITIES[e]);

/** Label name → value, read from the package's custom labels file. */
export function readLabels(labelsFile) {
  const labels = new Map();
  const xml = readFileSync(labelsFile, 'utf8');
  for (const [, block] of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
    const name = /<fullName>([^<]*)<\/fullName>/.exec(block);
    const value = /<value>([\s\S]*?)<\/value>/.exec(block);
    if (name && value) labels.set(name[1], unescapeXml(value[1]));
  }
  return labels;
}

/**
 * Where a Lightning import leads: module source to serve, a file, or a package to resolve; null
 * for any other specifier. `mappingFile` is any module file of the package (its siblings are found
 * beside it), `labels` the map readLabels gives.
 */
export function lwcTarget(specifier, { mappingFile, labels }) {
  if (specifier.startsWith(SCHEMA)) {
    const [objectApiName, fieldApiName] = specifier.slice(SCHEMA.length).split('.');
    const value = fieldApiName ? { objectApiName, fieldApiName } : { objectApiName };
    return { source: `export default ${JSON.stringify(value)};\n` };
  }
  if (specifier.startsWith(LABEL)) {
    const name = specifier.slice(LABEL.length);
    // A label the file lacks reads as its name, as the platform shows a missing translation.
    const value = labels().get(name) ?? name;
    return { source: `export default ${JSON.stringify(value)};\n` };
  }
  if (FROM_CORE.has(specifier)) return { bare: '@csops/core' };
  const local = /^c\/([A-Za-z][A-Za-z0-9]*)$/.exec(specifier);
  if (local) {
    const lwcDir = dirname(dirname(mappingFile));
    return { path: join(lwcDir, local[1], `${local[1]}.js`) };
  }
  return null;
}
