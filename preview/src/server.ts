// The local preview: HubSpot-like pages over the CRM sandbox, the real cards and settings page drawn in
// the browser, and their app functions run locally against the sandbox.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { OBJECT_TYPE_IDS, readAppProject, type AppProject } from './app-project.js';
import { BundleError, createBundler } from './bundle.js';
import {
  crmClient,
  readDeals,
  readPortfolioView,
  readProperties,
  readRecordPanel,
  type CrmConnection,
} from './crm.js';
import { createFunctionRunner, type FunctionUser } from './function-runner.js';
import { renderPage, type PageBootstrap } from './pages.js';
import { guardRequest, RefusedRequest } from './request-guard.js';
import { readCompanyTasks, readTaskPage, taskQuerySchema } from './tasks.js';

export interface PreviewOptions {
  crm: CrmConnection & { portalId: number };
  /** The HubSpot project's `src/app` folder. */
  appDir: string;
  port?: number;
  user?: FunctionUser;
  log?: (line: string) => void;
  /** Linked from the navigation: the Salesforce record pages, when they run beside this preview. */
  salesforceUrl?: string;
}

export interface Preview {
  url: string;
  port: number;
  /** The per-run token the preview's pages send with every API call (header x-csops-preview-token). */
  apiToken: string;
  close(): Promise<void>;
}

export const PREVIEW_USER: FunctionUser = {
  id: 1001,
  email: 'casey.morgan@example.com',
  firstName: 'Casey',
  lastName: 'Morgan',
};

const MAX_BODY_BYTES = 1_000_000;
const cssFile = fileURLToPath(new URL('./assets/preview.css', import.meta.url));
const RECORD_TYPES = new Set(['companies', 'deals']);

const functionCallBody = z.object({
  parameters: z.record(z.string(), z.unknown()).default({}),
  propertiesToSend: z.array(z.string()).default([]),
  crm: z
    .object({ objectId: z.coerce.number().int().positive(), objectTypeId: z.string() })
    .optional(),
});

const propertiesBody = z.object({ names: z.array(z.string()).max(500) });

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request body is larger than 1 MB');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}

function parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function objectTypeOf(objectTypeId: string): string {
  const entry = Object.entries(OBJECT_TYPE_IDS).find(([, id]) => id === objectTypeId);
  if (!entry) throw new HttpError(400, `crm.objectTypeId: unknown object type ${objectTypeId}`);
  return entry[0];
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const user = options.user ?? PREVIEW_USER;
  const log = options.log ?? (() => undefined);
  const apiToken = randomUUID();
  let guard = { port: 0, token: apiToken };
  const client = crmClient(options.crm);
  const bundler = createBundler();
  // Read on each request: a card or function added while the preview runs shows without a restart.
  const project = (): AppProject => readAppProject(options.appDir);
  const functionEnv = {
    HUBSPOT_API_BASE_URL: options.crm.baseUrl,
    PRIVATE_APP_ACCESS_TOKEN: options.crm.accessToken,
    HUBSPOT_PORTAL_ID: String(options.crm.portalId),
  };
  const runner = createFunctionRunner();

  function bootstrap(
    page: PageBootstrap['page'],
    title: string,
    extra: Partial<PageBootstrap> = {},
  ): PageBootstrap {
    const app = project();
    return {
      page,
      title,
      portalId: options.crm.portalId,
      apiToken,
      user,
      cards: app.cards.map((c) => ({ uid: c.uid, name: c.name, location: c.location })),
      settings: app.settings ? { uid: app.settings.uid } : undefined,
      rescoreFunction: app.functions.find((f) => /rescore/i.test(f.uid))?.uid,
      salesforceUrl: options.salesforceUrl,
      ...extra,
    };
  }

  async function callFunction(uid: string, body: unknown) {
    const call = parseBody(functionCallBody, body);
    const fn = project().functions.find((f) => f.uid === uid);
    if (!fn) {
      const known =
        project()
          .functions.map((f) => f.uid)
          .join(', ') || 'none';
      throw new HttpError(404, `No app function with uid "${uid}" (declared: ${known})`);
    }
    let propertiesToSend: Record<string, string | null> = {};
    if (call.crm && call.propertiesToSend.length > 0) {
      propertiesToSend = await readProperties(
        client,
        objectTypeOf(call.crm.objectTypeId),
        String(call.crm.objectId),
        call.propertiesToSend,
      );
    }
    const result = await runner.run({
      uid,
      file: fn.file,
      parameters: call.parameters,
      propertiesToSend,
      portalId: options.crm.portalId,
      user,
      crm: call.crm,
      env: functionEnv,
    });
    log(
      `function ${uid} ${result.ok ? 'ok' : `failed: ${result.message}`} (${result.durationMs} ms)`,
    );
    return result;
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    let m: RegExpExecArray | null;

    if (method === 'GET' && path === '/') {
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        renderPage(bootstrap('portfolio', 'Companies')),
      );
    }
    if (method === 'GET' && path === '/deals') {
      return send(res, 200, 'text/html; charset=utf-8', renderPage(bootstrap('deals', 'Deals')));
    }
    if (method === 'GET' && path === '/tasks') {
      return send(res, 200, 'text/html; charset=utf-8', renderPage(bootstrap('tasks', 'Tasks')));
    }
    if (method === 'GET' && path === '/settings') {
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        renderPage(bootstrap('settings', 'csops settings')),
      );
    }
    if (method === 'GET' && (m = /^\/(companies|deals)\/(\d+)$/.exec(path))) {
      const [, objectType = '', objectId = ''] = m;
      const data = bootstrap('record', objectType === 'companies' ? 'Company' : 'Deal', {
        objectType,
        objectTypeId: OBJECT_TYPE_IDS[objectType],
        objectId,
      });
      data.cards = project()
        .cards.filter((c) => c.objectTypes.includes(objectType))
        .map((c) => ({ uid: c.uid, name: c.name, location: c.location }));
      return send(res, 200, 'text/html; charset=utf-8', renderPage(data));
    }
    if (method === 'GET' && path === '/assets/preview.css') {
      return send(res, 200, 'text/css; charset=utf-8', readFileSync(cssFile, 'utf8'));
    }
    if (method === 'GET' && path === '/favicon.ico') {
      res.writeHead(204);
      return void res.end();
    }
    if (method === 'GET' && path === '/assets/host.js') {
      return send(res, 200, 'text/javascript; charset=utf-8', await bundler.host());
    }
    if (method === 'GET' && (m = /^\/extensions\/([A-Za-z0-9_.-]+)\.js$/.exec(path))) {
      const uid = m[1];
      const app = project();
      const file =
        app.cards.find((c) => c.uid === uid)?.file ??
        (app.settings && app.settings.uid === uid ? app.settings.file : undefined);
      if (!file) throw new HttpError(404, `No card or settings page with uid "${uid}"`);
      return send(res, 200, 'text/javascript; charset=utf-8', await bundler.extension(file));
    }
    if (method === 'GET' && path === '/api/portfolio') {
      return sendJson(res, 200, await readPortfolioView(client));
    }
    if (method === 'GET' && path === '/api/deals') {
      return sendJson(res, 200, { deals: await readDeals(client, new Date().toISOString()) });
    }
    if (method === 'GET' && path === '/api/tasks') {
      const query = parseBody(taskQuerySchema, Object.fromEntries(url.searchParams));
      return sendJson(res, 200, await readTaskPage(client, query, new Date().toISOString()));
    }
    if (method === 'GET' && (m = /^\/api\/records\/companies\/(\d+)\/tasks$/.exec(path))) {
      const tasks = await readCompanyTasks(client, m[1] ?? '', new Date().toISOString());
      return sendJson(res, 200, { tasks });
    }
    if (method === 'GET' && (m = /^\/api\/records\/([a-z]+)\/(\d+)$/.exec(path))) {
      const [, objectType = '', id = ''] = m;
      if (!RECORD_TYPES.has(objectType))
        throw new HttpError(404, `No record pages for ${objectType}`);
      return sendJson(res, 200, await readRecordPanel(client, objectType, id));
    }
    if (method === 'POST' && (m = /^\/api\/records\/([a-z]+)\/(\d+)\/properties$/.exec(path))) {
      const [, objectType = '', id = ''] = m;
      const { names } = parseBody(propertiesBody, await readJson(req));
      return sendJson(res, 200, {
        properties: await readProperties(client, objectType, id, names),
      });
    }
    if (method === 'POST' && (m = /^\/api\/functions\/([A-Za-z0-9_.-]+)$/.exec(path))) {
      return sendJson(res, 200, await callFunction(m[1] ?? '', await readJson(req)));
    }
    throw new HttpError(404, `Nothing at ${method} ${path}`);
  }

  const server = createServer((req, res) => {
    Promise.resolve()
      .then(() => guardRequest(req, guard))
      .then(() => route(req, res))
      .catch((error: unknown) => {
        const status =
          error instanceof HttpError || error instanceof RefusedRequest
            ? error.status
            : error instanceof BundleError
              ? 500
              : 502;
        const message = error instanceof Error ? error.message : String(error);
        if (status >= 500) log(`${req.method} ${req.url}: ${message}`);
        if (res.headersSent) return res.end();
        if ((req.url ?? '').startsWith('/api/') || req.method !== 'GET')
          return sendJson(res, status, { error: message });
        if ((req.url ?? '').endsWith('.js')) {
          // A bundle that fails to build reports itself in the page rather than as a blank card.
          return send(
            res,
            200,
            'text/javascript; charset=utf-8',
            `throw new Error(${JSON.stringify(message)});`,
          );
        }
        send(res, status, 'text/plain; charset=utf-8', message);
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  guard = { port, token: apiToken };
  // The app's functions share one package: warm threads for it serve whichever function is called first.
  const firstFunction = project().functions[0];
  if (firstFunction) runner.warm(firstFunction.file, functionEnv);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    apiToken,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([bundler.close(), runner.close()]);
    },
  };
}
