// Node module hooks serving the Lightning imports of the Salesforce package (see lwc-modules.mjs).
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lwcTarget, readLabels } from './lwc-modules.mjs';

let where;

export function initialize(data) {
  let labels;
  where = {
    mappingFile: data.mappingFile,
    labels: () => (labels ??= readLabels(data.labelsFile)),
    parentURL: data.parentURL,
    lwcDirUrl: pathToFileURL(dirname(dirname(data.mappingFile))).href + '/',
  };
}

export async function resolve(specifier, context, next) {
  const target = where && lwcTarget(specifier, where);
  if (!target) return next(specifier, context);
  if ('source' in target) {
    return {
      url: `data:text/javascript,${encodeURIComponent(target.source)}`,
      format: 'module',
      shortCircuit: true,
    };
  }
  if ('path' in target) {
    return { url: pathToFileURL(target.path).href, format: 'module', shortCircuit: true };
  }
  return next(target.bare, { ...context, parentURL: where.parentURL });
}

// The package has no "type": "module", yet its Lightning modules are ES modules.
export async function load(url, context, next) {
  if (!where || !url.startsWith(where.lwcDirUrl)) return next(url, context);
  const loaded = await next(url, { ...context, format: 'module' });
  return { ...loaded, format: 'module' };
}
