import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureAppDir } from './fixtures/index.js';
import { PREVIEW_TOKEN_HEADER } from './request-guard.js';
import { startPreview, type Preview } from './server.js';

// The CRM is unreachable here: these routes must work (or fail clearly) without it.
let preview: Preview;
beforeAll(async () => {
  preview = await startPreview({
    crm: { baseUrl: 'http://127.0.0.1:9', accessToken: 'unused', portalId: 77 },
    appDir: fixtureAppDir,
    port: 0,
  });
});
afterAll(() => preview.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${preview.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [PREVIEW_TOKEN_HEADER]: preview.apiToken,
      ...headers,
    },
    body: JSON.stringify(body),
  });

/** A request whose Host header says what a DNS-rebinding page would: not the preview's own. */
function getWithHost(path: string, host: string) {
  return new Promise<number>((resolve, reject) => {
    const req = request(`${preview.url}${path}`, {
      headers: { host, [PREVIEW_TOKEN_HEADER]: preview.apiToken },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('preview server', () => {
  it('listens on 127.0.0.1 and labels every page as the local preview', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const html = await (await fetch(`${preview.url}/settings`)).text();
    expect(html).toContain('csops local preview — CRM sandbox, not HubSpot');
    expect(html).toContain('"settings":{"uid":"fixture_settings"}');
  });

  it('bundles a card with the worker runtime ahead of the card code', async () => {
    const response = await fetch(`${preview.url}/extensions/fixture_card.js`);
    expect(response.headers.get('content-type')).toContain('javascript');
    const code = await response.text();
    expect(code.indexOf('__HUBSPOT_EXTENSION_WORKER__')).toBeGreaterThan(-1);
    expect(code.indexOf('__HUBSPOT_EXTENSION_WORKER__')).toBeLessThan(code.indexOf('fixture_echo'));
  });

  it('runs a function called without a record and returns its value', async () => {
    const result = await (
      await post('/api/functions/fixture_echo', { parameters: { greeting: 'hi' } })
    ).json();
    expect(result).toMatchObject({
      ok: true,
      response: { greeting: 'hi', accountId: 77, baseUrl: 'http://127.0.0.1:9' },
    });
  });

  it('names the unknown function and the ones the app declares', async () => {
    const response = await post('/api/functions/nope', {});
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(/No app function with uid "nope"/);
    expect(body.error).toMatch(/fixture_echo/);
  });

  it('refuses a malformed call naming the field', async () => {
    const response = await post('/api/functions/fixture_echo', { propertiesToSend: 'name' });
    expect(response.status).toBe(400);
    await expect(response.json()).resolves.toMatchObject({
      error: expect.stringMatching(/^propertiesToSend:/),
    });
  });

  it('says the CRM is unreachable instead of showing an empty portfolio', async () => {
    const response = await fetch(`${preview.url}/api/portfolio`, {
      headers: { [PREVIEW_TOKEN_HEADER]: preview.apiToken },
    });
    expect(response.status).toBe(502);
    await expect(response.json()).resolves.toHaveProperty('error');
  });
});

describe('who may call the preview', () => {
  it('gives its pages the token their API calls must carry', async () => {
    const html = await (await fetch(`${preview.url}/`)).text();
    expect(html).toContain(`"apiToken":"${preview.apiToken}"`);
  });

  it('refuses a function call from another web page, even with the token', async () => {
    const response = await post(
      '/api/functions/fixture_echo',
      {},
      { origin: 'http://evil.example' },
    );
    expect(response.status).toBe(403);
    await expect(response.json()).resolves.toMatchObject({
      error: expect.stringContaining('http://evil.example'),
    });
  });

  it('refuses a cross-site call the browser marks as such', async () => {
    const response = await post(
      '/api/functions/fixture_echo',
      {},
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(response.status).toBe(403);
  });

  it("refuses a call without the run's token, so a page the preview did not serve cannot call it", async () => {
    const response = await post(
      '/api/functions/fixture_echo',
      {},
      { [PREVIEW_TOKEN_HEADER]: 'guess' },
    );
    expect(response.status).toBe(403);
    await expect(response.json()).resolves.toMatchObject({
      error: expect.stringContaining('reload the page'),
    });
  });

  it('refuses a body that is not JSON, the kind a form on another site can send without asking', async () => {
    const response = await post(
      '/api/functions/fixture_echo',
      {},
      { 'content-type': 'text/plain' },
    );
    expect(response.status).toBe(415);
  });

  it('serves the Tasks page in the navigation, and refuses a task filter it does not offer by name', async () => {
    const html = await (await fetch(`${preview.url}/tasks`)).text();
    expect(html).toContain(
      'href="/tasks" class="sidenav__link is-active" aria-current="page">Tasks<',
    );
    const response = await fetch(`${preview.url}/api/tasks?filter=late`, {
      headers: { [PREVIEW_TOKEN_HEADER]: preview.apiToken },
    });
    expect(response.status).toBe(400);
    await expect(response.json()).resolves.toMatchObject({
      error: expect.stringMatching(/^filter: /),
    });
  });

  it('answers nothing, not even a page, to a host name other than its own (DNS rebinding)', async () => {
    expect(await getWithHost('/api/portfolio', 'evil.example')).toBe(421);
    expect(await getWithHost('/', `evil.example:${preview.port}`)).toBe(421);
    expect(await getWithHost('/', `localhost:${preview.port}`)).toBe(200);
  });
});
