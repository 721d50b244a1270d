import * as z from 'zod/mini';
import { segmentSchema } from '../snapshot/segment.js';
import {
  ALERT_EVENTS,
  BANDS,
  EXISTING_BUSINESS_DEAL_TYPE,
  MEASURE_SIGNALS,
  HANDOFF_ITEM_KEYS,
  PLAYBOOK_KINDS,
  SETTINGS_VERSION,
  STAKEHOLDER_ROLES,
  type HandoffItemKey,
} from '../vocabulary/keys.js';
import { settingsFieldLabel } from './field-labels.js';

export const bandSchema = z.enum(BANDS);
export const stakeholderRoleSchema = z.enum(STAKEHOLDER_ROLES);

const weight = z.number().check(z.minimum(0), z.maximum(1000));
const percent = z.number().check(z.minimum(0), z.maximum(100));

/** Piecewise-linear map from a signal's value to 0–100 points; flat beyond its ends. */
export const curveSchema = z.array(z.tuple([z.number(), percent])).check(
  z.minLength(2),
  z.refine(
    (points) => points.every((p, i) => i === 0 || p[0] > (points[i - 1]?.[0] ?? -Infinity)),
    'must list its points in strictly increasing order of the signal value',
  ),
);
export type Curve = z.infer<typeof curveSchema>;

const signalSettingSchema = z.object({ weight, curve: curveSchema });
export type SignalSetting = z.infer<typeof signalSettingSchema>;

function measureSchema<const K extends readonly string[]>(keys: K) {
  const signals = Object.fromEntries(keys.map((k) => [k, signalSettingSchema])) as {
    [P in K[number]]: typeof signalSettingSchema;
  };
  return z.object({ weight, signals: z.object(signals) });
}

const measuresSchema = z
  .object({
    usage: measureSchema(MEASURE_SIGNALS.usage),
    adoption: measureSchema(MEASURE_SIGNALS.adoption),
    support: measureSchema(MEASURE_SIGNALS.support),
    engagement: measureSchema(MEASURE_SIGNALS.engagement),
    sentiment: measureSchema(MEASURE_SIGNALS.sentiment),
    billing: measureSchema(MEASURE_SIGNALS.billing),
    contract: measureSchema(MEASURE_SIGNALS.contract),
    onboarding: measureSchema(MEASURE_SIGNALS.onboarding),
  })
  .check(
    z.refine((m) => Object.values(m).some((x) => x.weight > 0), {
      message: 'At least one health measure needs a weight above 0',
    }),
  );

const assigneeSchema = z.enum(['csm', 'owner', 'manager']);
const stepSchema = z.discriminatedUnion('type', [
  z.object({
    key: z.string().check(z.minLength(1)),
    type: z.literal('task'),
    title: z.string().check(z.minLength(1)),
    dueInDays: z.number().check(z.int(), z.minimum(0), z.maximum(365)),
    assignee: assigneeSchema,
  }),
  z.object({
    key: z.string().check(z.minLength(1)),
    type: z.literal('alert'),
    title: z.string().check(z.minLength(1)),
    dueInDays: z.number().check(z.int(), z.minimum(0), z.maximum(365)),
    assignee: assigneeSchema,
  }),
  z.object({
    key: z.string().check(z.minLength(1)),
    type: z.literal('escalation'),
    title: z.string().check(z.minLength(1)),
    afterHours: z.number().check(z.int(), z.minimum(1), z.maximum(24 * 365)),
    assignee: assigneeSchema,
  }),
]);
export type PlaybookStep = z.infer<typeof stepSchema>;

