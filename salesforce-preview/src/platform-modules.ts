// The `@salesforce/*` modules an org compiles into a component, made here from the package source:
// labels from the labels file, schema references as { objectApiName, fieldApiName }, Apex methods as
// calls to this host, the user id as the preview's user.
import type { Plugin } from 'rollup';

const PREFIX = '\0csops-sf:';
const APEX_CLIENT = 'csops/apexClient';

export interface PlatformModuleOptions {
  labels: Map<string, string>;
  userId: string;
}

function schemaModule(ref: string): string {
  const [objectApiName, ...rest] = ref.split('.');
  if (rest.length === 0) return `export default ${JSON.stringify({ objectApiName })};`;
  return `export default ${JSON.stringify({ objectApiName, fieldApiName: rest.join('.') })};`;
}

export function salesforceModules(options: PlatformModuleOptions): Plugin {
  return {
    name: 'csops-salesforce-modules',
    resolveId(source) {
      if (
        source.startsWith('@salesforce/label/c.') ||
        source.startsWith('@salesforce/schema/') ||
        source.startsWith('@salesforce/apex/') ||
        source === '@salesforce/user/Id'
      )
        return PREFIX + source;
      return null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const source = id.slice(PREFIX.length);
      if (source.startsWith('@salesforce/label/c.')) {
        const name = source.slice('@salesforce/label/c.'.length);
        const value = options.labels.get(name);
        if (value === undefined)
          this.error(`${source}: no custom label ${name} in CustomLabels.labels-meta.xml`);
        return `export default ${JSON.stringify(value)};`;
      }
      if (source.startsWith('@salesforce/schema/'))
        return schemaModule(source.slice('@salesforce/schema/'.length));
      if (source.startsWith('@salesforce/apex/')) {
        const method = source.slice('@salesforce/apex/'.length);
        return `import { apexMethod } from '${APEX_CLIENT}';\nexport default apexMethod(${JSON.stringify(method)});`;
      }
      return `export default ${JSON.stringify(options.userId)};`;
    },
  };
}
