// The CRM gateway: the only module that calls HubSpot. Every call is paced (rate-limit.js),
// retried (retry.js) and counted, so benchmarks can report requests per card load or rescore.
// Calls may be in flight together: the limiter admits them in the order they were made and each
// retries on its own, so a failure on one never repeats or drops another.
'use strict';

const { withRetry } = require('./retry.js');
const { createCrmLimiter } = require('./rate-limit.js');
const { settleAll } = require('./settle.js');

const BATCH_SIZE = 100;
const ASSOCIATION_BATCH_SIZE = 1000;

/** @template T @param {T[]} items @param {number} size @returns {T[][]} */
function chunk(items, size) {
  const out = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * @typedef {{ id: string, properties: Record<string, string | null> }} CrmRecord
 * @typedef {{ requests: number, retries: number, byKind: Record<string, number>, byObject: Record<string, number> }} CrmStats
 */

/**
 * @param {import('@hubspot/api-client').Client} client
 * @param {{ limiter?: { take(kind: 'search' | 'other'): Promise<void> }, retry?: Parameters<typeof withRetry>[1] }} [options]
 */
function createCrm(client, options = {}) {
  const limiter = options.limiter ?? createCrmLimiter();
  /** @type {CrmStats} */
  const stats = { requests: 0, retries: 0, byKind: {}, byObject: {} };

  /**
   * @template T
   * @param {string} kind a label for the statistics, e.g. "batch.read"
   * @param {() => Promise<T>} request
   * @param {string} [objectType] counted apart too, e.g. "batch.update tasks"
   * @returns {Promise<T>}
   */
  function call(kind, request, objectType) {
    return withRetry(
      async () => {
        await limiter.take(kind === 'search' ? 'search' : 'other');
        stats.requests += 1;
        stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
        if (objectType) {
          const key = `${kind} ${objectType}`;
          stats.byObject[key] = (stats.byObject[key] ?? 0) + 1;
        }
        return request();
      },
      {
        ...options.retry,
        onRetry: (info) => {
          stats.retries += 1;
          options.retry?.onRetry?.(info);
        },
      },
    );
  }

  /**
   * Which record a failed read or write was about, so a 404 can be told as "this company no
   * longer exists" rather than as HubSpot's answer.
   * @param {string} objectType
   * @returns {(error: unknown) => never}
   */
  const about = (objectType) => (error) => {
    if (typeof error === 'object' && error !== null && Object.isExtensible(error)) {
      Object.defineProperty(error, 'objectType', { value: objectType, configurable: true });
    }
    throw error;
  };

  /** @param {any} r @returns {CrmRecord} */
  const record = (r) => ({ id: String(r.id), properties: { ...(r.properties ?? {}) } });

  return {
    stats,

    /** @param {string} objectType @param {string} id @param {string[]} properties */
    async get(objectType, id, properties) {
      const r = await call('get', () =>
        client.crm.objects.basicApi.getById(objectType, id, properties),
      ).catch(about(objectType));
      return record(r);
    },

    /**
     * Associated ids for many records at once (associations v4 batch read, 1,000 per call; the
     * calls of one page round go out together).
     * @param {string} fromType @param {string} toType @param {string[]} ids
     * @returns {Promise<Map<string, string[]>>}
     */
    async associations(fromType, toType, ids) {
      /** @type {Map<string, string[]>} */
      const out = new Map(ids.map((id) => [id, []]));
      /** @type {{ id: string, after?: string }[]} */
      let pending = [...new Set(ids)].map((id) => ({ id }));
      while (pending.length > 0) {
        /** @type {{ id: string, after?: string }[]} */
        const next = [];
        const pages = await settleAll(
          chunk(pending, ASSOCIATION_BATCH_SIZE).map((inputs) =>
            call(
              'associations',
              () => client.crm.associations.v4.batchApi.getPage(fromType, toType, { inputs }),
              `${fromType}→${toType}`,
            ),
          ),
        );
        // Pages are taken in the order they were asked for, so the ids keep HubSpot's order.
        for (const res of pages) {
          for (const result of res.results ?? []) {
            const from = String(result._from?.id ?? /** @type {any} */ (result).from?.id);
            const list = out.get(from) ?? [];
            for (const to of result.to ?? []) list.push(String(to.toObjectId));
            out.set(from, list);
            const after = result.paging?.next?.after;
            if (after) next.push({ id: from, after });
          }
        }
        pending = next;
      }
      return out;
    },

    /**
     * Records by id, 100 per call, the calls together.
     * @param {string} objectType @param {string[]} ids @param {string[]} properties
     * @returns {Promise<CrmRecord[]>}
     */
    async batchRead(objectType, ids, properties) {
      const unique = [...new Set(ids)];
      const parts = await settleAll(
        chunk(unique, BATCH_SIZE).map((part) =>
          call(
            'batch.read',
            () =>
              client.crm.objects.batchApi.read(objectType, {
                inputs: part.map((id) => ({ id })),
                properties,
                propertiesWithHistory: [],
              }),
            objectType,
          ),
        ),
      );
      return parts.flatMap((res) => (res.results ?? []).map(record));
    },

    /**
     * Records by the values of a unique property (`idProperty`), 100 per call, the calls
     * together; values no record holds are left out.
     * @param {string} objectType @param {string} idProperty @param {string[]} values @param {string[]} properties
     * @returns {Promise<CrmRecord[]>}
     */
    async batchReadBy(objectType, idProperty, values, properties) {
      const parts = await settleAll(
        chunk([...new Set(values)], BATCH_SIZE).map((part) =>
          call(
            'batch.read',
            () =>
              client.crm.objects.batchApi.read(objectType, {
                inputs: part.map((id) => ({ id })),
                idProperty,
                properties,
                propertiesWithHistory: [],
              }),
            `${objectType} by ${idProperty}`,
          ),
        ),
      );
      return parts.flatMap((res) => (res.results ?? []).map(record));
    },

    /** @param {string} objectType @param {{ id: string, properties: Record<string, string> }[]} inputs */
    async batchUpdate(objectType, inputs) {
      for (const part of chunk(inputs, BATCH_SIZE)) {
        await call(
          'batch.update',
          () => client.crm.objects.batchApi.update(objectType, { inputs: part }),
          objectType,
        );
      }
    },

    /** @param {string} objectType @param {string} id @param {Record<string, string>} properties */
    async update(objectType, id, properties) {
      const r = await call('update', () =>
        client.crm.objects.basicApi.update(objectType, id, { properties }),
      ).catch(about(objectType));
      return record(r);
    },

    /**
     * @param {string} objectType
     * @param {{ properties: Record<string, string>, associations?: any[] }} input
     */
    async create(objectType, input) {
      const r = await call('create', () =>
        client.crm.objects.basicApi.create(objectType, {
          properties: input.properties,
          associations: input.associations ?? [],
        }),
      );
      return record(r);
    },

    /**
     * Creates up to 100 records per call; HubSpot refuses the whole batch on a unique-value clash.
     * @param {string} objectType
     * @param {{ properties: Record<string, string>, associations?: any[] }[]} inputs
     */
    async batchCreate(objectType, inputs) {
      const out = [];
      for (const part of chunk(inputs, BATCH_SIZE)) {
        const res = await call(
          'batch.create',
          () =>
            client.crm.objects.batchApi.create(objectType, {
              inputs: part.map((i) => ({
                properties: i.properties,
                associations: i.associations ?? [],
              })),
            }),
          objectType,
        );
        out.push(...(res.results ?? []).map(record));
      }
      return out;
    },

    /**
     * One page of a CRM search.
     * @param {string} objectType
     * @param {{ filterGroups?: any[], sorts?: string[] | any[], properties?: string[], limit?: number, after?: string }} request
     * @returns {Promise<{ total: number, results: CrmRecord[], after?: string }>}
     */
    async search(objectType, request) {
      const res = await call('search', () =>
        client.crm.objects.searchApi.doSearch(objectType, {
          filterGroups: request.filterGroups ?? [],
          sorts: /** @type {any} */ (request.sorts ?? []),
          properties: request.properties ?? [],
          limit: request.limit ?? 100,
          after: request.after ?? /** @type {any} */ (undefined),
        }),
      );
      return {
        total: res.total ?? 0,
        results: (res.results ?? []).map(record),
        after: res.paging?.next?.after,
      };
    },

    /**
     * A HubSpot owner (the people records are assigned to), for their name.
     * @param {string} ownerId
     */
    async owner(ownerId) {
      return call('owner', () => client.crm.owners.ownersApi.getById(Number(ownerId), 'id', false));
    },

    /**
     * Every active HubSpot owner, 500 per page, for the settings page's CSM picker.
     * @returns {Promise<{ id: string, firstName?: string, lastName?: string, email?: string }[]>}
     */
    async owners() {
      const out = [];
      /** @type {string | undefined} */
      let after;
      do {
        const page = await call('owners', () =>
          client.crm.owners.ownersApi.getPage(undefined, after, 500, false),
        );
        for (const o of page.results ?? []) {
          out.push({
            id: String(o.id),
            ...(o.firstName ? { firstName: o.firstName } : {}),
            ...(o.lastName ? { lastName: o.lastName } : {}),
            ...(o.email ? { email: o.email } : {}),
          });
        }
        after = page.paging?.next?.after;
      } while (after);
      return out;
    },

    /** @param {string} userId */
    async user(userId) {
      return call('user', () => client.settings.users.usersApi.getById(userId));
    },

    async schemas() {
      const res = await call('schemas', () => client.crm.schemas.coreApi.getAll());
      return res.results ?? [];
    },
  };
}

/** @typedef {ReturnType<typeof createCrm>} Crm */

module.exports = { createCrm, chunk, BATCH_SIZE };
