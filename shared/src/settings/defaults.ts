// Default settings: a reasonable starting model for a B2B SaaS book, meant to be calibrated
// (csops calibrate) and adjusted by the admin. Curves are [signal value, measure points 0–100].
import type { Settings } from './schema.js';

export const DEFAULT_SETTINGS: Settings = {
  version: 3,
  measures: {
    usage: {
      weight: 25,
      signals: {
        seatUtilisation: {
          weight: 2,
          curve: [
            [0, 0],
            [30, 25],
            [60, 70],
            [80, 100],
          ],
        },
        activeUserTrend: {
          weight: 1,
          curve: [
            [-50, 0],
            [-25, 50],
            [-5, 100],
          ],
        },
        daysSinceActivity: {
          weight: 1,
          curve: [
            [0, 100],
            [7, 90],
            [30, 30],
            [60, 0],
          ],
        },
      },
    },
    adoption: {
      weight: 15,
      signals: {
        featureAdoption: {
          weight: 1,
          curve: [
            [0, 0],
            [25, 40],
            [50, 75],
            [75, 100],
          ],
        },
      },
    },
    support: {
      weight: 10,
      signals: {
        openTickets: {
          weight: 1,
          curve: [
            [0, 100],
            [3, 70],
            [10, 20],
            [20, 0],
          ],
        },
        tickets30d: {
          weight: 1,
          curve: [
            [0, 100],
            [5, 80],
            [20, 30],
            [50, 0],
          ],
        },
        escalations90d: {
          weight: 1,
          curve: [
            [0, 100],
            [1, 60],
            [3, 10],
            [5, 0],
          ],
        },
        csat: {
          weight: 2,
          curve: [
            [0, 0],
            [60, 30],
            [80, 80],
            [95, 100],
          ],
        },
      },
    },
    engagement: {
      weight: 15,
      signals: {
        daysSinceExecutiveMeeting: {
          weight: 1,
          curve: [
            [0, 100],
            [90, 80],
            [180, 30],
            [365, 0],
          ],
        },
        championPresent: {
          weight: 2,
          curve: [
            [0, 0],
            [1, 100],
          ],
        },
        meetings90d: {
          weight: 1,
          curve: [
            [0, 0],
            [1, 50],
            [3, 90],
            [6, 100],
          ],
        },
      },
    },
    sentiment: {
      weight: 10,
      signals: {
        nps: {
          weight: 2,
          curve: [
            [-100, 0],
            [-20, 25],
            [0, 45],
            [30, 75],
            [60, 100],
          ],
        },
        npsChange: {
          weight: 1,
          curve: [
            [-40, 0],
            [-10, 50],
            [0, 100],
          ],
        },
      },
    },
    billing: {
      weight: 10,
      signals: {
        daysPastDue: {
          weight: 2,
          curve: [
            [0, 100],
            [15, 70],
            [45, 30],
            [90, 0],
          ],
        },
        overdueInvoices: {
          weight: 1,
          curve: [
            [0, 100],
            [1, 60],
            [3, 10],
          ],
        },
        failedPayments90d: {
          weight: 1,
          curve: [
            [0, 100],
            [1, 60],
            [3, 0],
          ],
        },
        autoPay: {
          weight: 1,
          curve: [
            [0, 50],
            [1, 100],
          ],
        },
        paperlessBilling: {
          weight: 0,
          curve: [
            [0, 100],
            [1, 100],
          ],
        },
      },
    },
    contract: {
      weight: 10,
      signals: {
        tenureMonths: {
          weight: 2,
          curve: [
            [0, 20],
            [6, 50],
            [12, 70],
            [24, 90],
            [48, 100],
          ],
        },
        termMonths: {
          weight: 2,
          curve: [
            [1, 30],
            [12, 80],
            [24, 100],
          ],
        },
        autoRenew: {
          weight: 1,
          curve: [
            [0, 50],
            [1, 100],
          ],
        },
      },
    },
    onboarding: {
      weight: 0,
      signals: {
        onboardingProgress: {
          weight: 1,
          curve: [
            [0, 0],
            [50, 60],
            [100, 100],
          ],
        },
        overdueMilestones: {
          weight: 2,
          curve: [
            [0, 100],
            [1, 50],
            [3, 0],
          ],
        },
      },
    },
  },
  bands: { green: 70, yellow: 45 },
  freshness: {
    defaultDays: 30,
    groupDays: { contract: 400, sentiment: 180, engagement: 90 },
  },
  trend: { flatWithin: 3 },
  renewal: {
    stages: [180, 120, 90, 30],
    riskPoints: {
      red: 3,
      yellow: 1,
      decliningTrend: 1,
      championLeft: 2,
      billingTrouble: 2,
      downgradeRequested: 2,
      lowCoverage: 1,
      closeToRenewal: 1,
      renewalLapsed: 2,
    },
    levels: { medium: 2, high: 4, critical: 6 },
    arrAtRiskShare: { low: 0, medium: 0.25, high: 0.6, critical: 1 },
    championLeftWithinDays: 120,
    decliningTrendPoints: 5,
    lowCoverageBelow: 0.5,
    closeToRenewalDays: 30,
  },
  expansion: {
    seatUtilisationOver: 90,
    targetSeatUtilisation: 75,
    adoptionMilestonePercent: 80,
    healthyWithinMonthsOfRenewal: 6,
    minHealthScore: 70,
    minUsageScore: 70,
    upliftPercent: 20,
    closeInDays: 60,
    dealType: 'existingbusiness',
  },
  handoff: {
    items: {
      customerGoals: { required: true, weight: 15 },
      successCriteria: { required: true, weight: 15 },
      technicalRequirements: { required: false, weight: 8 },
      implementationRequirements: { required: true, weight: 10 },
      stakeholders: { required: true, weight: 15 },
      competitiveAlternatives: { required: false, weight: 5 },
      promisesMade: { required: false, weight: 7 },
      contractExecuted: { required: true, weight: 10 },
      paymentTermsConfirmed: { required: true, weight: 5 },
      kickoffDate: { required: true, weight: 10 },
    },
    requiredStakeholderRoles: ['champion', 'executive_sponsor', 'admin'],
  },
  segments: { enterpriseMinArr: 100_000, midMarketMinArr: 25_000 },
  csms: [],
  team: {},
  alerts: { cooldownHours: 24, channels: [] },
  playbooks: [
    {
      id: 'onboarding',
      name: 'Onboarding',
      kind: 'onboarding',
      enabled: true,
      trigger: { type: 'handoff_submitted', withinDays: 90 },
      steps: [
        {
          key: 'kickoff',
          type: 'task',
          title: 'Hold the kickoff call',
          dueInDays: 3,
          assignee: 'csm',
        },
        {
          key: 'plan',
          type: 'task',
          title: 'Share the success plan with the champion',
          dueInDays: 7,
          assignee: 'csm',
        },
        {
          key: 'first-value',
          type: 'task',
          title: 'Confirm first value with the customer',
          dueInDays: 30,
          assignee: 'csm',
        },
        {
          key: 'escalate',
          type: 'escalation',
          title: 'Kickoff not held: escalate to CS manager',
          afterHours: 120,
          assignee: 'manager',
        },
      ],
    },
    {
      id: 'health-red',
      name: 'Red health recovery',
      kind: 'risk',
      enabled: true,
      trigger: { type: 'health_below_band', band: 'red' },
      steps: [
        {
          key: 'alert',
          type: 'alert',
          title: 'Health dropped to red',
          dueInDays: 0,
          assignee: 'csm',
        },
        {
          key: 'diagnose',
          type: 'task',
          title: 'Review the drivers and call the champion',
          dueInDays: 2,
          assignee: 'csm',
        },
        {
          key: 'escalate',
          type: 'escalation',
          title: 'Red account without a recovery plan: escalate',
          afterHours: 48,
          assignee: 'manager',
        },
      ],
    },
    {
      id: 'usage-drop',
      name: 'Usage drop',
      kind: 'risk',
      enabled: true,
      trigger: { type: 'usage_drop', percent: 30 },
      steps: [
        {
          key: 'investigate',
          type: 'task',
          title: 'Find out why active users fell',
          dueInDays: 3,
          assignee: 'csm',
        },
      ],
    },
    {
      id: 'champion-left',
      name: 'Champion left',
      kind: 'risk',
      enabled: true,
      trigger: { type: 'champion_left' },
      steps: [
        {
          key: 'new-champion',
          type: 'task',
          title: 'Identify and meet a new champion',
          dueInDays: 7,
          assignee: 'csm',
        },
        {
          key: 'exec',
          type: 'task',
          title: 'Re-confirm the executive sponsor',
          dueInDays: 14,
          assignee: 'csm',
        },
        {
          key: 'escalate',
          type: 'escalation',
          title: 'No new champion: escalate',
          afterHours: 336,
          assignee: 'manager',
        },
      ],
    },
    {
      id: 'renewal-120',
      name: 'Renewal: 120 days out',
      kind: 'renewal',
      enabled: true,
      trigger: { type: 'renewal_due', daysOut: 120 },
      steps: [
        {
          key: 'review',
          type: 'task',
          title: 'Run the renewal readiness review',
          dueInDays: 7,
          assignee: 'csm',
        },
      ],
    },
    {
      id: 'renewal-90',
      name: 'Renewal: 90 days out',
      kind: 'renewal',
      enabled: true,
      trigger: { type: 'renewal_due', daysOut: 90 },
      steps: [
        {
          key: 'quote',
          type: 'task',
          title: 'Send the renewal proposal',
          dueInDays: 14,
          assignee: 'owner',
        },
        {
          key: 'ebr',
          type: 'task',
          title: 'Hold an executive business review',
          dueInDays: 30,
          assignee: 'csm',
        },
      ],
    },
    {
      id: 'renewal-30',
      name: 'Renewal: 30 days out',
      kind: 'renewal',
      enabled: true,
      trigger: { type: 'renewal_due', daysOut: 30 },
      steps: [
        {
          key: 'commit',
          type: 'task',
          title: 'Get the renewal signed or commit the forecast',
          dueInDays: 7,
          assignee: 'owner',
        },
        {
          key: 'escalate',
          type: 'escalation',
          title: 'Renewal unsigned 30 days out: escalate',
          afterHours: 240,
          assignee: 'manager',
        },
      ],
    },
    {
      id: 'seat-expansion',
      name: 'Seat expansion',
      kind: 'expansion',
      enabled: true,
      trigger: { type: 'seat_utilisation_over', percent: 90 },
      steps: [
        {
          key: 'propose',
          type: 'task',
          title: 'Propose additional seats',
          dueInDays: 7,
          assignee: 'owner',
        },
      ],
    },
    {
      id: 'renewal-lapsed',
      name: 'Renewal date passed',
      kind: 'renewal',
      enabled: true,
      trigger: { type: 'renewal_lapsed' },
      steps: [
        {
          key: 'confirm',
          type: 'task',
          title: 'Confirm renewed or churned, and record the new renewal date',
          dueInDays: 2,
          assignee: 'owner',
        },
      ],
    },
  ],
};

/** Settings are plain JSON data, so a JSON round trip is a faithful deep copy. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A fresh copy of the defaults, safe to edit. */
export function defaultSettings(): Settings {
  return clone(DEFAULT_SETTINGS);
}
