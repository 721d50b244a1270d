// @csops/core — the domain. Pure: no I/O, no platform imports, no clock reads (time is a parameter).
export * from './result/result.js';
export * from './result/zod.js';
export * from './time/time.js';
export * from './snapshot/schema.js';
export * from './snapshot/parse.js';
export * from './vocabulary/keys.js';
export * from './settings/schema.js';
export * from './settings/defaults.js';
export * from './settings/migrate.js';
export * from './settings/field-labels.js';
export * from './settings/messages.js';
export * from './settings/text-input.js';
export * from './settings/changes.js';
export * from './settings/file.js';
export * from './settings/band-changes.js';
export * from './health/types.js';
export * from './health/curve.js';
export * from './health/measures.js';
export * from './health/score.js';
export * from './renewal/types.js';
export * from './renewal/risk.js';
export * from './handoff/types.js';
export * from './handoff/schema.js';
export * from './handoff/evaluate.js';
export * from './handoff/submit.js';
export * from './handoff/record.js';
export * from './handoff/limits.js';
export * from './handoff/applies.js';
export * from './playbooks/types.js';
export {
  actionKey,
  duePlaybookActions,
  type PlaybookContext,
  type TriggerFiring,
} from './playbooks/run.js';
export * from './playbooks/ledger.js';
export * from './playbooks/task-list.js';
export { triggerStanding, type TriggerStanding } from './playbooks/holds.js';
export * from './expansion/types.js';
export * from './expansion/draft.js';
export * from './routing/segment.js';
export * from './routing/schema.js';
export * from './routing/assign.js';
export * from './evaluation/evaluate.js';
export * from './vocabulary/labels.js';
export * from './display/numbers.js';
export * from './display/drivers.js';
export * from './display/shares.js';
export * from './writeback/baseline.js';
export * from './writeback/health-result.js';
export * from './writeback/stale.js';
export * from './portfolio/index.js';
export * from './calibration/index.js';
export * from './alerts/log.js';
export * from './alerts/message.js';
export * from './alerts/plan.js';
export * from './alerts/labels.js';
export * from './alerts/sample.js';
