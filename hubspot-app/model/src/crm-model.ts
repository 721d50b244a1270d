import { z } from 'zod';
import { formatIssues, issuesFromZod } from '@csops/core';

import declared from '../crm-model.json' with { type: 'json' };

/** The csops data model the HubSpot app declares in HubSpot (crm-model.json beside this package). */
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
export type CrmProperty = z.infer<typeof property>;

function parseCrmModel(): CrmModel {
  const parsed = crmModelSchema.safeParse(declared);
  if (!parsed.success) {
    throw new Error(
      `crm-model.json is not a valid csops data model:\n${formatIssues(issuesFromZod(parsed.error))}`,
    );
  }
  return parsed.data;
}

/** The model, checked against its schema when the package loads: a broken model fails at once. */
export const crmModel: CrmModel = parseCrmModel();
