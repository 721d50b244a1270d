#!/usr/bin/env node
// Offline checks of the Salesforce source, for what an org would otherwise be the first to catch:
// 1. every component compiles with the LWC compiler;
// 2. the source converts to Metadata API format with source-deploy-retrieve (what `sf project deploy` sends);
// 3. cross-references conversion does not check: bundles, targets, objects, schema imports, custom
//    metadata records, permission set, record pages, name and label lengths, the generated core's size
//    against its budget;
// 3b. Salesforce's documented rules (scripts/metadata-rules.js): text lengths, record page templates
//    and parents, field attributes by object and type, every csops field on a layout, the list views,
//    report types and custom labels;
// 4. the Apex parses (prettier-plugin-apex).
// Prints one line per check and exits non-zero when any fails.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from '@lwc/compiler';
import * as prettier from 'prettier';
import { MODULES, REBUILD_COMMAND } from './build-core.mjs';
import rules from './metadata-rules.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const meta = join(root, 'force-app/main/default');
const problems = [];
const report = (check, detail) => console.log(`ok   ${check}${detail ? ` — ${detail}` : ''}`);
const fail = (check, message) => problems.push(`${check}: ${message}`);
const read = (p) => readFileSync(p, 'utf8');
const list = (dir) => (existsSync(dir) ? readdirSync(dir) : []);
const tags = (xml, tag) =>
  [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);

const VALID_TARGETS = new Set([
  'lightning__RecordPage',
  'lightning__AppPage',
  'lightning__HomePage',
  'lightning__Tab',
  'lightning__RecordAction',
  'lightning__UtilityBar',
  'lightning__FlowScreen',
  'lightning__UrlAddressable',
  'lightningCommunity__Page',
  'lightningCommunity__Default',
]);
// Standard fields the components read or write; custom fields must exist in objects/.
const STANDARD_FIELDS = new Set([
  'Account.Name',
  'Account.OwnerId',
  'Case.Id',
  'Case.IsClosed',
  'Case.IsEscalated',
  'Case.CreatedDate',
  'Contact.Id',
  'Contact.Name',
  'Event.Id',
  'Event.StartDateTime',
  'Event.WhoId',
  'Opportunity.Id',
  'Opportunity.Name',
  'Opportunity.AccountId',
  'Opportunity.Amount',
  'Opportunity.CloseDate',
  'Opportunity.StageName',
  'Opportunity.Description',
  'Opportunity.IsClosed',
  'Opportunity.OwnerId',
  'Task.Id',
  'Task.Subject',
  'Task.ActivityDate',
  'Task.WhatId',
  'Task.OwnerId',
  'Task.Description',
]);
const STANDARD_OBJECTS = new Set(['Account', 'Case', 'Contact', 'Event', 'Opportunity', 'Task']);
// Custom activity fields are defined once on Activity and read, written and granted on Task/Event.
const ACTIVITY_OBJECTS = ['Task', 'Event'];

const customFields = new Map(); // "Object.Field__c" → field xml
for (const object of list(join(meta, 'objects'))) {
  for (const file of list(join(meta, 'objects', object, 'fields'))) {
    customFields.set(
      `${object}.${file.replace('.field-meta.xml', '')}`,
      read(join(meta, 'objects', object, 'fields', file)),
    );
  }
}
const asDefined = (qualified) => {
  const [object, field] = qualified.split('.');
  return ACTIVITY_OBJECTS.includes(object) ? `Activity.${field}` : qualified;
};
const fieldExists = (qualified) =>
  STANDARD_FIELDS.has(qualified) || customFields.has(asDefined(qualified));
const objectExists = (name) =>
  STANDARD_OBJECTS.has(name) || existsSync(join(meta, 'objects', name));

// 1. LWC compiler
const bundles = list(join(meta, 'lwc')).filter((d) => statSync(join(meta, 'lwc', d)).isDirectory());
let compiled = 0;
for (const name of bundles) {
  const dir = join(meta, 'lwc', name);
  for (const file of list(dir).filter((f) => /\.(js|html|css)$/.test(f))) {
    try {
      transformSync(read(join(dir, file)), file, { namespace: 'c', name });
      compiled++;
    } catch (error) {
      fail('LWC compile', `${name}/${file}: ${error.message}`);
    }
  }
}
report('LWC compiler', `${compiled} files in ${bundles.length} bundles`);

