#!/usr/bin/env node
// Writes a csops Settings record (custom metadata). With no flags it writes the Default record from the
// core's default settings, so a fresh org starts with exactly the model every other face ships with.
// `--from FILE` writes a settings file (e.g. from `csops calibrate`) as it is, after the core accepts it;
// `--name NAME` writes the record Csops_Settings.NAME instead of Default.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultSettings, formatIssues, HANDOFF_ITEM_KEYS, parseSettings } from '@csops/core';

const { values: flags } = parseArgs({
  options: { from: { type: 'string' }, name: { type: 'string', default: 'Default' } },
});
if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(flags.name) || flags.name.includes('__')) {
  console.error(
    `--name: "${flags.name}" is not a valid record name (letters, digits, single underscores)`,
  );
  process.exit(2);
}

const salesforceDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const RECORD = join(
  salesforceDir,
  `force-app/main/default/customMetadata/Csops_Settings.${flags.name}.md-meta.xml`,
);

function loadSettings() {
  if (!flags.from) return defaultSettings();
  let raw;
  try {
    raw = JSON.parse(readFileSync(flags.from, 'utf8'));
  } catch (error) {
    console.error(`--from: cannot read ${flags.from} as JSON: ${error.message}`);
    process.exit(2);
  }
  const parsed = parseSettings(raw);
  if (!parsed.success) {
    console.error(
      `--from: ${flags.from} is not valid csops settings:\n${formatIssues(parsed.issues)}`,
    );
    process.exit(2);
  }
  return parsed.data;
}

const s = loadSettings();
const measures = Object.keys(s.measures);
const cap = (w) => w.charAt(0).toUpperCase() + w.slice(1);

/** Field → [xsd type, value]; these are the typed fields admins tune in Setup. */
const typed = {
  Settings_Version__c: ['double', s.version],
  ...Object.fromEntries(
    measures.map((m) => [`Weight_${cap(m)}__c`, ['double', s.measures[m].weight]]),
  ),
  Band_Green_From__c: ['double', s.bands.green],
  Band_Yellow_From__c: ['double', s.bands.yellow],
  Freshness_Default_Days__c: ['double', s.freshness.defaultDays],
  Renewal_Stages__c: ['string', s.renewal.stages.join(',')],
  Expansion_Seat_Utilisation_Over__c: ['double', s.expansion.seatUtilisationOver],
  Expansion_Target_Seat_Utilisation__c: ['double', s.expansion.targetSeatUtilisation],
  Expansion_Adoption_Milestone__c: ['double', s.expansion.adoptionMilestonePercent],
  Expansion_Healthy_Months__c: ['double', s.expansion.healthyWithinMonthsOfRenewal],
  Expansion_Min_Health_Score__c: ['double', s.expansion.minHealthScore],
  Expansion_Uplift_Percent__c: ['double', s.expansion.upliftPercent],
  Expansion_Close_In_Days__c: ['double', s.expansion.closeInDays],
  Handoff_Required_Items__c: [
    'string',
    HANDOFF_ITEM_KEYS.filter((k) => s.handoff.items[k].required).join(','),
  ],
  Handoff_Required_Roles__c: ['string', s.handoff.requiredStakeholderRoles.join(',')],
  Segment_Enterprise_Min_ARR__c: ['double', s.segments.enterpriseMinArr],
  Segment_Mid_Market_Min_ARR__c: ['double', s.segments.midMarketMinArr],
};

// Model_JSON__c holds the rest; what a typed field holds is left out so there is one place to edit it.
const model = structuredClone(s);
delete model.version;
delete model.bands;
delete model.freshness.defaultDays;
delete model.renewal.stages;
for (const k of [
  'seatUtilisationOver',
  'targetSeatUtilisation',
  'adoptionMilestonePercent',
  'healthyWithinMonthsOfRenewal',
  'minHealthScore',
  'upliftPercent',
  'closeInDays',
]) {
  delete model.expansion[k];
}
delete model.segments;
delete model.handoff.requiredStakeholderRoles;
for (const m of measures) delete model.measures[m].weight;
for (const k of HANDOFF_ITEM_KEYS) delete model.handoff.items[k].required;
typed.Model_JSON__c = ['string', JSON.stringify(model)];

const esc = (v) =>
  String(v)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
const values = Object.entries(typed)
  .map(
    ([field, [type, value]]) =>
      `    <values>\n        <field>${field}</field>\n        <value xsi:type="xsd:${type}">${esc(value)}</value>\n    </values>`,
  )
  .join('\n');

writeFileSync(
  RECORD,
  `<?xml version="1.0" encoding="UTF-8"?>
<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <label>${flags.name}</label>
    <protected>false</protected>
${values}
</CustomMetadata>
`,
);
console.log(`wrote ${RECORD} (Model_JSON__c ${typed.Model_JSON__c[1].length} characters)`);
