import { FetchingAdapter, callOrg } from 'csops/ldsClient';

/**
 * An `@salesforce/apex/Class.method` import: callable imperatively (a promise of the method's
 * return value) and usable with @wire, where it provisions { data, error }.
 */
export function apexMethod(name) {
  const call = (params) => callOrg('POST', `/apex/${name}`, params || {});
  class ApexAdapter extends FetchingAdapter {
    request(config) {
      return { method: 'POST', path: `/apex/${name}`, body: config || {} };
    }
  }
  call.adapter = ApexAdapter;
  return call;
}
