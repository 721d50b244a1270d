import { SEGMENT_LABELS, STAKEHOLDER_ROLE_TITLES } from '../vocabulary/labels.js';
import type { Segment, StakeholderRole } from '../vocabulary/keys.js';
import { settingsFieldLabel } from './field-labels.js';
import type { Csm, Playbook, Settings } from './schema.js';

// What one settings version changed against the one before it, named as the settings page names
// each field: "Green from score: 70 → 75".

export interface SettingsChange {
  path: string;
  label: string;
  from: string;
  to: string;
  /** The change as one line: "Green from score: 70 → 75", "CSM added: Alex Kim". */
  text: string;
}

type Json = unknown;

function shown(path: string[], value: Json): string {
  if (value === undefined || value === null) return '(not set)';
  if (typeof value === 'boolean') {
    return path[path.length - 1] === 'required'
      ? value
        ? 'required'
        : 'optional'
      : value
        ? 'yes'
        : 'no';
  }
  if (Array.isArray(value)) {
    if (path[path.length - 1] === 'requiredStakeholderRoles')
      return (
        value.map((r) => STAKEHOLDER_ROLE_TITLES[r as StakeholderRole] ?? String(r)).join(', ') ||
        'none'
      );
    if (path[path.length - 1] === 'segments')
      return value.map((s) => SEGMENT_LABELS[s as Segment] ?? String(s)).join(', ') || 'none';
    if (path[path.length - 1] === 'curve')
      return value
        .map((p) => (Array.isArray(p) ? `${String(p[0])}→${String(p[1])}` : String(p)))
        .join(', ');
    return value.map(String).join(', ') || 'none';
  }
  return String(value);
}

const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

function change(path: string[], label: string, from: Json, to: Json): SettingsChange {
  const f = shown(path, from);
  const t = shown(path, to);
  return { path: path.join('.'), label, from: f, to: t, text: `${label}: ${f} → ${t}` };
}

function walk(path: string[], before: Json, after: Json, out: SettingsChange[]): void {
  if (same(before, after)) return;
  const isObject = (v: Json) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const b = before as Record<string, Json>;
    const a = after as Record<string, Json>;
    for (const key of new Set([...Object.keys(b), ...Object.keys(a)]))
      walk([...path, key], b[key], a[key], out);
    return;
  }
  out.push(change(path, settingsFieldLabel(path), before, after));
}

/** Rows that carry an id are matched by id, so removing one row does not read as every row changing. */
function keyedRows<T extends { id: string }>(
  kind: string,
  nameOf: (row: T) => string,
  before: readonly T[],
  after: readonly T[],
  out: SettingsChange[],
): void {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  for (const row of before) {
    if (!now.has(row.id)) {
      out.push({
        path: kind,
        label: settingsFieldLabel(kind),
        from: nameOf(row),
        to: '(removed)',
        text: `${kindName(kind)} removed: ${nameOf(row)}`,
      });
    }
  }
  for (const row of after) {
    const was = old.get(row.id);
    if (!was) {
      out.push({
        path: kind,
        label: settingsFieldLabel(kind),
        from: '(none)',
        to: nameOf(row),
        text: `${kindName(kind)} added: ${nameOf(row)}`,
      });
      continue;
    }
    const inner: SettingsChange[] = [];
    walk([kind, String(after.indexOf(row))], was, row, inner);
    for (const c of inner) {
      const field = c.path.split('.').slice(2);
      const label = `${kindName(kind)} ${nameOf(row)} ${fieldWords(kind, field)}`;
      out.push({ ...c, label, text: `${label}: ${c.from} → ${c.to}` });
    }
  }
}

const kindName = (kind: string) => (kind === 'csms' ? 'CSM' : 'Playbook');

function fieldWords(kind: string, field: string[]): string {
  // The row's own label ("CSM 2 max accounts") without its position, which the name replaces.
  const label = settingsFieldLabel([kind, 0, ...field]);
  return label.replace(/^(CSM|Playbook) 1 ?/, '') || field.join(' ');
}

const csmName = (c: Csm) => c.name || c.id;
const playbookName = (p: Playbook) => p.name || p.id;

/** Every field `after` changed against `before`, in the order the settings page shows them. */
export function settingsChanges(before: Settings, after: Settings): SettingsChange[] {
  const out: SettingsChange[] = [];
  for (const key of Object.keys(after) as (keyof Settings)[]) {
    if (key === 'version' || key === 'csms' || key === 'playbooks') continue;
    walk([key], before[key], after[key], out);
  }
  keyedRows('csms', csmName, before.csms, after.csms, out);
  keyedRows('playbooks', playbookName, before.playbooks, after.playbooks, out);
  return out;
}
