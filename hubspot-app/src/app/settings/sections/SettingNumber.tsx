import { NumberInput } from '@hubspot/ui-extensions';
import { fieldProps } from '../form.js';
import type { SectionProps } from './WeightsSection.js';

interface SettingNumberProps extends Omit<SectionProps, 'draft'> {
  /** Where the number lives in the settings; it names the input, routes edits and picks its messages. */
  path: (string | number)[];
  value: number;
  label: string;
  testId: string;
  description?: string;
  min?: number;
}

/** A number in the settings form, bound to one settings path so name, edits and messages never drift apart. */
export function SettingNumber({ path, issues, readOnly, set, ...input }: SettingNumberProps) {
  const name = path.join('.');
  return (
    <NumberInput
      {...input}
      name={name}
      onChange={(v) => set(path, v)}
      {...fieldProps(issues, name, readOnly)}
    />
  );
}
