import { useState } from 'react';
import { Button, Flex, Heading, Text, TextArea } from '@hubspot/ui-extensions';
import { parseSettingsFile, type Settings } from '@csops/core';

export interface ImportSectionProps {
  /** Called with settings the core accepted; the page loads them as the draft and previews them. */
  onImport: (settings: Settings) => void;
}

/** A settings file (e.g. from `csops calibrate`) pasted in, checked by the core before it replaces the draft. */
export function ImportSection({ onImport }: ImportSectionProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Flex direction="column" gap="xs">
      <Heading>Import a settings file</Heading>
      <Text variant="microcopy">
        Paste the JSON that csops calibrate wrote. It is checked and loaded into the form, and the
        impact is previewed; nothing is saved until you press Save settings.
      </Text>
      <TextArea
        label="Settings file (JSON)"
        name="import"
        value={text}
        rows={6}
        resize="vertical"
        onInput={(v) => {
          setText(v);
          setProblem(null);
        }}
        error={problem !== null}
        {...(problem ? { validationMessage: problem } : {})}
        testId="import-text"
      />
      <Button
        onClick={() => {
          const parsed = parseSettingsFile(text);
          if (!parsed.success) return setProblem(parsed.issues.map((i) => i.message).join('; '));
          setText('');
          onImport(parsed.data);
        }}
        testId="import-button"
      >
        Check and load
      </Button>
    </Flex>
  );
}
