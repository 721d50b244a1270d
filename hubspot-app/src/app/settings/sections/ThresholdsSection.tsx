import { useState } from 'react';
import { Flex, Heading, Input, NumberInput } from '@hubspot/ui-extensions';
import { fieldProps } from '../form.js';
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
      <NumberInput
        label="Green from score"
        name="bands.green"
        value={draft.bands.green}
        onChange={(v) => set(['bands', 'green'], v)}
        testId="bands-green"
        {...fieldProps(issues, 'bands.green', readOnly)}
      />
      <NumberInput
        label="Yellow from score"
        name="bands.yellow"
        value={draft.bands.yellow}
        onChange={(v) => set(['bands', 'yellow'], v)}
        testId="bands-yellow"
        {...fieldProps(issues, 'bands.yellow', readOnly)}
      />
      <NumberInput
        label="Data counts as fresh for (days)"
        name="freshness.defaultDays"
        value={draft.freshness.defaultDays}
        onChange={(v) => set(['freshness', 'defaultDays'], v)}
        testId="freshness-days"
        {...fieldProps(issues, 'freshness.defaultDays', readOnly)}
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