// 2. Source → metadata conversion
const out = join(root, 'artifacts/metadata-convert');
// Loaded here rather than imported: its HTTP client (undici 8) needs Node 22.19, and on an older
// Node only this check should stop, not every other one.
let sdr;
try {
  sdr = await import('@salesforce/source-deploy-retrieve');
} catch (error) {
  console.log(
    `skip source-deploy-retrieve conversion — it cannot load on Node ${process.versions.node}: ${error.message}`,
  );
}
if (sdr)
  try {
    const { ComponentSet, MetadataConverter } = sdr;
    rmSync(out, { recursive: true, force: true });
    const components = ComponentSet.fromSource(join(root, 'force-app'));
    components.sourceApiVersion = JSON.parse(
      read(join(root, 'sfdx-project.json')),
    ).sourceApiVersion;
    const result = await new MetadataConverter().convert(components, 'metadata', {
      type: 'directory',
      outputDirectory: out,
      genUniqueDir: false,
    });
    const types = new Map();
    for (const c of components.getSourceComponents().toArray())
      types.set(c.type.name, (types.get(c.type.name) ?? 0) + 1);
    const packageXml = read(join(result.packagePath ?? out, 'package.xml'));
    if (/__tests__/.test(JSON.stringify(list(join(out, 'lwc/accountHealth')))))
      fail('convert', 'tests leaked into the deployable source');
    report(
      'source-deploy-retrieve conversion',
      `${[...types].map(([t, n]) => `${n} ${t}`).join(', ')}; package.xml API ${tags(packageXml, 'version')[0]}`,
    );
  } catch (error) {
    fail('convert', error.message);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }

