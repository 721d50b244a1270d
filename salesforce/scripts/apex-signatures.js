// What the components call in Apex, checked against the Apex source without an org: every
// `@salesforce/apex/Class.method` import names an @AuraEnabled static method, each call passes
// exactly that method's parameters by name, and a permission set grants the class.
const { readdirSync, readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const META = join(__dirname, '../force-app/main/default');

/** Class → method → { params, cacheable } for every @AuraEnabled method. */
function auraMethods() {
  const classes = {};
  for (const file of readdirSync(join(META, 'classes')).filter((f) => f.endsWith('.cls'))) {
    const source = readFileSync(join(META, 'classes', file), 'utf8').replace(
      /\/\*[\s\S]*?\*\//g,
      '',
    );
    const methods = {};
    const re =
      /@AuraEnabled(\s*\(([^)]*)\))?\s+public\s+static\s+[\w<>,.\s]+?\s(\w+)\s*\(([^)]*)\)/g;
    for (const m of source.matchAll(re)) {
      const params = m[4]
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => p.split(/\s+/).pop());
      methods[m[3]] = { params, cacheable: /cacheable\s*=\s*true/i.test(m[2] || '') };
    }
    classes[file.replace(/\.cls$/, '')] = methods;
  }
  return classes;
}

/** The top-level keys of the object literal starting at text[start] ('{'), shorthand ones too. */
function objectKeys(text, start) {
  const keys = [];
  let depth = 0;
  let token = '';
  let atKey = true;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if ('}])'.includes(c)) depth--;
    if (depth === 0 && i > start) {
      if (atKey && token) keys.push(token);
      break;
    }
    if (depth === 1 && atKey) {
      if (/[\w$]/.test(c)) token += c;
      else if ((c === ':' || c === ',') && token) {
        keys.push(token);
        token = '';
        atKey = c === ',';
      }
    } else if (depth === 1 && c === ',') {
      atKey = true;
      token = '';
    }
    if ('{[('.includes(c)) depth++;
  }
  return [...new Set(keys)];
}

/** Every Apex method a component imports, with the parameter names of each call or wire. */
function componentCalls() {
  const calls = [];
  for (const bundle of readdirSync(join(META, 'lwc'))) {
    const dir = join(META, 'lwc', bundle);
    if (!existsSync(join(dir, `${bundle}.js`))) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const m of source.matchAll(
        /import\s+(\w+)\s+from\s+'@salesforce\/apex\/(\w+)\.(\w+)'/g,
      )) {
        const [, local, cls, method] = m;
        const uses = [];
        for (const u of source.matchAll(
          new RegExp(`(@wire\\(\\s*${local}\\s*,\\s*|\\b${local}\\(\\s*)\\{`, 'g'),
        )) {
          uses.push({
            wire: u[1].startsWith('@wire'),
            keys: objectKeys(source, u.index + u[0].length - 1),
          });
        }
        calls.push({ where: `${bundle}/${file}`, cls, method, uses });
      }
    }
  }
  return calls;
}

function grantedClasses() {
  const granted = new Set();
  for (const file of readdirSync(join(META, 'permissionsets'))) {
    const xml = readFileSync(join(META, 'permissionsets', file), 'utf8');
    for (const m of xml.matchAll(/<apexClass>(\w+)<\/apexClass>/g)) granted.add(m[1]);
  }
  return granted;
}

/** Problems in words; none when the components and the Apex agree. */
function apexSignatureProblems() {
  const classes = auraMethods();
  const granted = grantedClasses();
  const problems = [];
  for (const call of componentCalls()) {
    const name = `${call.cls}.${call.method}`;
    const method = classes[call.cls] && classes[call.cls][call.method];
    if (!method) {
      problems.push(`${call.where} imports ${name}, which is no @AuraEnabled static method`);
      continue;
    }
    if (!granted.has(call.cls))
      problems.push(`${call.where}: no permission set grants ${call.cls}`);
    if (call.uses.length === 0) problems.push(`${call.where} imports ${name} but never calls it`);
    for (const use of call.uses) {
      const missing = method.params.filter((p) => !use.keys.includes(p));
      const unknown = use.keys.filter((k) => !method.params.includes(k));
      if (missing.length)
        problems.push(`${call.where}: ${name} called without ${missing.join(', ')}`);
      if (unknown.length)
        problems.push(`${call.where}: ${name} has no parameter ${unknown.join(', ')}`);
      if (use.wire && !method.cacheable)
        problems.push(`${call.where}: ${name} is wired but not cacheable=true`);
    }
  }
  return problems;
}

module.exports = { apexSignatureProblems, auraMethods, componentCalls };
