// Salesforce's documented rules for the metadata this package deploys, as pure functions over the
// XML text of one file each, so scripts/check-source.mjs can hold the whole source to them and the
// tests beside this file can show each rule refusing what an org would refuse. Every function
// returns a list of problems in words ([] when the file keeps the rule).
//
// Sources (Metadata API Developer Guide unless noted): PermissionSet (description "Limit: 255
// characters", label 80), CustomLabels (value "up to 1,000 characters", categories 255),
// CustomField (label 40), ReportType, ListView, FlexiPage, Layout.

/** The root element of a metadata file: which type it is. */
function rootOf(xml) {
  const m = /<([A-Za-z]+)\s+xmlns="http:\/\/soap\.sforce\.com\/2006\/04\/metadata"/.exec(xml);
  return m ? m[1] : undefined;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Text as the org stores it: entities count as the one character they stand for. */
function decode(text) {
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()];
    return String.fromCodePoint(
      e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1),
    );
  });
}

/** Every value of <tag>…</tag>, decoded. */
function values(xml, tag) {
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => decode(m[1]));
}

/** The text of each <tag>…</tag> block (nested elements included). */
function blocks(xml, tag) {
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);
}

// Documented maximum lengths, by metadata type and element. Where a page gives no figure the
// UI's own limit is used; help text is held to 255, the lower of the limits Salesforce has used,
// so what passes here deploys on any release.
const TEXT_LIMITS = {
  PermissionSet: { label: 80, description: 255 },
  CustomField: { label: 40, description: 1000, inlineHelpText: 255 },
  CustomObject: { label: 40, pluralLabel: 40, description: 1000 },
  CustomLabel: { fullName: 80, shortDescription: 80, categories: 255, value: 1000 },
  ReportType: { label: 40, description: 255, masterLabel: 80 },
  ListView: { fullName: 40, label: 40 },
  FlexiPage: { masterLabel: 80, description: 255 },
  Layout: { label: 80 },
};

/** Text over its documented length; one such field fails the whole deploy. */
function textLengthProblems(xml) {
  const root = rootOf(xml);
  const problems = [];
  const check = (type, text) => {
    for (const [tag, max] of Object.entries(TEXT_LIMITS[type] ?? {})) {
      for (const value of values(text, tag)) {
        if (value.length > max)
          problems.push(`${type} ${tag} is ${value.length} characters; the limit is ${max}`);
      }
    }
  };
  if (root === 'CustomLabels')
    for (const label of blocks(xml, 'labels')) check('CustomLabel', label);
  else if (root === 'Layout') {
    // Only section headings carry a label in a layout.
    for (const section of blocks(xml, 'layoutSections'))
      check('Layout', section.replace(/<layoutColumns>[\s\S]*<\/layoutColumns>/g, ''));
  } else check(root, xml);
  return problems;
}

// Record page templates and their regions, and the template each standard parent page is built
// on: a page must use its parent's template, and only regions its template has.
const TEMPLATE_REGIONS = {
  'flexipage:recordHomeTemplateDesktop': ['header', 'main', 'sidebar'],
  'flexipage:recordHomeWithSubheaderTemplateDesktop': ['header', 'subheader', 'main', 'sidebar'],
  'flexipage:recordHomeSingleColTemplateDesktop': ['header', 'main'],
  // App pages: one full-width region (retrieved from App Builder; no API lists templates).
  'flexipage:defaultAppHomeTemplate': ['main'],
};
const PARENT_PAGES = {
  sfa__Account_rec_L: { object: 'Account', template: 'flexipage:recordHomeTemplateDesktop' },
  sfa__Opportunity_rec_L: {
    object: 'Opportunity',
    template: 'flexipage:recordHomeWithSubheaderTemplateDesktop',
  },
};

