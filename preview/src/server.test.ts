import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureAppDir } from './fixtures/index.js';
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

const post = (path: string, body: unknown) =>
  fetch(`${preview.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

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
    const response = await fetch(`${preview.url}/api/portfolio`);
    expect(response.status).toBe(502);
    await expect(response.json()).resolves.toHaveProperty('error');
  });
});