// GraphQL queries name objects and fields in plain text, out of reach of @salesforce/schema checks:
// every custom field a query names must exist on one of the objects that query reads.
const gqlQueries = (source) => [...source.matchAll(/gql`([^`]*)`/g)].map((m) => m[1]);
// 3. Cross-references
for (const name of bundles) {
  const dir = join(meta, 'lwc', name);
  if (!existsSync(join(dir, `${name}.js`))) fail('bundle', `${name} has no ${name}.js`);
  else {
    for (const query of gqlQueries(read(join(dir, `${name}.js`)))) {
      const objects = [...query.matchAll(/\b(\w+)\s*\(/g)].map((m) => m[1]).filter(objectExists);
      if (objects.length === 0) fail('graphql', `${name}: a query reads no known object`);
      for (const [, field] of query.matchAll(/\b(\w+__c)\b/g))
        if (!objects.some((o) => fieldExists(`${o}.${field}`)))
          fail('graphql', `${name}: ${field} is not a field of ${objects.join(' or ')}`);
      report('graphql query', `${name}: ${objects.join(', ')}`);
    }
  }
  const metaFile = join(dir, `${name}.js-meta.xml`);
  if (!existsSync(metaFile)) {
    fail('bundle', `${name} has no ${name}.js-meta.xml`);
    continue;
  }
  const xml = read(metaFile);
  for (const t of tags(xml, 'target'))
    if (!VALID_TARGETS.has(t)) fail('targets', `${name}: unknown target ${t}`);
  for (const o of tags(xml, 'object'))
    if (!objectExists(o)) fail('targets', `${name}: unknown object ${o}`);
  const props = [...xml.matchAll(/<property name="(\w+)"/g)].map((m) => m[1]);
  const js = read(join(dir, `${name}.js`));
  for (const p of props)
    if (!new RegExp(`@api\\s+${p}\\b`).test(js))
      fail('targets', `${name}: property ${p} is not an @api property`);
  for (const file of list(dir).filter((f) => f.endsWith('.js'))) {
    for (const m of read(join(dir, file)).matchAll(/from '@salesforce\/schema\/([\w.]+)'/g)) {
      const ref = m[1];
      if (ref.includes('.') ? !fieldExists(ref) : !objectExists(ref))
        fail(
          'schema imports',
          `${name}/${file} imports ${ref}, which is not in the source nor a listed standard field`,
        );
    }
  }
}
report('bundles, targets and schema imports', `${bundles.length} bundles`);

for (const file of list(join(meta, 'customMetadata'))) {
  const type = `${file.split('.')[0]}__mdt`;
  if (!existsSync(join(meta, 'objects', type))) fail('custom metadata', `${file}: no type ${type}`);
  for (const f of tags(read(join(meta, 'customMetadata', file)), 'field')) {
    if (!customFields.has(`${type}.${f}`))
      fail('custom metadata', `${file} names ${f}, which ${type} does not have`);
  }
  report('custom metadata record', file);
}

for (const file of list(join(meta, 'permissionsets'))) {
  const xml = read(join(meta, 'permissionsets', file));
  for (const f of tags(xml, 'field'))
    if (!fieldExists(f)) fail('permission set', `${file}: no field ${f}`);
  for (const c of tags(xml, 'apexClass'))
    if (!existsSync(join(meta, 'classes', `${c}.cls`)))
      fail('permission set', `${file}: no class ${c}`);
  for (const o of tags(xml, 'object'))
    if (!objectExists(o)) fail('permission set', `${file}: no object ${o}`);
  const granted = new Set(tags(xml, 'field').map(asDefined));
  for (const f of tags(xml, 'field').filter((g) => g.startsWith('Activity.')))
    fail('permission set', `${file}: grant ${f} as Task.${f.split('.')[1]} (or Event.)`);
  for (const f of customFields.keys()) {
    if (!f.includes('__mdt.') && !granted.has(f))
      fail('permission set', `${file} does not grant ${f}`);
  }
  report('permission set', `${file}: ${granted.size} fields`);
}

for (const file of list(join(meta, 'flexipages'))) {
  const xml = read(join(meta, 'flexipages', file));
  for (const c of tags(xml, 'componentName').filter((n) => !n.includes(':'))) {
    const m = join(meta, 'lwc', c, `${c}.js-meta.xml`);
    if (!existsSync(m) || !/<isExposed>true<\/isExposed>/.test(read(m)))
      fail('record page', `${file}: ${c} is not an exposed component`);
  }
  report('record page', file);
}

for (const [f, xml] of customFields) {
  const apiName = f.split('.')[1].replace(/__c$/, '');
  if (apiName.length > 40) fail('fields', `${f}: API name over 40 characters`);
  const label = tags(xml, 'label')[0] ?? '';
  if (!label || label.length > 40) fail('fields', `${f}: label must be 1–40 characters`);
}
report('field names and labels', `${customFields.size} custom fields`);

// 3b. Documented rules
const metaFiles = (dir) =>
  list(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === '__tests__' ? [] : metaFiles(p);
    return f.endsWith('-meta.xml') ? [p] : [];
  });
const allMeta = metaFiles(meta);
for (const file of allMeta)
  for (const p of rules.textLengthProblems(read(file)))
    fail('text length', `${relative(meta, file)}: ${p}`);
report('text lengths', `${allMeta.length} metadata files`);

for (const file of list(join(meta, 'flexipages'))) {
  for (const p of rules.flexiPageProblems(read(join(meta, 'flexipages', file))))
    fail('record page template', `${file}: ${p}`);
  report('record page template and parent', file);
}

for (const [f, xml] of customFields)
  for (const p of rules.fieldAttributeProblems(f.split('.')[0], xml))
    fail('field attributes', `${f}: ${p}`);
report('field attributes by object and type', `${customFields.size} custom fields`);

// Every csops field an admin or user should see is on a layout of its object; Activity fields on
// a Task or Event layout.
const layouts = new Map(
  list(join(meta, 'layouts')).map((f) => [
    f.replace('.layout-meta.xml', ''),
    read(join(meta, 'layouts', f)),
  ]),
);
for (const [name, xml] of layouts)
  for (const field of rules.layoutFields(xml).filter((f) => f.endsWith('__c')))
    if (!fieldExists(`${name.split('-')[0]}.${field}`))
      fail('layout', `${name}: no field ${field}`);
for (const f of rules.fieldsOffLayouts([...customFields.keys()], layouts))
  fail('layout', `${f} is on no layout`);
report('layouts', `${list(join(meta, 'layouts')).length} layouts`);

const LIST_VIEW_STANDARD_COLUMNS = ['ACCOUNT.NAME', 'CORE.USERS.ALIAS', 'ACCOUNT.TYPE'];
for (const object of list(join(meta, 'objects'))) {
  const dir = join(meta, 'objects', object, 'listViews');
  const fields = new Map(
    [...customFields]
      .filter(([f]) => f.startsWith(`${object}.`))
      .map(([f, x]) => [f.split('.')[1], x]),
  );
  for (const file of list(dir)) {
    for (const p of rules.listViewProblems(
      read(join(dir, file)),
      fields,
      LIST_VIEW_STANDARD_COLUMNS,
    ))
      fail('list view', `${object}/${file}: ${p}`);
    report('list view', `${object}/${file}`);
  }
}

for (const file of list(join(meta, 'reportTypes'))) {
  const exists = (object, field) => fieldExists(`${object}.${field}`);
  for (const p of rules.reportTypeProblems(read(join(meta, 'reportTypes', file)), exists))
    fail('report type', `${file}: ${p}`);
  report('report type', file);
}

const labelsFile = join(meta, 'labels/CustomLabels.labels-meta.xml');
const labelNames = new Set(
  existsSync(labelsFile)
    ? rules.blocks(read(labelsFile), 'labels').map((l) => rules.values(l, 'fullName')[0])
    : [],
);
for (const name of bundles)
  for (const file of list(join(meta, 'lwc', name)).filter((f) => f.endsWith('.js')))
    for (const p of rules.labelImportProblems(read(join(meta, 'lwc', name, file)), labelNames))
      fail('custom labels', `${name}/${file} ${p}`);
for (const name of bundles) {
  const html = join(meta, 'lwc', name, `${name}.html`);
  if (!existsSync(html)) continue;
  for (const p of rules.hardCodedTextProblems(read(html)))
    fail('custom labels', `${name}.html: ${p}`);
  // A component may keep its LABELS table in a module of its own bundle (labels.js).
  const bundleJs = list(join(meta, 'lwc', name))
    .filter((f) => f.endsWith('.js'))
    .map((f) => read(join(meta, 'lwc', name, f)))
    .join('\n');
  for (const p of rules.labelKeyProblems(read(html), bundleJs))
    fail('custom labels', `${name}.html ${p}`);
}
report('custom labels', `${labelNames.size} labels`);

for (const module of MODULES) {
  const name = `c/${module.name}`;
  const bytes = existsSync(module.file) ? statSync(module.file).size : 0;
  if (!bytes) fail(name, `missing: run ${REBUILD_COMMAND}`);
  else if (bytes > module.budget)
    fail(name, `${bytes} bytes, over its ${module.budget}-byte budget`);
  else if (!read(module.file).includes('GENERATED FILE — DO NOT EDIT'))
    fail(name, 'has lost its generated-file header');
  report(`${name} size`, `${bytes} bytes of its ${module.budget}-byte budget`);
}

// 4. Apex syntax
for (const file of list(join(meta, 'classes')).filter((f) => f.endsWith('.cls'))) {
  if (!existsSync(join(meta, 'classes', `${file}-meta.xml`)))
    fail('apex', `${file} has no ${file}-meta.xml (it would be dropped)`);
  try {
    await prettier.format(read(join(meta, 'classes', file)), {
      parser: 'apex',
      plugins: ['prettier-plugin-apex'],
    });
    report('Apex parses', file);
  } catch (error) {
    fail('apex', `${file}: ${error.message.split('\n')[0]}`);
  }
}

if (problems.length) {
  for (const p of problems) console.log(`FAIL ${p}`);
  console.log(
    `source checks: ${problems.length} problem(s) in ${relative(process.cwd(), root) || '.'}`,
  );
  process.exit(1);
}
console.log('source checks: all passed');
