// lightning/uiRecordApi over the org's UI API: getRecord (wire), createRecord, updateRecord and
// the field helpers, with the record shape and FetchResponse errors LDS gives.
import { FetchingAdapter, callOrg, fieldList, fieldName, recordChanged } from 'csops/ldsClient';

export class getRecord extends FetchingAdapter {
  request({ recordId, fields, optionalFields }) {
    if (!recordId) return undefined;
    const query = new URLSearchParams();
    const required = fieldList(fields);
    const optional = fieldList(optionalFields);
    if (required) query.set('fields', required);
    if (optional) query.set('optionalFields', optional);
    return { path: `/ui-api/records/${encodeURIComponent(recordId)}?${query}` };
  }
  concerns(recordId) {
    return !!this.config && this.config.recordId === recordId;
  }
}

export async function createRecord(recordInput) {
  const record = await callOrg('POST', '/ui-api/records', {
    apiName: recordInput.apiName,
    fields: recordInput.fields,
  });
  return record;
}

/** clientOptions.ifUnmodifiedSince: refused (412) when the record changed after that date. */
export async function updateRecord(recordInput, clientOptions) {
  const { Id, ...fields } = recordInput.fields;
  const since = clientOptions && clientOptions.ifUnmodifiedSince;
  const record = await callOrg(
    'PATCH',
    `/ui-api/records/${encodeURIComponent(Id)}`,
    { fields },
    since ? { 'if-unmodified-since': since } : undefined,
  );
  recordChanged(Id);
  return record;
}

function entry(record, field) {
  const path = fieldName(field).split('.').slice(1);
  let node = record;
  for (let i = 0; i < path.length; i += 1) {
    const f = node && node.fields && node.fields[path[i]];
    if (!f) return undefined;
    if (i === path.length - 1) return f;
    node = f.value;
  }
  return undefined;
}

export function getFieldValue(record, field) {
  const f = entry(record, field);
  return f === undefined ? undefined : f.value;
}

export function getFieldDisplayValue(record, field) {
  const f = entry(record, field);
  return f === undefined ? undefined : f.displayValue;
}

export function notifyRecordUpdateAvailable(items) {
  (items || []).forEach((item) => recordChanged(item.recordId));
  return Promise.resolve();
}
