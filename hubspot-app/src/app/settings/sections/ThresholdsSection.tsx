import { useState } from 'react';
import { Flex, Heading, Input } from '@hubspot/ui-extensions';
import { fieldProps } from '../form.js';
import { SettingNumber } from './SettingNumber.js';
import type { SectionProps } from './WeightsSection.js';

/** Parses "180, 120, 90" into numbers; anything else stays as typed so the message can say why. */
function parseStages(text: string): number[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const numbers = parts.map(Number);
  return numbers.every((n) => Number.isInteger(n)) ? numbers : null;
}

export function ThresholdsSection({ draft, issues, readOnly, set }: SectionProps) {
  const [stagesText, setStagesText] = useState(draft.renewal.stages.join(', '));
  const [stagesProblem, setStagesProblem] = useState<string | null>(null);
  const stagesField = fieldProps(issues, 'renewal.stages', readOnly);
  return (
    <Flex direction="column" gap="xs">
      <Heading>Bands, freshness and renewal</Heading>
      <SettingNumber
        label="Green from score"
        path={['bands', 'green']}
        value={draft.bands.green}
        testId="bands-green"
        issues={issues}
        readOnly={readOnly}
        set={set}
      />
      <SettingNumber
        label="Yellow from score"
        path={['bands', 'yellow']}
        value={draft.bands.yellow}
        testId="bands-yellow"
        issues={issues}
        readOnly={readOnly}
        set={set}
      />
      <SettingNumber
        label="Data counts as fresh for (days)"
        path={['freshness', 'defaultDays']}
        value={draft.freshness.defaultDays}
        testId="freshness-days"
        issues={issues}
        readOnly={readOnly}
        set={set}
      />
      <Input
        label="Renewal stages (days before renewal)"
        name="renewal.stages"
        value={stagesText}
        description="Furthest first, e.g. 180, 120, 90, 30"
        onInput={(text) => {
          setStagesText(text);
          const stages = parseStages(text);
          setStagesProblem(stages ? null : 'use whole numbers of days separated by commas');
          if (stages) set(['renewal', 'stages'], stages);
        }}
        testId="renewal-stages"
        {...stagesField}
        error={stagesField.error || stagesProblem !== null}
        validationMessage={stagesProblem ?? stagesField.validationMessage}
      />
    </Flex>
  );
}
