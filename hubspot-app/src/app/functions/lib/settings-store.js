// Admin settings live in HubSpot itself, one csops_settings record per saved version
// (append-only: a restore is a new version with the old content). Every function reads the
// latest version; with none saved, the core's defaults apply.
'use strict';

const core = require('@csops/core');
const { statusOf } = require('./retry.js');
const { PART_PROPERTIES, settingsJsonOf, settingsProperties } = require('./settings-storage.js');

const OBJECT_NAME = 'csops_settings';
const PROPERTIES = [
  'csops_version_label',
  'csops_version_key',
  ...PART_PROPERTIES,
  'csops_changed_by',
  'csops_changed_at',
  'csops_change_note',
  'csops_restored_from',
];
/** Saves racing for the same version number each take the next; past this many, the save gives up. */
const MAX_VERSION_ATTEMPTS = 100;

/** objectTypeId per account, so only a cold start pays for the schema lookup. */
const typeIds = new Map();

/** @param {import('./crm.js').Crm} crm @param {string} cacheKey */
async function settingsObjectType(crm, cacheKey) {
  if (process.env.CSOPS_SETTINGS_OBJECT_TYPE) return process.env.CSOPS_SETTINGS_OBJECT_TYPE;
  const cached = typeIds.get(cacheKey);
  if (cached) return cached;
  const schemas = await crm.schemas();
  const schema = schemas.find((s) => s.name === OBJECT_NAME);
  if (!schema) {
    const error = new Error(
      'The csops settings object is missing in this HubSpot account: run `npm run hubspot:setup` first.',
    );
    Object.assign(error, { code: 'setup_missing' });
    throw error;
  }
  typeIds.set(cacheKey, schema.objectTypeId);
  return schema.objectTypeId;
}

/**
 * @typedef {{ version: number, changedBy: string, changedAt: string, note: string, restoredFrom: number | null, recordId: string }} SettingsVersion
 * @typedef {SettingsVersion & { changes: string[], restoreChanges: string[] }} SettingsHistoryEntry
 */

/** @param {import('./crm.js').CrmRecord} r @returns {SettingsVersion} */
function versionOf(r) {
  const p = r.properties;
  const restored = Number(p.csops_restored_from);
  return {
    version: Number(p.csops_version_label) || 0,
    changedBy: String(p.csops_changed_by ?? ''),
    changedAt: String(p.csops_changed_at ?? ''),
    note: String(p.csops_change_note ?? ''),
    restoredFrom: p.csops_restored_from && Number.isFinite(restored) ? restored : null,
    recordId: r.id,
  };
}

/** Newest first; the version number breaks ties between records created in the same instant. */
const newestFirst = (/** @type {SettingsVersion} */ a, /** @type {SettingsVersion} */ b) =>
  b.version - a.version;

