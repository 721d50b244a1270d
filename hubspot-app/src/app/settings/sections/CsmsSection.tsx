import { Button, Flex, Heading, Input, MultiSelect, Select, Text } from '@hubspot/ui-extensions';
import { SEGMENTS, SEGMENT_LABELS, type Csm } from '@csops/core';
import type { Owner } from '../functions.js';
import { fieldProps } from '../form.js';
import { ownerName, ownerOptions } from './owners.js';
import { SettingNumber } from './SettingNumber.js';
import type { SectionProps } from './WeightsSection.js';

export interface CsmsSectionProps extends SectionProps {
  /** The portal's HubSpot owners; empty when they could not be read, and the id is typed instead. */
  owners: Owner[];
}

export function CsmsSection({ draft, issues, readOnly, set, owners }: CsmsSectionProps) {
  const pick = (i: number, csm: Csm, id: string) => {
    const owner = owners.find((o) => o.id === id);
    set(['csms', i], {
      ...csm,
      id,
      name: csm.name || (owner ? ownerName(owner) : ''),
      ...(csm.email || !owner?.email ? {} : { email: owner.email }),
    });
  };
  const listMessage = issues.find((i) => i.path === 'csms')?.message;
  return (
    <Flex direction="column" gap="xs">
      <Heading>CSMs and capacity</Heading>
      {draft.csms.length === 0 ? (
        <Text>No CSMs yet: handoffs cannot be routed until you add them.</Text>
      ) : null}
      {draft.csms.map((csm, i) => (
        // Wraps at narrow widths instead of squeezing five fields onto one line.
        <Flex key={i} direction="row" gap="xs" align="end" wrap="wrap">
          {owners.length > 0 ? (
            <Select
              label="HubSpot owner"
              name={`csms.${i}.id`}
              value={csm.id}
              placeholder="Pick an owner"
              options={ownerOptions(owners, csm.id)}
              onChange={(v) => pick(i, csm, String(v))}
              testId={`csm-${i}-owner`}
              {...fieldProps(issues, `csms.${i}.id`, readOnly)}
            />
          ) : (
            <Input
              label="HubSpot owner id"
              name={`csms.${i}.id`}
              value={csm.id}
              onInput={(v) => set(['csms', i, 'id'], v)}
              testId={`csm-${i}-id`}
              {...fieldProps(issues, `csms.${i}.id`, readOnly)}
            />
          )}
          <Input
            label="CSM name"
            name={`csms.${i}.name`}
            value={csm.name}
            onInput={(v) => set(['csms', i, 'name'], v)}
            testId={`csm-${i}-name`}
            {...fieldProps(issues, `csms.${i}.name`, readOnly)}
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
              testId={`csm-${i}-remove`}
            >
              Remove
            </Button>
          )}
        </Flex>
      ))}
      {owners.length === 0 && !readOnly ? (
        <Text variant="microcopy" testId="owners-missing">
          HubSpot’s owners could not be listed: type each CSM’s owner id.
        </Text>
      ) : null}
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
      {listMessage ? <Text testId="csms-error">{listMessage}</Text> : null}
    </Flex>
  );
}
