import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureAppDir } from './fixtures/index.js';
import { createFunctionRunner, type FunctionCall } from './function-runner.js';

const env = { HUBSPOT_API_BASE_URL: 'http://127.0.0.1:9', PRIVATE_APP_ACCESS_TOKEN: 'token' };
const fixture = (file: string) => join(fixtureAppDir, 'functions', file);

const call = (uid: string, file: string, extra: Partial<FunctionCall> = {}): FunctionCall => ({
  uid,
  file,
  parameters: { greeting: 'hello' },
  propertiesToSend: { name: 'Acme' },
  portalId: 424242,
  user: { id: 7, email: 'csm@example.com', firstName: 'Casey', lastName: 'Morgan' },
  crm: { objectId: 12, objectTypeId: '0-2' },
  env,
  ...extra,
});

const runner = createFunctionRunner({ warmWorkers: 1 });
beforeAll(() => {
  runner.warm(fixture('echo.js'), env);
  return runner.ready();
});
afterAll(() => runner.close());

describe('running an app function locally', () => {
  it('gives main the HubSpot context and the sandbox environment, and returns its value', async () => {
    const result = await runner.run(call('fixture_echo', fixture('echo.js')));
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
    const result = await runner.run(call('fixture_echo', fixture('echo.js')));
    expect(result.ok && (result.response as { homeVisible: boolean }).homeVisible).toBe(false);
  });

  it('gives a call none of the module state, globals or env an earlier call left', async () => {
    const fresh = { ok: true, response: { moduleCalls: 1, globalCalls: 1, envLeft: null } };
    await runner.ready();
    expect(await runner.run(call('fixture_remember', fixture('remember.js')))).toMatchObject(fresh);
    await runner.ready();
    expect(await runner.run(call('fixture_remember', fixture('remember.js')))).toMatchObject(fresh);
  });

  it('runs calls beyond the warm threads at once, each as fresh as the others', async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => runner.run(call('fixture_remember', fixture('remember.js')))),
    );
    for (const result of results) {
      expect(result).toMatchObject({ ok: true, response: { moduleCalls: 1, globalCalls: 1 } });
    }
  });

  it('reports a thrown error with its message', async () => {
    const result = await runner.run(call('fixture_fail', fixture('fail.js')));
    expect(result).toMatchObject({ ok: false, message: 'the fixture refuses' });
  });

  it('stops a function that runs past its time limit', async () => {
    const result = await runner.run(call('fixture_hang', fixture('hang.js'), { timeoutMs: 300 }));
    expect(result).toMatchObject({
      ok: false,
      message: 'fixture_hang did not finish within 0.3 s',
    });
  });

  it('says so when the entry file does not exist', async () => {
    const result = await runner.run(call('ghost', fixture('ghost.js')));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/Cannot find module/);
  });
});

describe('a function whose workspace dependency is rebuilt while the preview runs', () => {
  // A function package depending on a linked workspace package, as the app's functions depend on the core.
  const dir = mkdtempSync(join(tmpdir(), 'csops-preview-functions-'));
  const coreFile = join(dir, 'core', 'index.js');
  const entry = join(dir, 'functions', 'version.js');
  mkdirSync(join(dir, 'core'));
  mkdirSync(join(dir, 'functions', 'node_modules'), { recursive: true });
  writeFileSync(
    join(dir, 'core', 'package.json'),
    '{ "name": "fixture-core", "main": "index.js" }',
  );
  writeFileSync(coreFile, 'exports.version = 1;');
  writeFileSync(
    join(dir, 'functions', 'package.json'),
    '{ "name": "fixture-functions", "dependencies": { "fixture-core": "*" } }',
  );
  symlinkSync(join(dir, 'core'), join(dir, 'functions', 'node_modules', 'fixture-core'));
  writeFileSync(entry, "exports.main = async () => require('fixture-core').version;");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the rebuilt code, not what a warm thread loaded before', async () => {
    const linked = createFunctionRunner({ warmWorkers: 1 });
    try {
      linked.warm(entry, env);
      await linked.ready();
      expect(await linked.run(call('version', entry))).toMatchObject({ ok: true, response: 1 });
      await linked.ready();
      writeFileSync(coreFile, 'exports.version = 2;');
      const later = new Date(Date.now() + 10_000);
      utimesSync(coreFile, later, later);
      expect(await linked.run(call('version', entry))).toMatchObject({ ok: true, response: 2 });
    } finally {
      await linked.close();
    }
  });
});

describe('a closed runner', () => {
  it('refuses calls instead of starting threads', async () => {
    const closed = createFunctionRunner();
    closed.warm(fixture('echo.js'), env);
    await closed.close();
    expect(await closed.run(call('fixture_echo', fixture('echo.js')))).toMatchObject({
      ok: false,
      message: 'the preview has closed',
    });
  });
});