function flexiPageProblems(xml) {
  const problems = [];
  const template = values(blocks(xml, 'template')[0] ?? '', 'name')[0];
  const parent = values(xml, 'parentFlexiPage')[0];
  const object = values(xml, 'sobjectType')[0];
  const regions = TEMPLATE_REGIONS[template];
  if (!regions) problems.push(`unknown template ${template}`);
  if (parent) {
    const known = PARENT_PAGES[parent];
    if (!known) problems.push(`unknown parent page ${parent}`);
    else {
      if (known.template !== template)
        problems.push(
          `template ${template} does not match ${parent}, which uses ${known.template}`,
        );
      if (known.object !== object)
        problems.push(`parent ${parent} is a page of ${known.object}, not ${object}`);
    }
  }
  for (const region of blocks(xml, 'flexiPageRegions')) {
    if (values(region, 'type')[0] !== 'Region') continue;
    // The region's own name follows its item instances; component property names come first.
    const names = values(region.replace(/<itemInstances>[\s\S]*<\/itemInstances>/g, ''), 'name');
    for (const name of names)
      if (regions && !regions.includes(name)) problems.push(`${template} has no region ${name}`);
  }
  return problems;
}

// Field attributes Salesforce allows by object and by field type. Activity (Task and Event)
// custom fields take neither Unique nor External ID; both attributes exist only on some types.
const NOT_ALLOWED_ON_OBJECT = { Activity: ['unique', 'externalId'] };
const TYPES_ALLOWING = {
  unique: ['Text', 'Number', 'Email', 'AutoNumber'],
  externalId: ['Text', 'Number', 'Email', 'AutoNumber'],
  caseSensitive: ['Text'],
};

function fieldAttributeProblems(object, xml) {
  const problems = [];
  const type = values(xml, 'type')[0];
  const on = (attr) => values(xml, attr)[0] === 'true';
  for (const attr of NOT_ALLOWED_ON_OBJECT[object] ?? [])
    if (on(attr)) problems.push(`${object} custom fields cannot be ${attr}`);
  for (const [attr, types] of Object.entries(TYPES_ALLOWING))
    if (on(attr) && !types.includes(type)) problems.push(`a ${type} field cannot be ${attr}`);
  if (on('caseSensitive') && !on('unique'))
    problems.push('caseSensitive applies only to a unique field');
  return problems;
}

/** Fields a page layout places. */
function layoutFields(xml) {
  return blocks(xml, 'layoutItems').flatMap((item) => values(item, 'field'));
}

/**
 * Custom fields (as "Object.Field__c") on no layout of their object. `layouts` maps a layout's
 * full name ("Account-csops Account") to its XML; Activity fields count on a Task or Event layout.
 * Custom metadata type fields have no record layout and are left out.
 */
function fieldsOffLayouts(fieldNames, layouts) {
  const placed = new Set();
  for (const [name, xml] of layouts) {
    const object = name.split('-')[0];
    const definedOn = object === 'Task' || object === 'Event' ? 'Activity' : object;
    for (const field of layoutFields(xml)) placed.add(`${definedOn}.${field}`);
  }
  return fieldNames.filter((f) => !f.includes('__mdt.') && !placed.has(f));
}

const LIST_VIEW_OPERATIONS = [
  'equals',
  'notEqual',
  'lessThan',
  'greaterThan',
  'lessOrEqual',
  'greaterOrEqual',
  'contains',
  'notContain',
  'startsWith',
  'includes',
  'excludes',
  'within',
];
const FILTER_SCOPES = [
  'Everything',
  'Mine',
  'Queue',
  'Delegated',
  'MyTerritory',
  'MyTeamTerritory',
  'Team',
];

/**
 * A list view's filters and columns against the object's fields: `fields` maps a custom field
 * name to its XML; `standardColumns` are the standard column names the view may use.
 */
function listViewProblems(xml, fields, standardColumns) {
  const problems = [];
  const scope = values(xml, 'filterScope')[0];
  if (!FILTER_SCOPES.includes(scope))
    problems.push(`filterScope ${scope} is not one of ${FILTER_SCOPES.join(', ')}`);
  for (const column of values(xml, 'columns'))
    if (!fields.has(column) && !standardColumns.includes(column))
      problems.push(`column ${column} is no field`);
  const filters = blocks(xml, 'filters');
  filters.forEach((filter, i) => {
    const [field] = values(filter, 'field');
    const [operation] = values(filter, 'operation');
    const [value] = values(filter, 'value');
    if (!LIST_VIEW_OPERATIONS.includes(operation))
      problems.push(`filter ${i + 1}: unknown operation ${operation}`);
    const fieldXml = fields.get(field);
    if (!fieldXml) {
      if (!standardColumns.includes(field)) problems.push(`filter ${i + 1}: ${field} is no field`);
      return;
    }
    if (values(fieldXml, 'type')[0] === 'Picklist') {
      const allowed = blocks(fieldXml, 'value').map((v) => values(v, 'fullName')[0]);
      for (const v of (value ?? '').split(','))
        if (!allowed.includes(v)) problems.push(`filter ${i + 1}: ${v} is not a value of ${field}`);
    }
  });
  const [logic] = values(xml, 'booleanFilter');
  for (const n of (logic ?? '').match(/\d+/g) ?? [])
    if (+n < 1 || +n > filters.length)
      problems.push(`booleanFilter names filter ${n} of ${filters.length}`);
  return problems;
}

