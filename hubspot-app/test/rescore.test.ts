import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '@csops/core';
import { DEMO_ACCOUNT_COUNT } from '@csops/sandbox';
import { expectOk, openPortal, TOKEN, type Portal } from './harness.js';

const require = createRequire(import.meta.url);
const { createCrm } = require('../src/app/functions/lib/crm.js');
const { createHubSpotClient } = require('../src/app/functions/lib/hubspot-client.js');
const { rescorePortfolio } = require('../src/app/functions/lib/portfolio.js');
const { fileCheckpoint } = require('./file-checkpoint.cjs');

let portal: Portal;
let dir: string;
beforeAll(async () => {
  portal = await openPortal({ seed: 'demo', retryAfterSeconds: 1 });
  dir = mkdtempSync(join(tmpdir(), 'csops-rescore-'));
});
afterAll(async () => {
  await portal.close();
  rmSync(dir, { recursive: true, force: true });
});

const crmFor = () =>
  createCrm(createHubSpotClient({ accessToken: TOKEN, baseUrl: portal.sandbox.url }));

/** Every company's last scoring time, read straight from the portal. */
async function scoredAt(): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  let after: string | undefined;
  do {
    const page = await portal.client.crm.companies.basicApi.getPage(100, after, [
      'csops_health_updated_at',
    ]);
    for (const c of page.results) out.set(c.id, c.properties.csops_health_updated_at ?? null);
    after = page.paging?.next?.after;
  } while (after);
  return out;
}

