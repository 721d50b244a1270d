// The Lightning host on 127.0.0.1: record pages, the compiled components, SLDS, and the org API the
// components' platform modules call, passed to the Salesforce sandbox with the org's token.
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issuesFromZod, formatIssues } from '@csops/core';
import { z } from 'zod';
import { APEX_METHODS } from './apex.js';
import { cachedHostBundle, type HostBundle } from './build.js';
import { answerGraphql, graphqlBody } from './graphql.js';
import { OrgError, orgFetch, query, soqlString, type OrgConnection } from './org.js';
import { renderIndexPage, renderNotFound, renderRecordPage, type IndexEntry } from './pages.js';

const require = createRequire(import.meta.url);
const SLDS_ASSETS = join(
  dirname(require.resolve('@salesforce-ux/design-system/package.json')),
  'assets',
);
const HOST_CSS = fileURLToPath(new URL('./assets/host.css', import.meta.url));
const MAX_BODY_BYTES = 1_000_000;
const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const TYPES = { '001': 'Account', '006': 'Opportunity' } as const;

/** The UI API resources the platform modules call; anything else is not this host's to pass on. */
const UI_API_ROUTES: { method: string; pattern: RegExp }[] = [
  { method: 'GET', pattern: /^\/ui-api\/records\/\w+$/ },
  { method: 'PATCH', pattern: /^\/ui-api\/records\/\w+$/ },
  { method: 'POST', pattern: /^\/ui-api\/records$/ },
  { method: 'GET', pattern: /^\/ui-api\/related-list-records\/\w+\/\w+$/ },
  { method: 'GET', pattern: /^\/ui-api\/object-info\/\w+$/ },
];

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export interface SalesforcePreviewOptions {
  org: OrgConnection;
  port?: number;
  /** The Salesforce user the components run as (`@salesforce/user/Id`). */
  userId: string;
  /** The named demo Accounts the index page lists. */
  accounts: { id: string; name: string }[];
  hubspotUrl?: string;
  log?: (line: string) => void;
  /** Compile the components at start rather than on the first page (default true). */
  compileAtStart?: boolean;
}

export interface SalesforcePreviewServer {
  url: string;
  port: number;
  /** Sent by the pages with every org call (header x-csops-preview-token). */
  apiToken: string;
  /** Points the navigation at the HubSpot preview once it runs. */
  setHubspotUrl(url: string | undefined): void;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request body is larger than 1 MB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function sendFile(res: ServerResponse, file: string): void {
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'max-age=3600',
  });
  createReadStream(file).pipe(res);
}

