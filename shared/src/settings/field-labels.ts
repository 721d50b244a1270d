import { MEASURE_LABELS } from '../health/measures.js';
import { HANDOFF_ITEM_LABELS, SEGMENT_LABELS } from '../vocabulary/labels.js';
import type { HandoffItemKey, MeasureKey } from '../vocabulary/keys.js';

// Every settings field as the admin reads it on the settings page, so a refusal, a history entry
// and the field itself name it the same way.

const FIXED: Record<string, string> = {
  version: 'Settings version',
  measures: 'Health measures',
  bands: 'Bands',
  'bands.green': 'Green from score',
  'bands.yellow': 'Yellow from score',
  'freshness.defaultDays': 'Data counts as fresh for (days)',
  'trend.flatWithin': 'Trend counts as flat within (points)',
  'renewal.stages': 'Renewal stages',
  'renewal.levels': 'Risk levels',
  'renewal.championLeftWithinDays': 'Champion left within (days)',
  'renewal.decliningTrendPoints': 'Declining trend from (points)',
  'renewal.lowCoverageBelow': 'Low coverage below (share)',
  'renewal.closeToRenewalDays': 'Close to renewal within (days)',
  'expansion.seatUtilisationOver': 'Seat utilisation over (%)',
  'expansion.targetSeatUtilisation': 'Target seat utilisation (%)',
  'expansion.adoptionMilestonePercent': 'Adoption milestone (% of features)',
  'expansion.minHealthScore': 'Healthy means a score of at least',
  'expansion.minUsageScore': 'High usage means a usage score of at least',
  'expansion.dealType': 'Deal type of expansion deals',
  'expansion.healthyWithinMonthsOfRenewal': 'Healthy within months of renewal',
  'expansion.upliftPercent': 'Uplift on ARR for the estimate (%)',
  'expansion.closeInDays': 'Expansion deal closes in (days)',
  'handoff.requiredStakeholderRoles': 'Stakeholder roles the handoff must name',
  segments: 'Segments',
  'segments.enterpriseMinArr': `${SEGMENT_LABELS.enterprise} from ARR`,
  'segments.midMarketMinArr': `${SEGMENT_LABELS.mid_market} from ARR`,
  csms: 'CSMs',
  playbooks: 'Playbooks',
  team: 'Team',
  'team.manager': 'CS manager (gets escalations)',
  'team.manager.id': 'CS manager’s HubSpot owner',
  'team.manager.name': 'CS manager’s name',
  alerts: 'Slack alerts',
  'alerts.cooldownHours': 'Alert again after (hours)',
  'alerts.channels': 'Slack channels',
};

const CSM_FIELDS: Record<string, string> = {
  id: 'HubSpot owner',
  name: 'name',
  email: 'email',
  segments: 'segments',
  maxArr: 'max ARR',
  maxAccounts: 'max accounts',
};

/** "seatUtilisation" → "seat utilisation". */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function measureLabel(rest: string[]): string | undefined {
  const [measure, part, signal, field, point] = rest;
  const name = MEASURE_LABELS[measure as MeasureKey];
  if (!name) return undefined;
  if (part === undefined) return name;
  if (part === 'weight') return `${name} weight`;
  if (part === 'signals' && signal !== undefined) {
    const s = `${name}: ${words(signal)}`;
    if (field === 'curve') return point === undefined ? `${s} curve` : `${s} curve points`;
    return field === 'weight' ? `${s} weight` : s;
  }
  return undefined;
}

/** The settings field at `path` ("bands.green" or ["bands", "green"]) as the page names it. */
export function settingsFieldLabel(path: string | readonly (string | number)[]): string {
  const parts = (typeof path === 'string' ? path.split('.') : path.map(String)).filter(
    (p) => p !== '',
  );
  const key = parts.join('.');
  const fixed = FIXED[key];
  if (fixed) return fixed;
  const [head, second, third, fourth] = parts;
  if (head === 'measures') {
    const label = measureLabel(parts.slice(1));
    if (label) return label;
  }
  if (head === 'freshness' && second === 'groupDays' && third)
    return `${capitalised(words(third))} data fresh for (days)`;
  if (head === 'renewal' && second === 'stages' && third !== undefined)
    return `Renewal stage ${Number(third) + 1}`;
  if (head === 'renewal' && second === 'riskPoints' && third)
    return `Risk points for ${words(third)}`;
  if (head === 'renewal' && second === 'levels' && third) return `${capitalised(third)} risk from`;
  if (head === 'renewal' && second === 'arrAtRiskShare' && third)
    return `Share of ARR at risk when ${third}`;
  if (head === 'handoff' && second === 'items' && third) {
    const item = HANDOFF_ITEM_LABELS[third as HandoffItemKey] ?? capitalised(words(third));
    if (fourth === 'weight') return `${item} weight`;
    if (fourth === 'required') return `${item} required to submit`;
    return item;
  }
  if (head === 'csms' && second !== undefined) {
    const row = `CSM ${Number(second) + 1}`;
    return third ? `${row} ${CSM_FIELDS[third] ?? words(third)}` : row;
  }
  if (head === 'alerts' && second === 'channels' && third !== undefined) {
    const row = `Slack channel ${Number(third) + 1}`;
    const field = { name: 'name', webhookSecret: 'webhook secret', events: 'events' }[fourth ?? ''];
    return fourth ? `${row} ${field ?? words(fourth)}` : row;
  }
  if (head === 'playbooks' && second !== undefined) {
    const rest = parts.slice(2).filter((p) => !/^\d+$/.test(p));
    return `Playbook ${Number(second) + 1}${rest.length > 0 ? ` ${rest.map(words).join(' ')}` : ''}`;
  }
  return capitalised(words(parts[parts.length - 1] ?? 'settings'));
}