const REPORT_TYPE_CATEGORIES = [
  'accounts',
  'opportunities',
  'forecasts',
  'cases',
  'leads',
  'campaigns',
  'activities',
  'busop',
  'products',
  'admin',
  'territory',
  'other',
  'content',
  'quotes',
];

/** A report type's columns: `fieldExists(object, field)` says whether a column's field is real. */
function reportTypeProblems(xml, fieldExists) {
  const problems = [];
  const category = values(xml, 'category')[0];
  if (!REPORT_TYPE_CATEGORIES.includes(category)) problems.push(`unknown category ${category}`);
  for (const required of ['baseObject', 'label', 'deployed'])
    if (!values(xml, required).length) problems.push(`no ${required}`);
  const base = values(xml, 'baseObject')[0];
  for (const column of blocks(xml, 'columns')) {
    const [field] = values(column, 'field');
    const [table] = values(column, 'table');
    if (table !== base && !table.startsWith(`${base}.`))
      problems.push(`column ${field}: table ${table} is not reached from ${base}`);
    else if (!fieldExists(table === base ? base : table, field))
      problems.push(`column ${field} is no field of ${table}`);
  }
  return problems;
}

/** Labels a component imports (`@salesforce/label/c.Name`) that CustomLabels does not define. */
function labelImportProblems(source, labelNames) {
  return [...source.matchAll(/from\s+'@salesforce\/label\/c\.(\w+)'/g)]
    .map((m) => m[1])
    .filter((name) => !labelNames.has(name))
    .map((name) => `imports c.${name}, which CustomLabels does not define`);
}

const TEXT_ATTRIBUTES = [
  'label',
  'title',
  'alternative-text',
  'aria-label',
  'placeholder',
  'field-level-help',
];

/**
 * English written into a template instead of a custom label: text between tags, or a text
 * attribute, that holds letters outside a {binding}. Comments are not shown and do not count.
 */
function hardCodedTextProblems(html) {
  const problems = [];
  const body = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of body.matchAll(/>([^<>]+)</g)) {
    const text = m[1].replace(/\{[^}]*\}/g, '').trim();
    if (/[A-Za-z]{2,}/.test(text))
      problems.push(`text "${text.replace(/\s+/g, ' ')}" is not a label`);
  }
  for (const m of body.matchAll(/\s([\w-]+)="([^"]*)"/g)) {
    if (TEXT_ATTRIBUTES.includes(m[1]) && /[A-Za-z]{2,}/.test(m[2]))
      problems.push(`${m[1]}="${m[2]}" is not a label`);
  }
  return problems;
}

/** `{labels.key}` a template shows that the component's LABELS table does not hold. */
function labelKeyProblems(html, js) {
  const table = /const LABELS = \{([\s\S]*?)\};/.exec(js);
  const keys = new Set(table ? [...table[1].matchAll(/^\s*(\w+):/gm)].map((m) => m[1]) : []);
  return [...new Set([...html.matchAll(/\{labels\.(\w+)\}/g)].map((m) => m[1]))]
    .filter((key) => !keys.has(key))
    .map((key) => `shows labels.${key}, which LABELS does not hold`);
}

module.exports = {
  hardCodedTextProblems,
  labelKeyProblems,
  rootOf,
  values,
  blocks,
  textLengthProblems,
  flexiPageProblems,
  fieldAttributeProblems,
  layoutFields,
  fieldsOffLayouts,
  listViewProblems,
  reportTypeProblems,
  labelImportProblems,
  TEXT_LIMITS,
};
