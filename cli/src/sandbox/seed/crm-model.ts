import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { formatIssues, issuesFromZod } from '@csops/core';

/** The csops data model the HubSpot app declares (hubspot-app/src/app/functions/lib/crm-model.json). */
const option = z.object({
  label: z.string(),
  value: z.string(),
  displayOrder: z.number().optional(),
  hidden: z.boolean().optional(),
});
const property = z.object({
  name: z.string(),
  label: z.string(),
  type: z.enum(['string', 'number', 'date', 'datetime', 'enumeration', 'bool']),
  fieldType: z.string(),
  groupName: z.string().optional(),
  description: z.string().optional(),
  options: z.array(option).optional(),
  hasUniqueValue: z.boolean().optional(),
});
const crmModelSchema = z.object({
  groups: z.record(z.string(), z.array(z.object({ name: z.string(), label: z.string() }))),
  properties: z.record(z.string(), z.array(property)),
  settingsObject: z.object({
    name: z.string(),
    labels: z.object({ singular: z.string(), plural: z.string() }),
    primaryDisplayProperty: z.string(),
    requiredProperties: z.array(z.string()),
    properties: z.array(property),
  }),
});
export type CrmModel = z.infer<typeof crmModelSchema>;

const MODEL_URL = new URL(
  '../../../../hubspot-app/src/app/functions/lib/crm-model.json',
  import.meta.url,
);

let cached: CrmModel | undefined;

export function loadCrmModel(): CrmModel {
  if (cached) return cached;
  const parsed = crmModelSchema.safeParse(JSON.parse(readFileSync(MODEL_URL, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `crm-model.json is not a valid csops data model:\n${formatIssues(issuesFromZod(parsed.error))}`,
    );
  }
  cached = parsed.data;
  return cached;
}
