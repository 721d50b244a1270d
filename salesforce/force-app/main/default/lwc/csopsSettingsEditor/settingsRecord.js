/**
 * Settings ↔ the Csops_Settings__mdt record, the way back from c/csopsSettings: typed fields hold
 * what they hold (so a typed field never overrides a saved change) and Model_JSON__c the rest.
 */
import { HANDOFF_ITEM_KEYS } from 'c/csopsCore';
import { MODEL_FIELD, REQUIRED_ITEMS_FIELD, TYPED_FIELDS } from 'c/csopsSettings';

const LIST_PATHS = new Set(['renewal.stages', 'handoff.requiredStakeholderRoles']);

export function valueAt(target, path) {
  return path
    .split('.')
    .reduce((node, key) => (node === null || node === undefined ? undefined : node[key]), target);
}

/** Deletes the value at path, and any object the deletion leaves empty. */
function deleteAt(target, keys) {
  const [head, ...rest] = keys;
  if (target === null || typeof target !== 'object' || !(head in target)) return;
  if (rest.length === 0) delete target[head];
  else {
    deleteAt(target[head], rest);
    const child = target[head];
    if (child && typeof child === 'object' && Object.keys(child).length === 0) delete target[head];
  }
}

/** @returns { modelJson, typedFields } for CsopsSettingsDeployer.saveSettings */
export function recordValuesFromSettings(settings) {
  const model = JSON.parse(JSON.stringify(settings));
  const typedFields = {};
  Object.entries(TYPED_FIELDS).forEach(([path, field]) => {
    const v = valueAt(settings, path);
    typedFields[field] = LIST_PATHS.has(path) ? (v || []).join(',') : v === undefined ? null : v;
    deleteAt(model, path.split('.'));
  });
  typedFields[REQUIRED_ITEMS_FIELD] = HANDOFF_ITEM_KEYS.filter(
    (k) => settings.handoff.items[k].required,
  ).join(',');
  HANDOFF_ITEM_KEYS.forEach((k) => deleteAt(model, ['handoff', 'items', k, 'required']));
  return { modelJson: JSON.stringify(model), typedFields };
}

/** The record as c/csopsSettings reads it, from what a save writes. */
export function recordFromValues({ modelJson, typedFields }) {
  return { ...typedFields, [MODEL_FIELD]: modelJson };
}

/** An Account as Apex returns it → the UI API record shape csopsAccountMapping reads. */
export function uiRecordFromApex(account) {
  const fields = {};
  Object.keys(account).forEach((key) => {
    if (key !== 'attributes' && key !== 'Id') fields[key] = { value: account[key] };
  });
  return { id: account.Id, fields };
}
