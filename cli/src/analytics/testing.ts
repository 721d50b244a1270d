import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, seededRandom } from '@csops/core';
import { vi } from 'vitest';

/**
 * A synthetic book of accounts for command tests: churn is driven by seat utilisation, renewal
 * dates fall 20–200 days after the snapshot, some healthy accounts expand and some contract.
 */
export function writeSyntheticBook(
  rows: number,
  seed = 7,
): { dir: string; data: string; mapping: string } {
  const dir = mkdtempSync(join(tmpdir(), 'csops-analytics-'));
  const random = seededRandom(seed);
  const lines = [
    'id,company,snapshot_date,renewal_date,arr,arr_after,status,seats,active_users,plan,csat',
  ];
  const asOf = '2024-01-01T00:00:00.000Z';
  for (let i = 0; i < rows; i++) {
    const seats = 10 + Math.floor(random() * 90);
    const utilisation = random();
    const active = Math.round(seats * utilisation);
    const arr = seats * 1200;
    const churn = random() < 1 / (1 + Math.exp(-(1.5 - 4.5 * utilisation)));
    const contract = !churn && random() < 0.1;
    const expand = !churn && !contract && utilisation > 0.8;
    const after = churn ? 0 : contract ? arr * 0.8 : expand ? arr * 1.2 : arr;
    const status = churn ? 'Churned' : contract ? 'Contracted' : 'Renewed';
    const renewal = addDays(asOf, 20 + Math.floor(random() * 180)).slice(0, 10);
    const csat = Math.round(random() * 100);
    lines.push(
      `C${i},Company ${i},2024-01-01,${renewal},${arr},${after},${status},${seats},${active},${random() < 0.5 ? 'Annual' : 'Monthly'},${csat}`,
    );
  }
  const data = join(dir, 'book.csv');
  writeFileSync(data, `${lines.join('\n')}\n`);
  const mapping = join(dir, 'mapping.json');
  writeFileSync(
    mapping,
    JSON.stringify({
      accountId: { column: 'id' },
      name: { column: 'company' },
      asOf: { column: 'snapshot_date' },
      fields: {
        arr: { column: 'arr' },
        'contract.renewalDate': { column: 'renewal_date' },
        'contract.licensedSeats': { column: 'seats' },
        'contract.termMonths': { column: 'plan', values: { Monthly: 1, Annual: 12 } },
        'usage.activeUsers30d': { column: 'active_users' },
        'support.csat': { column: 'csat' },
      },
      outcome: {
        status: {
          column: 'status',
          values: { Renewed: 'renewed', Churned: 'churned', Contracted: 'contracted' },
        },
        arrAfter: { column: 'arr_after' },
      },
    }),
  );
  return { dir, data, mapping };
}

/** Runs a command and captures what it printed. */
export async function runCaptured(
  run: (argv: string[]) => Promise<number>,
  argv: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await run(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** A page is self-contained when it loads nothing: no scripts, stylesheets, images or frames from elsewhere. */
export function externalReferences(html: string): string[] {
  return [
    ...html.matchAll(/<(script|link|img|iframe|object|embed)\b|\b(src|href)\s*=|url\(|@import/gi),
  ].map((m) => m[0]);
}
