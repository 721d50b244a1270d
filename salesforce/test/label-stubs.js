// Jest stands in for the platform's `@salesforce/label/c.Name` with one module per custom label,
// written from CustomLabels.labels-meta.xml, so tests read the English a user sees; a label the
// file lacks has no module and falls back to its name, which the assertions then show.
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { blocks, values } = require('../scripts/metadata-rules');

const LABELS_FILE = join(
  __dirname,
  '../force-app/main/default/labels/CustomLabels.labels-meta.xml',
);
const STUB_DIR = join(__dirname, 'generated/labels');

function writeLabelStubs() {
  rmSync(STUB_DIR, { recursive: true, force: true });
  mkdirSync(STUB_DIR, { recursive: true });
  for (const label of blocks(readFileSync(LABELS_FILE, 'utf8'), 'labels')) {
    const [name] = values(label, 'fullName');
    const [value] = values(label, 'value');
    writeFileSync(join(STUB_DIR, `${name}.js`), `exports.default = ${JSON.stringify(value)};\n`);
  }
  return STUB_DIR;
}

module.exports = { writeLabelStubs };
