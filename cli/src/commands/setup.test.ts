import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '@csops/sandbox';
import { command } from './setup.js';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'empty', token: 'setup-token' });
});
afterAll(() => sandbox.close());

describe('csops setup hubspot', () => {
  it('runs as a command against the sandbox without printing the token', async () => {
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const errWrite = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((chunk: string) => (
      out.push(String(chunk)),
      true
    )) as typeof process.stdout.write;
    process.stderr.write = ((chunk: string) => (
      out.push(String(chunk)),
      true
    )) as typeof process.stderr.write;
    process.env.HUBSPOT_ACCESS_TOKEN = 'setup-token';
    try {
      expect(await command.run(['hubspot', '--base-url', sandbox.url])).toBe(0);
      expect(await command.run(['hubspot', '--base-url', sandbox.url])).toBe(0);
      expect(await command.run(['salesforce'])).toBe(2);
    } finally {
      process.stdout.write = write;
      process.stderr.write = errWrite;
      delete process.env.HUBSPOT_ACCESS_TOKEN;
    }
    const printed = out.join('');
    expect(printed).toContain('0 created');
    expect(printed).toContain('the only target is "hubspot"');
    expect(printed).not.toContain('setup-token');
  });

  it('refuses to run without a token', async () => {
    const saved = { a: process.env.HUBSPOT_ACCESS_TOKEN, b: process.env.PRIVATE_APP_ACCESS_TOKEN };
    delete process.env.HUBSPOT_ACCESS_TOKEN;
    delete process.env.PRIVATE_APP_ACCESS_TOKEN;
    const err: string[] = [];
    const errWrite = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (
      err.push(String(chunk)),
      true
    )) as typeof process.stderr.write;
    try {
      expect(await command.run(['hubspot', '--base-url', sandbox.url])).toBe(2);
    } finally {
      process.stderr.write = errWrite;
      if (saved.a) process.env.HUBSPOT_ACCESS_TOKEN = saved.a;
      if (saved.b) process.env.PRIVATE_APP_ACCESS_TOKEN = saved.b;
    }
    expect(err.join('')).toContain('HUBSPOT_ACCESS_TOKEN');
  });
});
