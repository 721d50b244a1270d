import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureAppDir } from './fixtures/index.js';
import { runAppFunction, type FunctionCall } from './function-runner.js';

const call = (uid: string, file: string, extra: Partial<FunctionCall> = {}): FunctionCall => ({
  uid,
  file: join(fixtureAppDir, 'functions', file),
  parameters: { greeting: 'hello' },
  propertiesToSend: { name: 'Acme' },
  portalId: 424242,
  user: { id: 7, email: 'csm@example.com', firstName: 'Casey', lastName: 'Morgan' },
  crm: { objectId: 12, objectTypeId: '0-2' },
  env: { HUBSPOT_API_BASE_URL: 'http://127.0.0.1:9', PRIVATE_APP_ACCESS_TOKEN: 'token' },
  ...extra,
});

describe('running an app function locally', () => {
  it('gives main the HubSpot context and the sandbox environment, and returns its value', async () => {
    const result = await runAppFunction(call('fixture_echo', 'echo.js'));
    expect(result).toMatchObject({
      ok: true,
      response: {
        greeting: 'hello',
        name: 'Acme',
        objectId: 12,
        accountId: 424242,
        userEmail: 'csm@example.com',
        baseUrl: 'http://127.0.0.1:9',
        tokenSet: true,
      },
    });
  });

  it('shows the function only the environment it was given', async () => {
    const result = await runAppFunction(call('fixture_echo', 'echo.js'));
    expect(result.ok && (result.response as { homeVisible: boolean }).homeVisible).toBe(false);
  });

  it('reports a thrown error with its message', async () => {
    const result = await runAppFunction(call('fixture_fail', 'fail.js'));
    expect(result).toMatchObject({ ok: false, message: 'the fixture refuses' });
  });

  it('stops a function that runs past its time limit', async () => {
    const result = await runAppFunction(call('fixture_hang', 'hang.js', { timeoutMs: 300 }));
    expect(result).toMatchObject({
      ok: false,
      message: 'fixture_hang did not finish within 0.3 s',
    });
  });

  it('says so when the entry file does not exist', async () => {
    const result = await runAppFunction(call('ghost', 'ghost.js'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/Cannot find module/);
  });
});