export const triggerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('handoff_submitted'),
    /** Onboarding steps stop being due this many days after submission, even if first value is never recorded. */
    withinDays: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(730)), 90),
  }),
  z.object({ type: z.literal('health_below_band'), band: z.enum(['yellow', 'red']) }),
  z.object({ type: z.literal('usage_drop'), percent: z.number().check(z.gt(0), z.maximum(100)) }),
  z.object({ type: z.literal('champion_left') }),
  /** The renewal date has passed and no new one is recorded: renewed or churned, nobody said. */
  z.object({ type: z.literal('renewal_lapsed') }),
  z.object({
    type: z.literal('renewal_due'),
    daysOut: z.number().check(z.int(), z.minimum(1), z.maximum(730)),
  }),
  z.object({
    type: z.literal('seat_utilisation_over'),
    percent: z.number().check(z.gt(0), z.maximum(1000)),
  }),
]);
export type PlaybookTrigger = z.infer<typeof triggerSchema>;

const playbookSchema = z.object({
  id: z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'must use lowercase letters, digits and dashes')),
  name: z.string().check(z.minLength(1)),
  kind: z.enum(PLAYBOOK_KINDS),
  enabled: z.boolean(),
  trigger: triggerSchema,
  steps: z.array(stepSchema).check(z.minLength(1, 'needs at least one step')),
});
export type Playbook = z.infer<typeof playbookSchema>;

export const csmSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  email: z.optional(z.email()),
  segments: z.array(segmentSchema).check(z.minLength(1)),
  maxArr: z.number().check(z.positive()),
  maxAccounts: z.number().check(z.int(), z.positive()),
});
export type Csm = z.infer<typeof csmSchema>;

const renewalSchema = z.object({
  stages: z.array(z.number().check(z.int(), z.minimum(1), z.maximum(730))).check(
    z.minLength(1),
    z.refine(
      (s) => s.every((d, i) => i === 0 || d < (s[i - 1] ?? Infinity)),
      'must run from furthest to nearest, each once',
    ),
  ),
  riskPoints: z.object({
    red: weight,
    yellow: weight,
    decliningTrend: weight,
    championLeft: weight,
    billingTrouble: weight,
    downgradeRequested: weight,
    lowCoverage: weight,
    closeToRenewal: weight,
    renewalLapsed: weight,
  }),
  levels: z
    .object({ medium: weight, high: weight, critical: weight })
    .check(
      z.refine(
        (l) => l.medium <= l.high && l.high <= l.critical,
        'must rise: medium ≤ high ≤ critical',
      ),
    ),
  arrAtRiskShare: z.object({
    low: z.number().check(z.minimum(0), z.maximum(1)),
    medium: z.number().check(z.minimum(0), z.maximum(1)),
    high: z.number().check(z.minimum(0), z.maximum(1)),
    critical: z.number().check(z.minimum(0), z.maximum(1)),
  }),
  championLeftWithinDays: z.number().check(z.int(), z.minimum(1), z.maximum(730)),
  decliningTrendPoints: z.number().check(z.minimum(0), z.maximum(100)),
  lowCoverageBelow: z.number().check(z.minimum(0), z.maximum(1)),
  closeToRenewalDays: z.number().check(z.int(), z.minimum(1), z.maximum(730)),
});

const alertChannelSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'needs a channel name, e.g. #cs-alerts')),
  webhookSecret: z
    .string()
    .check(
      z.regex(
        /^[A-Z][A-Z0-9_]{0,63}$/,
        'must be the name of the secret holding the webhook URL (capitals, digits and _), e.g. CSOPS_SLACK_WEBHOOK_URL',
      ),
    ),
  events: z
    .array(z.enum(ALERT_EVENTS))
    .check(z.minLength(1, 'must choose at least one event to send')),
});
export type AlertChannel = z.infer<typeof alertChannelSchema>;

const alertsSchema = z.object({
  /** The same event for the same account is not sent again within this many hours. */
  cooldownHours: z.number().check(z.int(), z.minimum(1), z.maximum(24 * 90)),
  channels: z.array(alertChannelSchema),
});

