/**
 * Turns the Csops_Settings__mdt record read by CsopsSettingsController into the settings object of
 * the core, and validates it with the core's own parseSettings. Typed fields hold what admins tune
 * most; Model_JSON__c holds the rest (curves, risk points, playbooks) and loses to a typed field.
 * A blank or invalid value is reported against the field that holds it, never replaced by a default.
 */
import { HANDOFF_ITEM_KEYS, STAKEHOLDER_ROLES } from 'c/csopsCore';
import { parseSettings } from 'c/csopsValidation';

export const SETTINGS_OBJECT = 'Csops_Settings__mdt';
export const MODEL_FIELD = 'Model_JSON__c';

const MEASURE_WEIGHT_FIELDS = {
  usage: 'Weight_Usage__c',
  adoption: 'Weight_Adoption__c',
  support: 'Weight_Support__c',
  engagement: 'Weight_Engagement__c',
  sentiment: 'Weight_Sentiment__c',
  billing: 'Weight_Billing__c',
  contract: 'Weight_Contract__c',
  onboarding: 'Weight_Onboarding__c',
};

/** Setting path → the field holding it. Every path not listed here comes from Model_JSON__c. */
export const TYPED_FIELDS = {
  version: 'Settings_Version__c',
  ...Object.fromEntries(
    Object.entries(MEASURE_WEIGHT_FIELDS).map(([m, f]) => [`measures.${m}.weight`, f]),
  ),
  'bands.green': 'Band_Green_From__c',
  'bands.yellow': 'Band_Yellow_From__c',
  'freshness.defaultDays': 'Freshness_Default_Days__c',
  'renewal.stages': 'Renewal_Stages__c',
  'expansion.seatUtilisationOver': 'Expansion_Seat_Utilisation_Over__c',
  'expansion.targetSeatUtilisation': 'Expansion_Target_Seat_Utilisation__c',
  'expansion.adoptionMilestonePercent': 'Expansion_Adoption_Milestone__c',
  'expansion.healthyWithinMonthsOfRenewal': 'Expansion_Healthy_Months__c',
  'expansion.minHealthScore': 'Expansion_Min_Health_Score__c',
  'expansion.upliftPercent': 'Expansion_Uplift_Percent__c',
  'expansion.closeInDays': 'Expansion_Close_In_Days__c',
  'handoff.requiredStakeholderRoles': 'Handoff_Required_Roles__c',
  'segments.enterpriseMinArr': 'Segment_Enterprise_Min_ARR__c',
  'segments.midMarketMinArr': 'Segment_Mid_Market_Min_ARR__c',
};
export const REQUIRED_ITEMS_FIELD = 'Handoff_Required_Items__c';

/** Numbers arrive as numbers; a blank field arrives as null and stays missing for the validator. */
function numberOrMissing(value) {
  return value === null || value === undefined ? undefined : value;
}

function list(value) {
  if (value === null || value === undefined) return [];
  return String(value)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function setPath(target, path, value) {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key];
  });
  node[keys[keys.length - 1]] = value;
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The field an issue belongs to: the typed field holding that setting, or the model JSON. */
export function fieldForPath(path) {
  if (path.startsWith('handoff.items.') && path.endsWith('.required')) {
    return REQUIRED_ITEMS_FIELD;
  }
  const typed = Object.keys(TYPED_FIELDS).find((p) => path === p || path.startsWith(`${p}.`));
  return typed ? TYPED_FIELDS[typed] : MODEL_FIELD;
}

function issue(field, path, message) {
  return { field, path, message, text: `${field}${path ? ` (${path})` : ''}: ${message}` };
}

/**
 * @param record the Csops_Settings__mdt record as returned by Apex (field API name → value)
 * @returns { settings } when valid, or { issues: [{ field, path, message, text }] }
 */
export function settingsFromRecord(record) {
  if (!record) {
    return { issues: [issue(SETTINGS_OBJECT, '', 'no settings record found')] };
  }
  const issues = [];
  let model = {};
  const raw = record[MODEL_FIELD];
  if (raw === null || raw === undefined || String(raw).trim() === '') {
    issues.push(issue(MODEL_FIELD, '', 'is empty; it holds the curves, risk points and playbooks'));
  } else {
    try {
      model = JSON.parse(raw);
      if (!isPlainObject(model)) {
        issues.push(issue(MODEL_FIELD, '', 'must be a JSON object'));
        model = {};
      }
    } catch (e) {
      issues.push(issue(MODEL_FIELD, '', `is not valid JSON (${e.message})`));
      model = {};
    }
  }

  const input = model;
  Object.entries(TYPED_FIELDS).forEach(([path, field]) => {
    const value = record[field];
    if (path === 'renewal.stages') {
      setPath(
        input,
        path,
        value === null || value === undefined ? undefined : list(value).map(Number),
      );
    } else if (path === 'handoff.requiredStakeholderRoles') {
      const roles = list(value);
      const unknown = roles.filter((r) => !STAKEHOLDER_ROLES.includes(r));
      if (unknown.length) {
        issues.push(
          issue(
            field,
            path,
            `unknown role ${unknown.join(', ')}; use ${STAKEHOLDER_ROLES.join(', ')}`,
          ),
        );
      }
      setPath(input, path, roles);
    } else {
      setPath(input, path, numberOrMissing(value));
    }
  });

  const required = list(record[REQUIRED_ITEMS_FIELD]);
  const unknownItems = required.filter((k) => !HANDOFF_ITEM_KEYS.includes(k));
  if (unknownItems.length) {
    issues.push(
      issue(
        REQUIRED_ITEMS_FIELD,
        'handoff.items',
        `unknown item ${unknownItems.join(', ')}; use ${HANDOFF_ITEM_KEYS.join(', ')}`,
      ),
    );
  }
  HANDOFF_ITEM_KEYS.forEach((key) => {
    setPath(input, `handoff.items.${key}.required`, required.includes(key));
  });

  if (issues.length) return { issues };
  const parsed = parseSettings(input);
  if (parsed.success) return { settings: parsed.data };
  return {
    issues: parsed.issues.map((i) => issue(fieldForPath(i.path), i.path, i.message)),
  };
}
