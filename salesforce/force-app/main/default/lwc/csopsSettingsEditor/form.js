/**
 * The main settings as form fields, and the draft edits they make. What a field accepts is the
 * core's business: text stays text until the core's schema says what is wrong with it.
 */
import { renewalStagesFromText, settingsFieldLabel, settingsNumberFromText } from 'c/csopsCore';
import { TYPED_FIELDS } from 'c/csopsSettings';
import { LABELS } from './labels';
import { valueAt } from './settingsRecord';

const MEASURE_PATHS = Object.keys(TYPED_FIELDS).filter((p) => p.startsWith('measures.'));

const SECTIONS = [
  { key: 'weights', paths: MEASURE_PATHS },
  { key: 'bands', paths: ['bands.green', 'bands.yellow'] },
  { key: 'renewal', paths: ['renewal.stages'] },
  { key: 'freshness', paths: ['freshness.defaultDays'] },
  {
    key: 'expansion',
    paths: [
      'expansion.seatUtilisationOver',
      'expansion.targetSeatUtilisation',
      'expansion.adoptionMilestonePercent',
      'expansion.healthyWithinMonthsOfRenewal',
      'expansion.minHealthScore',
      'expansion.upliftPercent',
      'expansion.closeInDays',
    ],
  },
  { key: 'team', paths: ['team.manager.id', 'team.manager.name'] },
  { key: 'alerts', paths: ['alerts.cooldownHours'] },
];

// The core names the manager as HubSpot does; in Salesforce the manager is a User.
const OWN_LABELS = { 'team.manager.id': LABELS.managerId, 'team.manager.name': LABELS.managerName };

function textOf(path, value) {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

function field(path, draft, label) {
  return {
    path,
    label: label || OWN_LABELS[path] || settingsFieldLabel(path),
    value: textOf(path, valueAt(draft, path)),
  };
}

/** Sections of fields with the draft's values, for the template. */
export function formSections(draft) {
  const sections = SECTIONS.map((s) => ({
    key: s.key,
    title: LABELS[s.key],
    fields: s.paths.map((p) => field(p, draft)),
    channels: [],
  }));
  const channels = (valueAt(draft, 'alerts.channels') || []).map((channel, i) => {
    const row = `alerts.channels.${i}`;
    return {
      key: row,
      index: i,
      title: settingsFieldLabel(row),
      fields: [
        field(`${row}.name`, draft),
        field(`${row}.webhookSecret`, draft),
        field(`${row}.events`, draft, `${settingsFieldLabel(row)} ${LABELS.channelEvents}`),
      ],
    };
  });
  sections[sections.length - 1].channels = channels;
  return sections;
}

function setAt(target, path, value) {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key];
  });
  node[keys[keys.length - 1]] = value;
}

const list = (text) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The draft with one field set from what the admin typed (a new object; the old one is kept). */
export function withField(draft, path, text) {
  const next = JSON.parse(JSON.stringify(draft));
  if (path === 'renewal.stages') setAt(next, path, renewalStagesFromText(text));
  else if (/^alerts\.channels\.\d+\.events$/.test(path)) setAt(next, path, list(text));
  else if (/^alerts\.channels\.\d+\.(name|webhookSecret)$/.test(path)) setAt(next, path, text);
  else if (path.startsWith('team.manager.')) {
    setAt(next, path, text);
    const manager = next.team.manager;
    // Both left blank: nobody is named and escalations go to each account's CSM.
    if (!String(manager.id || '').trim() && !String(manager.name || '').trim()) {
      delete next.team.manager;
    } else {
      manager.id = manager.id || '';
      manager.name = manager.name || '';
    }
  } else setAt(next, path, settingsNumberFromText(text));
  return next;
}

export function withChannelAdded(draft) {
  const next = JSON.parse(JSON.stringify(draft));
  if (!next.alerts) next.alerts = { cooldownHours: 24, channels: [] };
  next.alerts.channels.push({ name: '', webhookSecret: '', events: [] });
  return next;
}

export function withChannelRemoved(draft, index) {
  const next = JSON.parse(JSON.stringify(draft));
  next.alerts.channels.splice(index, 1);
  return next;
}

/** The issue to show on the field at path: its own, or one inside it. */
export function issueFor(issues, path) {
  return issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
}
