// Admin settings live in HubSpot itself, one csops_settings record per saved version
// (append-only: a restore is a new version with the old content). Every function reads the
// latest version; with none saved, the core's defaults apply.
'use strict';

const core = require('@csops/core');

const OBJECT_NAME = 'csops_settings';
const PROPERTIES = [
  'csops_version_label',
  'csops_settings_json',
  'csops_changed_by',
  'csops_changed_at',
  'csops_change_note',
  'csops_restored_from',
];

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
      raw = JSON.parse(String(r.properties.csops_settings_json ?? ''));
    } catch {
      return core.fail([{ path: 'csops_settings_json', message: 'is not valid JSON' }]);
    }
    return core.parseSettings(raw);
  }

  return {
    /** The settings every function scores with, and the newest versions (one search for both). */
    async current(historyLimit = 5) {
      const records = await recent(historyLimit);
      const versions = records
        .map((r) => ({ r, v: versionOf(r) }))
        .sort((a, b) => newestFirst(a.v, b.v));
      const history = versions.map((x) => x.v);
      const latest = versions[0];
      if (!latest) {
        return {
          settings: core.defaultSettings(),
          version: null,
          isDefault: true,
          problems: [],
          history,
        };
      }
      const parsed = parseStored(latest.r);
      if (!parsed.success) {
        // A hand-edited record must not stop scoring: fall back to defaults and say why.
        return {
          settings: core.defaultSettings(),
          version: latest.v,
          isDefault: true,
          problems: parsed.issues,
          history,
        };
      }
      return { settings: parsed.data, version: latest.v, isDefault: false, problems: [], history };
    },

    /** @param {number} limit */
    async history(limit = 50) {
      return (await recent(limit)).map(versionOf).sort(newestFirst);
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
     * Appends a version. The caller has validated the settings and the user's permission.
     * @param {unknown} settings @param {{ changedBy: string, changedAt: string, note?: string, restoredFrom?: number }} meta
     */
    async append(settings, meta) {
      const latest = (await this.history(5))[0];
      const version = (latest?.version ?? 0) + 1;
      const properties = {
        csops_version_label: String(version),
        csops_settings_json: JSON.stringify(settings),
        csops_changed_by: meta.changedBy,
        csops_changed_at: meta.changedAt,
        csops_change_note: meta.note ?? '',
        csops_restored_from: meta.restoredFrom === undefined ? '' : String(meta.restoredFrom),
      };
      const record = await crm.create(await type(), { properties });
      return versionOf({ id: record.id, properties });
    },
  };
}

module.exports = { createSettingsStore, OBJECT_NAME };