describe('portfolio rescore', () => {
  it('writes every company under injected 429s and 5xx, losing no request', async () => {
    const asOf = '2026-11-20T08:00:00.000Z';
    portal.sandbox.resetStats();
    portal.sandbox.setFaults({ failureRate: 0.1, requestsPer10s: 40 });
    let result;
    try {
      result = expectOk(
        await portal.run('portfolio_rescore', { parameters: { asOf, timeBudgetMs: 600_000 } }),
      );
    } finally {
      portal.sandbox.setFaults({ failureRate: 0, requestsPer10s: 0 });
    }
    const stats = portal.sandbox.stats();
    expect(stats.injectedFailures).toBeGreaterThan(0);
    expect(stats.rateLimited).toBeGreaterThan(0);
    expect(result).toMatchObject({
      done: true,
      scanned: DEMO_ACCOUNT_COUNT,
      written: DEMO_ACCOUNT_COUNT,
      refused: [],
    });
    const times = await scoredAt();
    expect(times.size).toBe(DEMO_ACCOUNT_COUNT);
    for (const at of times.values()) expect(Date.parse(String(at))).toBe(Date.parse(asOf));
  }, 120_000);

  it('stops at its time budget and resumes from the id it returned', async () => {
    const asOf = '2026-11-21T08:00:00.000Z';
    // A slow CRM, so a whole rescore cannot fit one run's budget: 300 companies take at least
    // three batches of several dependent round trips each, 250 ms apiece, against a 1 s budget.
    portal.sandbox.setFaults({ latencyMs: 250 });
    const runs: { done: boolean; written: number; lastId: string }[] = [];
    try {
      let last = expectOk(
        await portal.run('portfolio_rescore', { parameters: { asOf, timeBudgetMs: 1_000 } }),
      );
      runs.push(last);
      while (!last.done) {
        const afterId = last.lastId;
        last = expectOk(
          await portal.run('portfolio_rescore', {
            parameters: { asOf, afterId, timeBudgetMs: 1_000 },
          }),
        );
        runs.push(last);
      }
    } finally {
      portal.sandbox.setFaults({ latencyMs: 0 });
    }
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.reduce((n, r) => n + r.written, 0)).toBe(DEMO_ACCOUNT_COUNT);
  });

  it('redoes at most one batch after an interruption, resuming from its checkpoint', async () => {
    const asOf = '2026-11-22T08:00:00.000Z';
    const checkpoint = fileCheckpoint(join(dir, 'rescore.json'));
    const crm = crmFor();
    const updated: string[][] = [];
    // The run dies while writing its second batch.
    const dying = {
      ...crm,
      async batchUpdate(type: string, inputs: { id: string }[]) {
        if (type !== 'companies') return crm.batchUpdate(type, inputs);
        if (updated.length === 1) throw new Error('process killed');
        updated.push(inputs.map((i) => i.id));
        return crm.batchUpdate(type, inputs);
      },
    };
    await expect(
      rescorePortfolio({ crm: dying, settings: defaultSettings(), asOf, checkpoint }),
    ).rejects.toThrow('process killed');
    const resumeFrom = await checkpoint.load();
    expect(resumeFrom).toBe(updated[0]?.at(-1));

    const counting = {
      ...crm,
      async batchUpdate(type: string, inputs: { id: string }[]) {
        if (type === 'companies') updated.push(inputs.map((i) => i.id));
        return crm.batchUpdate(type, inputs);
      },
    };
    const rest = await rescorePortfolio({
      crm: counting,
      settings: defaultSettings(),
      asOf,
      checkpoint,
    });
    expect(rest.done).toBe(true);
    const written = updated.flat();
    expect(new Set(written).size).toBe(DEMO_ACCOUNT_COUNT);
    expect(written.length).toBe(DEMO_ACCOUNT_COUNT); // nothing written twice
    const times = await scoredAt();
    for (const at of times.values()) expect(Date.parse(String(at))).toBe(Date.parse(asOf));
  });

  it('fills every task create call but the last, and a crash loses none of the creates it held', async () => {
    const fresh = await openPortal({ seed: 'demo' });
    try {
      const asOf = '2026-11-24T08:00:00.000Z';
      const at = () =>
        createCrm(createHubSpotClient({ accessToken: TOKEN, baseUrl: fresh.sandbox.url }));
      const checkpoint = fileCheckpoint(join(dir, 'held.json'));
      const crm = at();
      let companyBatches = 0;
      const dying = {
        ...crm,
        async batchUpdate(type: string, inputs: { id: string }[]) {
          if (type === 'companies' && ++companyBatches === 3) throw new Error('process killed');
          return crm.batchUpdate(type, inputs);
        },
      };
      await expect(
        rescorePortfolio({ crm: dying, settings: defaultSettings(), asOf, checkpoint }),
      ).rejects.toThrow('process killed');
      expect((await checkpoint.pending()).length).toBeGreaterThan(0);
      const resumed = at();
      const rest = await rescorePortfolio({
        crm: resumed,
        settings: defaultSettings(),
        asOf,
        checkpoint,
      });
      expect(rest.done).toBe(true);
      const madeBefore = crm.stats.byObject['batch.create tasks'] ?? 0;
      const made = madeBefore + (resumed.stats.byObject['batch.create tasks'] ?? 0);
      const again = await rescorePortfolio({ crm: at(), settings: defaultSettings(), asOf });
      // Every step was recorded across the crash: a further run has none left to create.
      expect(again.tasksCreated).toBe(0);
      const total = (
        await fresh.client.crm.objects.searchApi.doSearch('tasks', {
          filterGroups: [
            { filters: [{ propertyName: 'csops_action_key', operator: 'HAS_PROPERTY' as never }] },
          ],
          properties: [],
          limit: 1,
          sorts: [],
        })
      ).total;
      // Calls of 100 but for a part-filled one at the end of each run and one where the crash
      // cut a batch's creates in two.
      expect(made).toBeLessThanOrEqual(Math.ceil(total / 100) + 2);
    } finally {
      await fresh.close();
    }
  });

  it('pages by record id, 100 companies per batch call', async () => {
    const crm = crmFor();
    await rescorePortfolio({ crm, settings: defaultSettings(), asOf: '2026-11-23T08:00:00.000Z' });
    expect(crm.stats.byObject['batch.update companies']).toBe(Math.ceil(DEMO_ACCOUNT_COUNT / 100));
    expect(crm.stats.byKind.search).toBe(Math.ceil((DEMO_ACCOUNT_COUNT + 1) / 200));
  });
});
