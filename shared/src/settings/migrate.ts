import * as z from 'zod/mini';
import { fail, ok, type Result } from '../result/result.js';
import { safeParse } from '../result/zod.js';
import { settingsIssuesFromZod } from './messages.js';
import { clone, DEFAULT_SETTINGS } from './defaults.js';
import { fromV2 } from './migrate-v2.js';
import { SETTINGS_VERSION } from '../vocabulary/keys.js';
import { settingsSchema, type Settings } from './schema.js';

const weight = z.number().check(z.minimum(0));

/** Version 1 kept one flat weight per measure, two band cut-offs and a single freshness window. */
const settingsV1Schema = z.object({
  version: z.literal(1),
  weights: z.object({
    usage: z.optional(weight),
    adoption: z.optional(weight),
    support: z.optional(weight),
    engagement: z.optional(weight),
    sentiment: z.optional(weight),
    billing: z.optional(weight),
  }),
  greenMin: z.number().check(z.minimum(0), z.maximum(100)),
  yellowMin: z.number().check(z.minimum(0), z.maximum(100)),
  freshnessDays: z.optional(z.number().check(z.int(), z.minimum(1))),
  renewalStages: z.optional(z.array(z.number().check(z.int(), z.positive()))),
});
type SettingsV1 = z.infer<typeof settingsV1Schema>;

function fromV1(v1: SettingsV1): unknown {
  const measures = clone(DEFAULT_SETTINGS.measures);
  for (const [key, w] of Object.entries(v1.weights)) {
    if (w !== undefined) measures[key as keyof typeof v1.weights].weight = w;
  }
  // v1 had no contract or onboarding measure: keep them out of the score until an admin opts in.
  measures.contract.weight = 0;
  measures.onboarding.weight = 0;
  return {
    ...clone(DEFAULT_SETTINGS),
    measures,
    bands: { green: v1.greenMin, yellow: v1.yellowMin },
    freshness: {
      ...DEFAULT_SETTINGS.freshness,
      defaultDays: v1.freshnessDays ?? DEFAULT_SETTINGS.freshness.defaultDays,
    },
    renewal: {
      ...DEFAULT_SETTINGS.renewal,
      stages: v1.renewalStages ?? DEFAULT_SETTINGS.renewal.stages,
    },
    version: SETTINGS_VERSION,
  };
}

const versionSchema = z.object({ version: z.number().check(z.int(), z.minimum(1)) });

/**
 * Reads settings of any known version: older versions are migrated, then everything is validated
 * against the current schema. Refused settings come back with one message per field.
 */
export function parseSettings(input: unknown): Result<Settings> {
  const v = safeParse(versionSchema, input);
  if (!v.success) return fail(settingsIssuesFromZod(v.error, input));
  let current: unknown = input;
  if (v.data.version === 1) {
    const v1 = safeParse(settingsV1Schema, input);
    if (!v1.success) return fail(settingsIssuesFromZod(v1.error, input));
    current = fromV1(v1.data);
  } else if (v.data.version === 2) {
    current = fromV2(input as Record<string, unknown>);
  } else if (v.data.version > SETTINGS_VERSION) {
    return fail([
      {
        path: 'version',
        message: `Settings version ${v.data.version} is newer than this csops understands (${SETTINGS_VERSION})`,
      },
    ]);
  }
  const parsed = safeParse(settingsSchema, current);
  return parsed.success ? ok(parsed.data) : fail(settingsIssuesFromZod(parsed.error, current));
}
