import {
  Button,
  Flex,
  Heading,
  Input,
  MultiSelect,
  NumberInput,
  Text,
} from '@hubspot/ui-extensions';
import { SEGMENTS, SEGMENT_LABELS } from '@csops/core';
import { fieldProps } from '../form.js';
import type { SectionProps } from './WeightsSection.js';

export function SegmentsSection({ draft, issues, readOnly, set }: SectionProps) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Segments and CSM capacity</Heading>
      <NumberInput
        label="Enterprise from ARR"
        name="segments.enterpriseMinArr"
        value={draft.segments.enterpriseMinArr}
        onChange={(v) => set(['segments', 'enterpriseMinArr'], v)}
        testId="segments-enterprise"
        {...fieldProps(issues, 'segments.enterpriseMinArr', readOnly)}
      />
      <NumberInput
        label="Mid-Market from ARR"
        name="segments.midMarketMinArr"
        value={draft.segments.midMarketMinArr}
        onChange={(v) => set(['segments', 'midMarketMinArr'], v)}
        testId="segments-midmarket"
        {...fieldProps(issues, 'segments.midMarketMinArr', readOnly)}
      />
      {draft.csms.length === 0 ? (
        <Text>No CSMs yet: handoffs cannot be routed until you add them.</Text>
      ) : null}
      {draft.csms.map((csm, i) => (
        <Flex key={i} direction="row" gap="xs" align="end">
          <Input
            label="CSM name"
            name={`csms.${i}.name`}
            value={csm.name}
            onInput={(v) => set(['csms', i, 'name'], v)}
            testId={`csm-${i}-name`}
            {...fieldProps(issues, `csms.${i}.name`, readOnly)}
          />
          <Input
            label="HubSpot owner id"
            name={`csms.${i}.id`}
            value={csm.id}
            onInput={(v) => set(['csms', i, 'id'], v)}
            testId={`csm-${i}-id`}
            {...fieldProps(issues, `csms.${i}.id`, readOnly)}
          />
          <MultiSelect
            label="Segments"
            name={`csms.${i}.segments`}
            value={csm.segments}
            options={SEGMENTS.map((s) => ({ value: s, label: SEGMENT_LABELS[s] }))}
            onChange={(v) => set(['csms', i, 'segments'], v)}
            testId={`csm-${i}-segments`}
            {...fieldProps(issues, `csms.${i}.segments`, readOnly)}
          />
          <NumberInput
            label="Max ARR"
            name={`csms.${i}.maxArr`}
            value={csm.maxArr}
            onChange={(v) => set(['csms', i, 'maxArr'], v)}
            testId={`csm-${i}-max-arr`}
            {...fieldProps(issues, `csms.${i}.maxArr`, readOnly)}
          />
          <NumberInput
            label="Max accounts"
            name={`csms.${i}.maxAccounts`}
            value={csm.maxAccounts}
            onChange={(v) => set(['csms', i, 'maxAccounts'], v)}
            testId={`csm-${i}-max-accounts`}
            {...fieldProps(issues, `csms.${i}.maxAccounts`, readOnly)}
          />
          {readOnly ? null : (
            <Button
              variant="transparent"
              onClick={() =>
                set(
                  ['csms'],
                  draft.csms.filter((_, j) => j !== i),
                )
              }
            >
              Remove
            </Button>
          )}
        </Flex>
      ))}
      {readOnly ? null : (
        <Button
          onClick={() =>
            set(
              ['csms'],
              [
                ...draft.csms,
                { id: '', name: '', segments: ['smb'], maxArr: 1_000_000, maxAccounts: 40 },
              ],
            )
          }
          testId="add-csm"
        >
          Add CSM
        </Button>
      )}
      {fieldProps(issues, 'csms', readOnly).validationMessage &&
      issues.some((i) => i.path === 'csms') ? (
        <Text testId="csms-error">{fieldProps(issues, 'csms', readOnly).validationMessage}</Text>
      ) : null}
    </Flex>
  );
}
