import type { Prng } from './prng.js';

/** One demo account's story before it becomes CRM records; day offsets are relative to the reference date. */
export interface AccountProfile {
  key?: string;
  name: string;
  domain: string;
  industry: string;
  arr: number;
  seats: number;
  active30: number;
  activePrior30: number;
  featuresAdopted: number;
  featuresLicensed: number;
  lastActivityDaysAgo: number;
  usageObservedDaysAgo: number;
  csat?: number;
  npsLatest?: number;
  npsPrevious?: number;
  overdueInvoices: number;
  daysPastDue: number;
  failedPayments90d: number;
  autoPay: boolean;
  contractStartDaysAgo: number;
  termMonths: number;
  renewalInDays: number;
  autoRenew: boolean;
  downgradeRequested: boolean;
  championLeftDaysAgo?: number;
  execMeetingDaysAgo?: number;
  checkInMeetings90d: number;
  openTickets: number;
  closedTickets: number;
  urgentEscalations90d: number;
  /** Index into the CSMs and AEs lists. */
  csm: number;
  ae: number;
  openExpansionDeal: boolean;
  /** State of the new-business handoff: submitted long ago, or still being filled in. */
  handoff: 'submitted' | 'draft';
}

export type Archetype = 'thriving' | 'steady' | 'declining' | 'silent' | 'billing' | 'onboarding';

const PREFIXES = [
  'Acme',
  'Apex',
  'Aurora',
  'Beacon',
  'Birch',
  'Blue Ridge',
  'Brightline',
  'Canopy',
  'Cedar',
  'Clearwater',
  'Copper',
  'Crescent',
  'Delta',
  'Ember',
  'Evergreen',
  'Falcon',
  'Fjord',
  'Granite',
  'Helix',
  'Horizon',
  'Iron',
  'Juniper',
  'Keystone',
  'Lakeside',
  'Lattice',
  'Maple',
  'Meridian',
  'Mosaic',
  'Nimbus',
  'Northstar',
  'Oakridge',
  'Orbit',
  'Pinnacle',
  'Prairie',
  'Quarry',
  'Redwood',
  'Riverbend',
  'Saffron',
  'Sierra',
  'Silverline',
  'Summit',
  'Tidewater',
  'Trellis',
  'Vantage',
  'Willow',
  'Zephyr',
];
const SUFFIXES = [
  'Analytics',
  'Bank',
  'Biotech',
  'Capital',
  'Clinics',
  'Foods',
  'Freight',
  'Games',
  'Health',
  'Insurance',
  'Labs',
  'Logistics',
  'Manufacturing',
  'Media',
  'Partners',
  'Pharma',
  'Retail',
  'Robotics',
  'Software',
  'Systems',
  'Telecom',
  'Travel',
  'Utilities',
  'Ventures',
];
const INDUSTRIES = [
  'COMPUTER_SOFTWARE',
  'FINANCIAL_SERVICES',
  'HOSPITAL_HEALTH_CARE',
  'RETAIL',
  'LOGISTICS_AND_SUPPLY_CHAIN',
  'MARKETING_AND_ADVERTISING',
  'INSURANCE',
  'TELECOMMUNICATIONS',
  'MACHINERY',
  'EDUCATION_MANAGEMENT',
];

