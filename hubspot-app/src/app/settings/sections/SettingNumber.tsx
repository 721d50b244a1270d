import { useEffect, useState } from 'react';
import { Input } from '@hubspot/ui-extensions';
import {
  optionalSettingsNumberFromText,
  settingsFieldLabel,
  settingsNumberFromText,
  settingsNumberText,
} from '@csops/core';
import { fieldProps } from '../form.js';
import type { SectionProps } from './WeightsSection.js';

interface SettingNumberProps extends Omit<SectionProps, 'draft'> {
  /** Where the number lives in the settings; it names the input, routes edits and picks its messages. */
  path: (string | number)[];
  value: unknown;
  testId: string;
  /** The core's name for the field unless the row gives it a shorter one ("Max ARR"). */
  label?: string;
  description?: string;
  /** Left blank, the setting is removed and its default applies (instead of being refused). */
  optional?: boolean;
}

/**
 * A number in the settings form, bound to one settings path so name, edits and messages never
 * drift apart. A text input, not NumberInput: a number input reports nothing for a blank or
 * "abc", which left the old value in the draft and saved it. Every keystroke goes to the draft as
 * the core reads it, so what the admin sees is what is checked and saved.
 */
export function SettingNumber({
  path,
  value,
  issues,
  readOnly,
  set,
  label,
  optional = false,
  ...input
}: SettingNumberProps) {
  const name = path.join('.');
  const read = optional ? optionalSettingsNumberFromText : settingsNumberFromText;
  const [text, setText] = useState(settingsNumberText(value));
  useEffect(() => {
    // A value from outside (a reload, an import) replaces the text; the admin's own "1." stays.
    setText((typed) => (read(typed) === value ? typed : settingsNumberText(value)));
  }, [value]);
  return (
    <Input
      {...input}
      label={label ?? settingsFieldLabel(path)}
      name={name}
      value={text}
      onInput={(typed) => {
        setText(typed);
        set(path, read(typed));
      }}
      {...fieldProps(issues, name, readOnly)}
    />
  );
}
