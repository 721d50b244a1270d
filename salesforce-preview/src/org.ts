// The preview's own calls to the Salesforce sandbox, with the org's access token the browser never sees.
export interface OrgConnection {
  url: string;
  accessToken: string;
  version: string;
}

export class OrgError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`The Salesforce sandbox answered ${status}`);
  }
}

export async function orgFetch(
  org: OrgConnection,
  path: string,
  init: { method?: string; body?: string } = {},
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${org.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${org.accessToken}`, 'content-type': 'application/json' },
    body: init.body,
  });
  return { status: response.status, text: await response.text() };
}

/** Every record a SOQL query returns, following nextRecordsUrl. */
export async function query(org: OrgConnection, soql: string): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let path: string | undefined =
    `/services/data/v${org.version}/query?q=${encodeURIComponent(soql)}`;
  while (path) {
    const { status, text } = await orgFetch(org, path);
    const body = JSON.parse(text) as {
      records?: Record<string, unknown>[];
      nextRecordsUrl?: string;
    };
    if (status !== 200) throw new OrgError(status, body);
    rows.push(...(body.records ?? []));
    path = body.nextRecordsUrl;
  }
  return rows;
}

/** A string as a SOQL literal. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A record as Apex hands an SObject to a component: its fields, without the REST attributes. */
export function asApexRecord(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).filter(([key, value]) => key !== 'attributes' && value !== null),
  );
}
