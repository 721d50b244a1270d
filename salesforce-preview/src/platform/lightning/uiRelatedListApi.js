import { FetchingAdapter, fieldList } from 'csops/ldsClient';

/** lightning/uiRelatedListApi getRelatedListRecords: one page of a parent's related list. */
export class getRelatedListRecords extends FetchingAdapter {
  request({ parentRecordId, relatedListId, fields, optionalFields, sortBy, pageSize }) {
    if (!parentRecordId || !relatedListId) return undefined;
    const query = new URLSearchParams();
    const required = fieldList(fields);
    const optional = fieldList(optionalFields);
    if (required) query.set('fields', required);
    if (optional) query.set('optionalFields', optional);
    if (sortBy && sortBy.length) query.set('sortBy', [].concat(sortBy).join(','));
    if (pageSize) query.set('pageSize', String(pageSize));
    return {
      path: `/ui-api/related-list-records/${encodeURIComponent(parentRecordId)}/${encodeURIComponent(relatedListId)}?${query}`,
    };
  }
}
