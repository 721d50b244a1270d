// What an admin types into a settings field, read as the settings schema expects it. Text that is
// not a number stays text, so the schema refuses it on its field instead of the old value
// silently returning.

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** "1,000,000" → 1000000, " 75 " → 75; "", "abc" and "7 5" stay as typed. */
export function settingsNumberFromText(text: string): number | string {
  const compact = text.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  return NUMBER.test(compact) ? Number(compact) : text;
}

/** An optional number field: left blank, the setting is not set and its default applies. */
export function optionalSettingsNumberFromText(text: string): number | string | undefined {
  return text.trim() === '' ? undefined : settingsNumberFromText(text);
}

/** A number as its settings field shows it; text the admin typed stays as typed. */
export function settingsNumberText(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return typeof value === 'string' ? value : '';
}

/** "180, 120, 90" → [180, 120, 90]; "soon, 30" → ["soon", 30], refused on the first stage. */
export function renewalStagesFromText(text: string): (number | string)[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => (NUMBER.test(p) ? Number(p) : p));
}
