// How one settings version is laid out in a csops_settings record. A HubSpot string property
// holds at most 65,536 characters; settings with hundreds of CSMs are longer, so the JSON is cut
// into parts, one property each, and joined when read. The size is checked before anything is
// written, so settings that do not fit are refused whole instead of stored cut short.
'use strict';

const PART_CHARS = 65_000; // under HubSpot's 65,536, with room to spare
const PART_PROPERTIES = [
  'csops_settings_json',
  ...Array.from({ length: 15 }, (_, i) => `csops_settings_json_${i + 2}`),
];
const CAPACITY_CHARS = PART_CHARS * PART_PROPERTIES.length;

/** @param {string} json @returns {string[]} */
function cut(json) {
  const parts = [];
  let at = 0;
  while (at < json.length) {
    let end = Math.min(at + PART_CHARS, json.length);
    // Never split a surrogate pair: each half alone is not a character HubSpot can store.
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    parts.push(json.slice(at, end));
    at = end;
  }
  return parts;
}

/**
 * The properties that store `settings`, every part property set (unused ones empty, so a record
 * never mixes parts of two versions), or null when they are too large for one record.
 * @param {unknown} settings
 * @returns {{ properties: Record<string, string>, chars: number } | { tooLarge: true, chars: number }}
 */
function settingsProperties(settings) {
  const json = JSON.stringify(settings);
  if (json.length > CAPACITY_CHARS) return { tooLarge: true, chars: json.length };
  const parts = cut(json);
  /** @type {Record<string, string>} */
  const properties = {};
  PART_PROPERTIES.forEach((name, i) => {
    properties[name] = parts[i] ?? '';
  });
  return { properties, chars: json.length };
}

/** The stored JSON, parts joined in order. @param {Record<string, string | null | undefined>} p */
const settingsJsonOf = (p) => PART_PROPERTIES.map((name) => p[name] ?? '').join('');

/** @param {number} chars */
function tooLargeMessage(chars) {
  return (
    `These settings are too large to store in HubSpot: ${chars.toLocaleString('en-US')} characters, ` +
    `at most ${CAPACITY_CHARS.toLocaleString('en-US')}. Remove CSMs or playbooks that are no longer used.`
  );
}

module.exports = {
  PART_PROPERTIES,
  CAPACITY_CHARS,
  settingsProperties,
  settingsJsonOf,
  tooLargeMessage,
};
