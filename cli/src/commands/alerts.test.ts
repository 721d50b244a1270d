import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '@csops/core';
import { command } from './alerts.js';

const SECRET = 'CSOPS_TEST_ALERTS_WEBHOOK';
const posted: { path: string; body: { text?: string } }[] = [];
let server: Server;
let webhookUrl = '';
let dir = '';
let settingsFile = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      posted.push({ path: req.url ?? '', body: JSON.parse(data) as { text?: string } });
      const gone = req.url?.endsWith('/gone');
      res.writeHead(gone ? 404 : 200, { 'content-type': 'text/plain' });
      res.end(gone ? 'no_service' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T1/B1/hush-hush`;
  setTimeout(() => server.close(), 60_000).unref();
  dir = mkdtempSync(join(tmpdir(), 'csops-alerts-'));
  settingsFile = join(dir, 'settings.json');
  const settings = defaultSettings();
  settings.alerts.channels = [
    { name: '#cs-alerts', webhookSecret: SECRET, events: ['band_drop', 'renewal_stage'] },
  ];
  writeFileSync(settingsFile, JSON.stringify(settings));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env[SECRET];
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function run(argv: string[]): Promise<{ code: number; printed: string }> {
  const out: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  const errWrite = process.stderr.write.bind(process.stderr);
  const capture = ((chunk: string) => (
    out.push(String(chunk)),
    true
  )) as typeof process.stdout.write;
  process.stdout.write = capture;
  process.stderr.write = capture;
  try {
    return { code: await command.run(argv), printed: out.join('') };
  } finally {
    process.stdout.write = write;
    process.stderr.write = errWrite;
  }
}

describe('csops alerts test', () => {
  it('sends one test alert to the channel’s webhook and says so without the URL', async () => {
    process.env[SECRET] = webhookUrl;
    const { code, printed } = await run([
      'test',
      '--channel',
      '#cs-alerts',
      '--settings',
      settingsFile,
    ]);
    expect(code).toBe(0);
    expect(printed).toBe(`Sent a test alert to #cs-alerts through the webhook in ${SECRET}.\n`);
    expect(posted.at(-1)?.path).toBe('/services/T1/B1/hush-hush');
    expect(posted.at(-1)?.body.text).toContain('health band drops, renewals entering a stage');
  });

  it('says the secret is not set when the environment lacks it', async () => {
    delete process.env[SECRET];
    const { code, printed } = await run([
      'test',
      '--channel',
      'cs-alerts',
      '--settings',
      settingsFile,
    ]);
    expect(code).toBe(1);
    expect(printed).toBe(
      `The test alert to #cs-alerts was not sent: webhook secret ${SECRET} is not set.\n`,
    );
  });

  it('passes on Slack’s refusal in plain words, never the URL', async () => {
    process.env[SECRET] = webhookUrl.replace('hush-hush', 'gone');
    const { code, printed } = await run([
      'test',
      '--channel',
      '#cs-alerts',
      '--settings',
      settingsFile,
    ]);
    expect(code).toBe(1);
    expect(printed).toContain('Slack answered 404 no_service');
    expect(printed).not.toContain('127.0.0.1');
    expect(printed).not.toContain('/services/');
  });

  it('names the channels settings do have when asked for another', async () => {
    const { code, printed } = await run([
      'test',
      '--channel',
      '#renewals',
      '--settings',
      settingsFile,
    ]);
    expect(code).toBe(2);
    expect(printed).toContain(
      'settings name no channel "#renewals" (channels in settings: #cs-alerts)',
    );
  });

  it('refuses a missing channel flag, a missing file and an unknown action', async () => {
    expect((await run(['test'])).printed).toContain('--channel needs the channel name');
    expect(
      (await run(['test', '--channel', 'x', '--settings', join(dir, 'nope.json')])).printed,
    ).toContain('there is no such file');
    expect((await run(['send', '--channel', 'x'])).printed).toContain('the only action is "test"');
  });
});