/** A file under SLDS's assets folder, never outside it. */
function sldsAsset(path: string): string | undefined {
  const file = normalize(join(SLDS_ASSETS, decodeURIComponent(path)));
  if (!file.startsWith(SLDS_ASSETS + sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

async function readRecord(
  org: OrgConnection,
  type: string,
  id: string,
): Promise<Record<string, unknown> | undefined> {
  const { status, text } = await orgFetch(
    org,
    `/services/data/v${org.version}/sobjects/${type}/${id}`,
  );
  if (status === 404) return undefined;
  if (status !== 200) throw new OrgError(status, text);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Salesforce writes times as 2026-12-01T10:00:00.000+0000, which Date.parse does not read. */
function sfTime(text: string): number {
  return Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

function money(value: unknown): string {
  return typeof value === 'number' ? `$${value.toLocaleString('en-US')}` : '—';
}

function detailsOf(type: string, r: Record<string, unknown>): { label: string; value: string }[] {
  const text = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : String(v));
  if (type === 'Account')
    return [
      { label: 'Account Name', value: text(r.Name) },
      { label: 'Segment', value: text(r.Csops_Segment__c) },
      { label: 'ARR', value: money(r.Csops_ARR__c) },
      { label: 'Renewal date', value: text(r.Csops_Renewal_Date__c) },
    ];
  return [
    { label: 'Opportunity Name', value: text(r.Name) },
    { label: 'Stage', value: text(r.StageName) },
    { label: 'Amount', value: money(r.Amount) },
    { label: 'Close Date', value: text(r.CloseDate) },
  ];
}

export async function startSalesforcePreviewServer(
  options: SalesforcePreviewOptions,
): Promise<SalesforcePreviewServer> {
  const { org } = options;
  const log = options.log ?? (() => undefined);
  const apiToken = randomUUID();
  let hubspotUrl = options.hubspotUrl;
  let bundle: Promise<HostBundle> | undefined;
  const hostScript = () => (bundle ??= cachedHostBundle({ userId: options.userId }));
  const api = `/services/data/v${org.version}`;
  const recordWrites = new Map<string, Promise<void>>();

  async function indexEntries(): Promise<IndexEntry[]> {
    if (options.accounts.length === 0) return [];
    const opportunities = await query(
      org,
      `SELECT Id, Name, StageName, AccountId FROM Opportunity WHERE AccountId IN (${options.accounts.map((a) => soqlString(a.id)).join(', ')}) ORDER BY Name`,
    );
    return options.accounts.map((account) => ({
      account,
      opportunities: opportunities
        .filter((o) => o.AccountId === account.id)
        .map((o) => ({ id: String(o.Id), name: String(o.Name), stage: String(o.StageName) })),
    }));
  }

  async function draftHandoffs(): Promise<IndexEntry['opportunities']> {
    const rows = await query(
      org,
      "SELECT Id, Name, StageName FROM Opportunity WHERE Csops_Handoff_Status__c = 'draft' ORDER BY Name LIMIT 10",
    );
    return rows.map((o) => ({
      id: String(o.Id),
      name: String(o.Name),
      stage: String(o.StageName),
    }));
  }

  async function orgCall(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.headers['x-csops-preview-token'] !== apiToken)
      throw new HttpError(403, 'Only the pages this preview served may call the org');
    const method = req.method ?? 'GET';
    const body = method === 'GET' ? undefined : await readBody(req);
    if (method === 'POST' && path.startsWith('/apex/')) {
      const name = path.slice('/apex/'.length);
      const apex = APEX_METHODS[name];
      if (!apex) throw new HttpError(404, `No Apex method ${name} is answered here`);
      try {
        sendJson(res, 200, await apex(org, parseJson(body ?? '')));
      } catch (error) {
        if (error instanceof z.ZodError)
          return sendJson(res, 400, {
            message: formatIssues(issuesFromZod(error)),
            exceptionType: 'System.IllegalArgumentException',
          });
        throw error;
      }
      return;
    }
    const rest = path.slice(api.length);
    if (method === 'POST' && rest === '/graphql') {
      const parsed = graphqlBody.safeParse(parseJson(body ?? ''));
      if (!parsed.success)
        return sendJson(res, 400, [
          { errorCode: 'INVALID_INPUT', message: formatIssues(issuesFromZod(parsed.error)) },
        ]);
      try {
        return sendJson(res, 200, await answerGraphql(org, parsed.data));
      } catch (error) {
        if (error instanceof z.ZodError)
          return sendJson(res, 200, {
            errors: [{ message: formatIssues(issuesFromZod(error)) }],
          });
        throw error;
      }
    }
    const pathOnly = rest.split('?')[0]!;
    if (!UI_API_ROUTES.some((r) => r.method === method && r.pattern.test(pathOnly)))
      throw new HttpError(404, `${method} ${rest} is not a UI API resource this host passes on`);
    const since = req.headers['if-unmodified-since'];
    const answer =
      method === 'PATCH' && typeof since === 'string'
        ? await conditionalUpdate(pathOnly, path, since, body)
        : await orgFetch(org, path, { method, body });
    send(res, answer.status, 'application/json; charset=utf-8', answer.text);
  }

  /**
   * A PATCH with If-Unmodified-Since, refused with 412 when the record changed after that date.
   * The sandbox does not read the header, so the host checks it, one write per record at a time,
   * so that of two tabs claiming the same record only the first gets through.
   */
  function conditionalUpdate(
    pathOnly: string,
    path: string,
    since: string,
    body: string | undefined,
  ): Promise<{ status: number; text: string }> {
    const id = pathOnly.split('/').pop()!;
    const run = async () => {
      const current = await orgFetch(org, `${api}/ui-api/records/${id}?fields=`);
      if (current.status !== 200) return current;
      const modified = (JSON.parse(current.text) as { lastModifiedDate?: string }).lastModifiedDate;
      if (modified && sfTime(modified) > sfTime(since))
        return {
          status: 412,
          text: JSON.stringify([
            {
              errorCode: 'PRECONDITION_FAILED',
              message: `The record was changed at ${modified}, after ${since}: reload it and try again`,
            },
          ]),
        };
      return orgFetch(org, path, { method: 'PATCH', body });
    };
    const next = (recordWrites.get(id) ?? Promise.resolve()).then(run, run);
    recordWrites.set(
      id,
      next.then(
        () => undefined,
        () => undefined,
      ),
    );
    return next;
  }

  async function recordPage(res: ServerResponse, type: string, id: string): Promise<void> {
    const record = ID.test(id) ? await readRecord(org, type, id) : undefined;
    if (!record || TYPES[id.slice(0, 3) as keyof typeof TYPES] !== type)
      return send(
        res,
        404,
        'text/html; charset=utf-8',
        renderNotFound(`No ${type} ${id} in the Salesforce sandbox.`, hubspotUrl),
      );
    send(
      res,
      200,
      'text/html; charset=utf-8',
      renderRecordPage({
        objectApiName: type as 'Account' | 'Opportunity',
        recordId: String(record.Id),
        title: String(record.Name ?? id),
        details: detailsOf(type, record),
        component: type === 'Account' ? 'accountHealth' : 'opportunityHandoff',
        token: apiToken,
        hubspotUrl,
      }),
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (path.startsWith('/services/') || path.startsWith('/apex/'))
      return orgCall(req, res, path + url.search);
    if (req.method !== 'GET') throw new HttpError(405, `${req.method} is not allowed here`);
    if (path === '/') {
      const [entries, drafts] = await Promise.all([indexEntries(), draftHandoffs()]);
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        renderIndexPage(entries, drafts, hubspotUrl),
      );
    }
    const record = /^\/lightning\/r\/(Account|Opportunity)\/(\w+)\/view$/.exec(path);
    if (record) return recordPage(res, record[1]!, record[2]!);
    if (path === '/assets/host.js')
      return send(res, 200, 'text/javascript; charset=utf-8', (await hostScript()).script);
    if (path === '/assets/host.css') return sendFile(res, HOST_CSS);
    if (path === '/favicon.ico') {
      res.writeHead(204);
      return void res.end();
    }
    const asset = path.startsWith('/assets/') && sldsAsset(path.slice('/assets/'.length));
    if (asset) return sendFile(res, asset);
    send(res, 404, 'text/html; charset=utf-8', renderNotFound(`Nothing at ${path}.`, hubspotUrl));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof OrgError && !res.headersSent)
        return sendJson(res, error.status, error.body);
      const status = error instanceof HttpError ? error.status : 502;
      const message =
        error instanceof HttpError
          ? error.message
          : `The Salesforce sandbox could not be reached: ${(error as Error).message}`;
      if (!(error instanceof HttpError)) log(`Salesforce preview: ${message}`);
      if (!res.headersSent) sendJson(res, status, [{ errorCode: 'PREVIEW_HOST', message }]);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // Compile while the first page loads, so the script is ready when the page asks for it.
  if (options.compileAtStart ?? true)
    hostScript().catch((error: unknown) =>
      log(`Salesforce preview: the components did not compile: ${(error as Error).message}`),
    );
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    apiToken,
    setHubspotUrl: (next) => {
      hubspotUrl = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