const groupDays = z.number().check(z.int(), z.minimum(1), z.maximum(3650));

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  measures: measuresSchema,
  bands: z.object({ green: percent, yellow: percent }).check(
    z.refine((b) => b.green > b.yellow, {
      message: `must be above ${settingsFieldLabel('bands.yellow')}`,
      path: ['green'],
    }),
  ),
  freshness: z.object({
    defaultDays: groupDays,
    // Groups without their own window use defaultDays.
    groupDays: z.object({
      contract: z.optional(groupDays),
      usage: z.optional(groupDays),
      support: z.optional(groupDays),
      engagement: z.optional(groupDays),
      sentiment: z.optional(groupDays),
      billing: z.optional(groupDays),
      onboarding: z.optional(groupDays),
    }),
  }),
  trend: z.object({ flatWithin: z.number().check(z.minimum(0), z.maximum(50)) }),
  renewal: renewalSchema,
  expansion: z.object({
    seatUtilisationOver: z.number().check(z.gt(0), z.maximum(1000)),
    targetSeatUtilisation: z.number().check(z.gt(0), z.maximum(100)),
    adoptionMilestonePercent: percent,
    healthyWithinMonthsOfRenewal: z.number().check(z.minimum(0), z.maximum(24)),
    minHealthScore: percent,
    /** "Usage is high": the usage measure's score at least this, beside the health score. */
    minUsageScore: percent,
    upliftPercent: z.number().check(z.gt(0), z.maximum(500)),
    closeInDays: z.number().check(z.int(), z.minimum(1), z.maximum(730)),
    /**
     * The deal type csops gives the expansion deals it creates. Settings saved before it existed
     * read as HubSpot's existing business, so they need no new version.
     */
    dealType: z._default(
      z
        .string()
        .check(
          z.trim(),
          z.regex(
            /^[A-Za-z0-9_-]{1,100}$/,
            'must be a deal type’s internal value (letters, digits, - and _), e.g. existingbusiness',
          ),
        ),
      EXISTING_BUSINESS_DEAL_TYPE,
    ),
  }),
  handoff: z.object({
    items: z.object(
      Object.fromEntries(
        HANDOFF_ITEM_KEYS.map((k) => [k, z.object({ required: z.boolean(), weight })]),
      ) as Record<
        HandoffItemKey,
        z.ZodMiniObject<{ required: z.ZodMiniBoolean; weight: typeof weight }>
      >,
    ),
    requiredStakeholderRoles: z.array(stakeholderRoleSchema),
  }),
  segments: z
    .object({
      enterpriseMinArr: z.number().check(z.positive()),
      midMarketMinArr: z.number().check(z.positive()),
    })
    .check(
      z.refine((s) => s.enterpriseMinArr > s.midMarketMinArr, {
        message: `must be above ${settingsFieldLabel('segments.midMarketMinArr')}`,
        path: ['enterpriseMinArr'],
      }),
    ),
  csms: z
    .array(csmSchema)
    .check(
      z.refine(
        (c) => new Set(c.map((x) => x.id)).size === c.length,
        'Each HubSpot owner can be one CSM only',
      ),
    ),
  /**
   * Who csops hands escalations to. Settings saved before it existed read as "nobody named", so
   * escalations go to the account's CSM until an admin names the CS manager.
   */
  team: z._default(
    z.object({
      manager: z.optional(
        z.object({
          id: z.string().check(z.trim(), z.minLength(1, 'must name a HubSpot owner')),
          name: z.string().check(z.trim(), z.minLength(1)),
        }),
      ),
    }),
    {},
  ),
  /** Slack alerts. The webhook URL is a secret: settings name the secret, never hold the URL. */
  alerts: z._default(alertsSchema, { cooldownHours: 24, channels: [] }),
  playbooks: z
    .array(playbookSchema)
    .check(
      z.refine(
        (p) => new Set(p.map((x) => x.id)).size === p.length,
        'Each playbook needs its own id',
      ),
    ),
});

export type Settings = z.infer<typeof settingsSchema>;
