import { useEffect, useState } from 'react';
import { Flex, Heading, Input } from '@hubspot/ui-extensions';
import { renewalStagesFromText, settingsFieldLabel, SIGNAL_GROUPS } from '@csops/core';
import { fieldProps } from '../form.js';
import { SettingNumber } from './SettingNumber.js';
import type { SectionProps } from './WeightsSection.js';

export function ThresholdsSection({ draft, issues, readOnly, set }: SectionProps) {
  const stages = draft.renewal.stages as unknown[];
  const [stagesText, setStagesText] = useState(stages.join(', '));
  useEffect(() => {
    // Restored or imported stages replace the text; the admin's own spacing stays while typing.
    setStagesText((typed) =>
      JSON.stringify(renewalStagesFromText(typed)) === JSON.stringify(stages)
        ? typed
        : stages.join(', '),
    );
  }, [stages]);
  return (
    <Flex direction="column" gap="xs">
      <Heading>Bands, freshness and renewal</Heading>
      <SettingNumber
        path={['bands', 'green']}
        value={draft.bands.green}
        testId="bands-green"
        issues={issues}
        readOnly={readOnly}
        set={set}
      />
      <SettingNumber
        path={['bands', 'yellow']}
        value={draft.bands.yellow}
        testId="bands-yellow"
        issues={issues}
        readOnly={readOnly}
        set={set}
      />
      <SettingNumber
        path={['freshness', 'defaultDays']}
        value={draft.freshness.defaultDays}
        testId="freshness-days"
        issues={issues}
        readOnly={readOnly}
        set={set}
      />
      {SIGNAL_GROUPS.map((group) => (
        <SettingNumber
          key={group}
          path={['freshness', 'groupDays', group]}
          value={draft.freshness.groupDays[group]}
          testId={`freshness-${group}`}
          description={`Blank: ${draft.freshness.defaultDays} days, as for any other data`}
          optional
          issues={issues}
          readOnly={readOnly}
          set={set}
        />
      ))}
      <Input
        label={`${settingsFieldLabel('renewal.stages')} (days before renewal)`}
        name="renewal.stages"
        value={stagesText}
        description="Furthest first, e.g. 180, 120, 90, 30"
        onInput={(text) => {
          setStagesText(text);
          set(['renewal', 'stages'], renewalStagesFromText(text));
        }}
        testId="renewal-stages"
        {...fieldProps(issues, 'renewal.stages', readOnly)}
      />
    </Flex>
  );
}
