// The rescore's reads: the settings record, Accounts in Id order a page at a time (queryMore), and
// the page's related records, all queries of a page in one composite call. Composite carries the
// SOQL in its body, so IN lists of a whole page's Ids stay clear of the 16 KB URI limit.
import { OrgCallError } from './org-client.js';
import type { OrgClient } from './org-client.js';
import type { Row } from './records.js';

interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Row[];
}
interface CompositeAnswer {
  compositeResponse: { body: unknown; httpStatusCode: number; referenceId: string }[];
}

/** Salesforce's cap on subrequests in one composite call. */
const MAX_SUBREQUESTS = 25;
const MAX_SUB_ATTEMPTS = 5;

export class OrgReader {
  constructor(
    private readonly client: OrgClient,
    private readonly version: string,
  ) {}

  private get base() {
    return `/services/data/v${this.version}`;
  }

  queryUrl(soql: string) {
    return `${this.base}/query?q=${encodeURIComponent(soql)}`;
  }

  async get<T>(url: string, headers?: Record<string, string>): Promise<T> {
    return (await this.client.request<T>({ method: 'GET', url, headers })) as T;
  }

  /** Pages of a query `pageSize` rows at a time, through its query locator. */
  async *pages(soql: string, pageSize: number): AsyncGenerator<QueryPage> {
    const headers = { 'Sforce-Query-Options': `batchSize=${pageSize}` };
    let page = await this.get<QueryPage>(this.queryUrl(soql), headers);
    yield page;
    while (!page.done && page.nextRecordsUrl) {
      page = await this.get<QueryPage>(page.nextRecordsUrl, headers);
      yield page;
    }
  }

  /** Every row of each query, the queries sent together in composite calls (and their more pages). */
  async queryAll(soqls: Record<string, string>): Promise<Record<string, Row[]>> {
    const rows: Record<string, Row[]> = Object.fromEntries(Object.keys(soqls).map((k) => [k, []]));
    let todo = Object.entries(soqls).map(([ref, soql]) => ({ ref, url: this.queryUrl(soql) }));
    const attempts = new Map<string, number>();
    while (todo.length) {
      const next: typeof todo = [];
      for (let i = 0; i < todo.length; i += MAX_SUBREQUESTS) {
        const chunk = todo.slice(i, i + MAX_SUBREQUESTS);
        const answer = (await this.client.request<CompositeAnswer>({
          method: 'POST',
          url: `${this.base}/composite`,
          body: {
            allOrNone: false,
            compositeRequest: chunk.map((c, n) => ({
              method: 'GET',
              url: c.url,
              referenceId: `${c.ref}_${n}`,
            })),
          },
        })) as CompositeAnswer;
        answer.compositeResponse.forEach((sub, n) => {
          const c = chunk[n]!;
          if (sub.httpStatusCode >= 500) {
            // A subrequest the server failed is read again with the next round.
            const tries = (attempts.get(c.url) ?? 0) + 1;
            attempts.set(c.url, tries);
            if (tries >= MAX_SUB_ATTEMPTS) throw subError(sub.body);
            this.client.retries++;
            next.push(c);
            return;
          }
          if (sub.httpStatusCode >= 400) throw subError(sub.body);
          const page = sub.body as QueryPage;
          rows[c.ref]!.push(...page.records);
          if (!page.done && page.nextRecordsUrl)
            next.push({ ref: c.ref, url: page.nextRecordsUrl });
        });
      }
      todo = next;
    }
    return rows;
  }
}

function subError(body: unknown): OrgCallError {
  const first = (Array.isArray(body) ? body[0] : body) as
    { errorCode?: string; message?: string } | undefined;
  return new OrgCallError(
    first?.errorCode ?? 'UNKNOWN',
    String(first?.message ?? '').slice(0, 500),
  );
}