/** The accounts demos and browser tests point at by name. */
export const NAMED_PROFILES: AccountProfile[] = [
  {
    key: 'healthyEnterprise',
    name: 'Northwind Logistics',
    domain: 'northwind-logistics.example',
    industry: 'LOGISTICS_AND_SUPPLY_CHAIN',
    arr: 240_000,
    seats: 400,
    active30: 352,
    activePrior30: 340,
    featuresAdopted: 11,
    featuresLicensed: 12,
    lastActivityDaysAgo: 0,
    usageObservedDaysAgo: 1,
    csat: 94,
    npsLatest: 62,
    npsPrevious: 55,
    overdueInvoices: 0,
    daysPastDue: 0,
    failedPayments90d: 0,
    autoPay: true,
    contractStartDaysAgo: 580,
    termMonths: 24,
    renewalInDays: 150,
    autoRenew: true,
    downgradeRequested: false,
    execMeetingDaysAgo: 21,
    checkInMeetings90d: 5,
    openTickets: 1,
    closedTickets: 6,
    urgentEscalations90d: 0,
    csm: 0,
    ae: 0,
    openExpansionDeal: false,
    handoff: 'submitted',
  },
  {
    key: 'silentChurner',
    name: 'Bluefin Health',
    domain: 'bluefin-health.example',
    industry: 'HOSPITAL_HEALTH_CARE',
    arr: 68_000,
    seats: 120,
    active30: 21,
    activePrior30: 47,
    featuresAdopted: 3,
    featuresLicensed: 10,
    lastActivityDaysAgo: 19,
    usageObservedDaysAgo: 1,
    npsLatest: -10,
    npsPrevious: 20,
    overdueInvoices: 0,
    daysPastDue: 0,
    failedPayments90d: 0,
    autoPay: true,
    contractStartDaysAgo: 320,
    termMonths: 12,
    renewalInDays: 45,
    autoRenew: false,
    downgradeRequested: false,
    championLeftDaysAgo: 38,
    checkInMeetings90d: 0,
    openTickets: 0,
    closedTickets: 1,
    urgentEscalations90d: 0,
    csm: 1,
    ae: 1,
    openExpansionDeal: false,
    handoff: 'submitted',
  },
  {
    key: 'expansionReady',
    name: 'Cobalt Robotics',
    domain: 'cobalt-robotics.example',
    industry: 'MACHINERY',
    arr: 90_000,
    seats: 150,
    active30: 147,
    activePrior30: 139,
    featuresAdopted: 9,
    featuresLicensed: 10,
    lastActivityDaysAgo: 0,
    usageObservedDaysAgo: 1,
    csat: 91,
    npsLatest: 71,
    npsPrevious: 64,
    overdueInvoices: 0,
    daysPastDue: 0,
    failedPayments90d: 0,
    autoPay: true,
    contractStartDaysAgo: 170,
    termMonths: 12,
    renewalInDays: 195,
    autoRenew: true,
    downgradeRequested: false,
    execMeetingDaysAgo: 35,
    checkInMeetings90d: 4,
    openTickets: 0,
    closedTickets: 3,
    urgentEscalations90d: 0,
    csm: 2,
    ae: 2,
    openExpansionDeal: false,
    handoff: 'submitted',
  },
  {
    key: 'overdueInvoices',
    name: 'Harbor & Pine Retail',
    domain: 'harbor-pine.example',
    industry: 'RETAIL',
    arr: 34_000,
    seats: 60,
    active30: 41,
    activePrior30: 44,
    featuresAdopted: 6,
    featuresLicensed: 8,
    lastActivityDaysAgo: 1,
    usageObservedDaysAgo: 1,
    csat: 78,
    npsLatest: 15,
    npsPrevious: 25,
    overdueInvoices: 3,
    daysPastDue: 64,
    failedPayments90d: 2,
    autoPay: false,
    contractStartDaysAgo: 290,
    termMonths: 12,
    renewalInDays: 75,
    autoRenew: false,
    downgradeRequested: true,
    execMeetingDaysAgo: 140,
    checkInMeetings90d: 1,
    openTickets: 2,
    closedTickets: 3,
    urgentEscalations90d: 1,
    csm: 3,
    ae: 0,
    openExpansionDeal: false,
    handoff: 'submitted',
  },
  {
    key: 'onboarding',
    name: 'Lumen Field Labs',
    domain: 'lumen-field-labs.example',
    industry: 'COMPUTER_SOFTWARE',
    arr: 48_000,
    seats: 80,
    active30: 12,
    activePrior30: 0,
    featuresAdopted: 2,
    featuresLicensed: 8,
    lastActivityDaysAgo: 0,
    usageObservedDaysAgo: 1,
    overdueInvoices: 0,
    daysPastDue: 0,
    failedPayments90d: 0,
    autoPay: true,
    contractStartDaysAgo: 12,
    termMonths: 12,
    renewalInDays: 353,
    autoRenew: true,
    downgradeRequested: false,
    execMeetingDaysAgo: 9,
    checkInMeetings90d: 2,
    openTickets: 1,
    closedTickets: 0,
    urgentEscalations90d: 0,
    csm: 0,
    ae: 1,
    openExpansionDeal: false,
    handoff: 'submitted',
  },
];

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** A generated account: its segment sets the size, its archetype the shape of its history. */
export function randomProfile(
  rng: Prng,
  taken: Set<string>,
  csms: number,
  aes: number,
): AccountProfile {
  let name = '';
  do name = `${rng.pick(PREFIXES)} ${rng.pick(SUFFIXES)}`;
  while (taken.has(name));
  taken.add(name);
  const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`;
  const segment = rng.weighted([
    ['enterprise', 15],
    ['mid_market', 35],
    ['smb', 50],
  ] as const);
  const arr =
    Math.round(
      (segment === 'enterprise'
        ? rng.between(100_000, 600_000)
        : segment === 'mid_market'
          ? rng.between(25_000, 99_000)
          : rng.between(4_000, 24_500)) / 100,
    ) * 100;
  const seats = Math.max(5, Math.round(arr / rng.between(450, 800)));
  const archetype: Archetype = rng.weighted([
    ['thriving', 30],
    ['steady', 32],
    ['declining', 15],
    ['silent', 9],
    ['billing', 7],
    ['onboarding', 7],
  ] as const);
  const utilisation = {
    thriving: rng.between(0.75, 1.0),
    steady: rng.between(0.5, 0.8),
    declining: rng.between(0.3, 0.6),
    silent: rng.between(0.05, 0.3),
    billing: rng.between(0.4, 0.75),
    onboarding: rng.between(0.05, 0.35),
  }[archetype];
  const trend = {
    thriving: rng.between(0.95, 1.15),
    steady: rng.between(0.9, 1.08),
    declining: rng.between(0.6, 0.85),
    silent: rng.between(0.3, 0.7),
    billing: rng.between(0.85, 1.05),
    onboarding: rng.between(1.5, 3),
  }[archetype];
  const active30 = clamp(Math.round(seats * utilisation), 0, seats);
  const activePrior30 =
    archetype === 'onboarding' && rng.chance(0.5)
      ? 0
      : clamp(Math.round(active30 / trend), 0, seats);
  const featuresLicensed = rng.int(6, 14);
  const adoption = {
    thriving: 0.8,
    steady: 0.6,
    declining: 0.4,
    silent: 0.2,
    billing: 0.5,
    onboarding: 0.2,
  }[archetype];
  const onboarding = archetype === 'onboarding';
  const contractStartDaysAgo = onboarding ? rng.int(3, 60) : rng.int(120, 1_400);
  const termMonths = segment === 'enterprise' && rng.chance(0.3) ? rng.pick([24, 36]) : 12;
  // Renewal dates spread over the next year, with a few already lapsed.
  const renewalInDays = onboarding
    ? 365 - contractStartDaysAgo
    : rng.chance(0.04)
      ? -rng.int(1, 20)
      : rng.int(5, 365);
  const nps = (base: number) => clamp(Math.round(base + rng.between(-15, 15)), -100, 100);
  const npsBase = {
    thriving: 55,
    steady: 30,
    declining: 5,
    silent: -15,
    billing: 10,
    onboarding: 40,
  }[archetype];
  const surveyed = !onboarding && rng.chance(0.8);
  const billing = archetype === 'billing';
  return {
    name,
    domain,
    industry: rng.pick(INDUSTRIES),
    arr,
    seats,
    active30,
    activePrior30,
    featuresAdopted: clamp(
      Math.round(featuresLicensed * adoption * rng.between(0.8, 1.2)),
      0,
      featuresLicensed,
    ),
    featuresLicensed,
    lastActivityDaysAgo:
      archetype === 'silent'
        ? rng.int(10, 45)
        : archetype === 'declining'
          ? rng.int(1, 10)
          : rng.int(0, 2),
    usageObservedDaysAgo: rng.chance(0.06) ? rng.int(35, 80) : 1,
    csat:
      !onboarding && rng.chance(0.7)
        ? clamp(
            Math.round(
              { thriving: 92, steady: 84, declining: 72, silent: 70, billing: 76, onboarding: 85 }[
                archetype
              ] + rng.between(-8, 8),
            ),
            0,
            100,
          )
        : undefined,
    npsLatest: surveyed ? nps(npsBase) : undefined,
    npsPrevious:
      surveyed && rng.chance(0.85)
        ? nps(npsBase + (archetype === 'declining' || archetype === 'silent' ? 20 : 0))
        : undefined,
    overdueInvoices: billing ? rng.int(1, 4) : rng.chance(0.05) ? 1 : 0,
    daysPastDue: billing ? rng.int(20, 95) : 0,
    failedPayments90d: billing ? rng.int(0, 3) : 0,
    autoPay: billing ? false : rng.chance(0.7),
    contractStartDaysAgo,
    termMonths,
    renewalInDays,
    autoRenew: rng.chance(archetype === 'thriving' ? 0.7 : 0.4),
    downgradeRequested: (archetype === 'declining' || archetype === 'silent') && rng.chance(0.3),
    championLeftDaysAgo:
      (archetype === 'silent' || archetype === 'declining') && rng.chance(0.4)
        ? rng.int(5, 120)
        : undefined,
    execMeetingDaysAgo: {
      thriving: rng.int(5, 80),
      steady: rng.int(30, 200),
      declining: rng.int(90, 300),
      silent: rng.chance(0.5) ? rng.int(150, 400) : undefined,
      billing: rng.int(60, 250),
      onboarding: rng.int(1, 20),
    }[archetype],
    checkInMeetings90d: {
      thriving: rng.int(2, 6),
      steady: rng.int(1, 3),
      declining: rng.int(0, 2),
      silent: 0,
      billing: rng.int(0, 2),
      onboarding: rng.int(2, 5),
    }[archetype],
    openTickets: {
      thriving: rng.int(0, 1),
      steady: rng.int(0, 2),
      declining: rng.int(1, 4),
      silent: 0,
      billing: rng.int(0, 2),
      onboarding: rng.int(0, 3),
    }[archetype],
    closedTickets: onboarding ? rng.int(0, 1) : rng.int(1, 6),
    urgentEscalations90d:
      archetype === 'declining'
        ? rng.int(0, 2)
        : archetype === 'billing' && rng.chance(0.3)
          ? 1
          : 0,
    csm: rng.int(0, csms - 1),
    ae: rng.int(0, aes - 1),
    openExpansionDeal: archetype === 'thriving' && rng.chance(0.25),
    handoff: onboarding && rng.chance(0.4) ? 'draft' : 'submitted',
  };
}