/** @param {import('./crm.js').Crm} crm @param {{ cacheKey?: string }} [options] */
function createSettingsStore(crm, options = {}) {
  const cacheKey = options.cacheKey ?? process.env.HUBSPOT_API_BASE_URL ?? 'hubspot';
  const type = () => settingsObjectType(crm, cacheKey);

  /** @param {number} limit */
  async function recent(limit) {
    const page = await crm.search(await type(), {
      // Record ids only grow, so they order versions even when two share a creation instant.
      sorts: [{ propertyName: 'hs_object_id', direction: 'DESCENDING' }],
      properties: PROPERTIES,
      limit,
    });
    return page.results;
  }

  /** Parses a stored version; older schema versions migrate through the core. @param {import('./crm.js').CrmRecord} r */
  function parseStored(r) {
    let raw;
    try {
      raw = JSON.parse(settingsJsonOf(r.properties));
    } catch {
      return core.fail([{ path: 'csops_settings_json', message: 'is not valid JSON' }]);
    }
    return core.parseSettings(raw);
  }

  /**
   * Each version with what it changed against the one before it and what restoring it would
   * change now. `records` are newest first; one more than shown is read so the oldest shown has
   * its predecessor, and the very first version is compared with the defaults.
   * @param {import('./crm.js').CrmRecord[]} records @param {number} shown @param {unknown} current
   * @returns {SettingsHistoryEntry[]}
   */
  function withChanges(records, shown, current) {
    const parsed = records.map(parseStored);
    return records.slice(0, shown).map((r, i) => {
      const mine = parsed[i];
      const before = i + 1 < records.length ? parsed[i + 1] : core.ok(core.defaultSettings());
      const readable = mine?.success && before?.success;
      return {
        ...versionOf(r),
        changes: readable
          ? core.settingsChanges(before.data, mine.data).map((c) => c.text)
          : ['The stored settings of this version cannot be read'],
        restoreChanges:
          mine?.success && current
            ? core.settingsChanges(/** @type {any} */ (current), mine.data).map((c) => c.text)
            : [],
      };
    });
  }

  /**
   * The record a 409 says holds the version number already (HubSpot names it: "Existing ID: 123").
   * @param {unknown} error
   */
  async function holderOf(error) {
    const body = /** @type {{ body?: unknown }} */ (error)?.body;
    const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
    const id = /Existing ID: (\d+)/.exec(text)?.[1];
    return id ? crm.get(await type(), id, PROPERTIES) : null;
  }

  /** @param {import('./crm.js').CrmRecord} record @param {import('@csops/core').Settings} settings */
  function sameSettings(record, settings) {
    const stored = parseStored(record);
    return stored.success && core.settingsChanges(stored.data, settings).length === 0;
  }

  /** @param {import('./crm.js').CrmRecord[]} records */
  const byVersion = (records) =>
    [...records].sort((a, b) => newestFirst(versionOf(a), versionOf(b)));

  return {
    /**
     * The settings every function scores with and, for the settings page, the newest versions
     * with their changes (one search for both; a card load asks for the newest record only).
     */
    async current(historyLimit = 0) {
      const records = byVersion(await recent(historyLimit + 1));
      const latest = records[0];
      if (!latest) {
        return {
          settings: core.defaultSettings(),
          version: null,
          isDefault: true,
          problems: [],
          history: [],
        };
      }
      const parsed = parseStored(latest);
      // A hand-edited record must not stop scoring: fall back to defaults and say why.
      const settings = parsed.success ? parsed.data : core.defaultSettings();
      return {
        settings,
        version: versionOf(latest),
        isDefault: !parsed.success,
        problems: parsed.success ? [] : parsed.issues,
        history: withChanges(records, historyLimit, settings),
      };
    },

    /** @param {number} limit */
    async history(limit = 50) {
      return (await this.current(limit)).history;
    },

    /** @param {number} version */
    async find(version) {
      const page = await crm.search(await type(), {
        filterGroups: [
          {
            filters: [
              { propertyName: 'csops_version_label', operator: 'EQ', value: String(version) },
            ],
          },
        ],
        properties: PROPERTIES,
        limit: 1,
      });
      const r = page.results[0];
      return r ? { version: versionOf(r), parsed: parseStored(r) } : null;
    },

    /**
     * Appends a version when the settings differ from the newest one. The caller has validated
     * the settings and the user's permission. Each version number is taken once: the number is a
     * unique-value property, so a save racing another for the same number gets HubSpot's 409 and
     * takes the next one.
     * @param {import('@csops/core').Settings} settings
     * @param {{ changedBy: string, changedAt: string, note?: string, restoredFrom?: number }} meta
     * @returns {Promise<{ saved: SettingsVersion, previous: import('@csops/core').Settings } | { unchanged: SettingsVersion | null } | { tooLarge: number }>}
     */
    async append(settings, meta) {
      const stored = settingsProperties(settings);
      if ('tooLarge' in stored) return { tooLarge: stored.chars };
      const latest = await this.current();
      // No version without a change; a newest version that cannot be read is replaced by any save.
      const readable = latest.problems.length === 0;
      if (readable && core.settingsChanges(latest.settings, settings).length === 0)
        return { unchanged: latest.version };
      let version = (latest.version?.version ?? 0) + 1;
      for (let attempt = 1; ; attempt += 1) {
        const properties = {
          csops_version_label: String(version),
          csops_version_key: String(version),
          ...stored.properties,
          csops_changed_by: meta.changedBy,
          csops_changed_at: meta.changedAt,
          csops_change_note: meta.note ?? '',
          csops_restored_from: meta.restoredFrom === undefined ? '' : String(meta.restoredFrom),
        };
        try {
          const record = await crm.create(await type(), { properties });
          // The settings it replaced come back with it, so a caller comparing the two reads nothing more.
          return { saved: versionOf({ id: record.id, properties }), previous: latest.settings };
        } catch (error) {
          if (statusOf(error) !== 409 || attempt >= MAX_VERSION_ATTEMPTS) throw error;
          // The version that got in first becomes the one this save follows: equal settings saved
          // at the same moment by two admins make one version, not two.
          const winner = await holderOf(error);
          if (winner && sameSettings(winner, settings)) return { unchanged: versionOf(winner) };
          version += 1;
        }
      }
    },
  };
}

module.exports = { createSettingsStore, OBJECT_NAME };
