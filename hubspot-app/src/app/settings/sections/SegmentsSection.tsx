import { Button, Flex, Heading, Input, MultiSelect, Text } from '@hubspot/ui-extensions';
import { SEGMENTS, SEGMENT_LABELS } from '@csops/core';
import { fieldProps } from '../form.js';
import { SettingNumber } from './SettingNumber.js';
import type { SectionProps } from './WeightsSection.js';

export function SegmentsSection({ draft, issues, readOnly, set }: SectionProps) {
  return (
    <Flex direction="column" gap="xs">
      <Heading>Segments and CSM capacity</Heading>
      <SettingNumber
        label={`${SEGMENT_LABELS.enterprise} from ARR`}
        path={['segments', 'enterpriseMinArr']}
        value={draft.segments.enterpriseMinArr}
        testId="segments-enterprise"
        issues={issues}
        readOnly={readOnly}
        set={set}
      />
      <SettingNumber
        label={`${SEGMENT_LABELS.mid_market} from ARR`}
        path={['segments', 'midMarketMinArr']}
        value={draft.segments.midMarketMinArr}
        testId="segments-midmarket"
        issues={issues}
        readOnly={readOnly}
        set={set}
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
          <SettingNumber
            label="Max ARR"
            path={['csms', i, 'maxArr']}
            value={csm.maxArr}
            testId={`csm-${i}-max-arr`}
            issues={issues}
            readOnly={readOnly}
            set={set}
          />
          <SettingNumber
            label="Max accounts"
            path={['csms', i, 'maxAccounts']}
            value={csm.maxAccounts}
            testId={`csm-${i}-max-accounts`}
            issues={issues}
            readOnly={readOnly}
            set={set}
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
