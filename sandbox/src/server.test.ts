import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './index.js';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'empty', token: 'right-token' });
});
afterAll(() => sandbox.close());

/** Announces a body of `announced` bytes, sends none of it, and waits for whatever answer comes. */
function postWithoutBody(token: string, announced: number) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const url = new URL('/crm/v3/objects/companies', sandbox.url);
    const req = request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': String(announced),
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

describe('the sandbox HTTP server', () => {
  it('refuses a wrong token before reading the body: the 401 comes while the body is still unsent', async () => {
    const answer = await postWithoutBody('wrong-token', 16_000_000);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ category: 'INVALID_AUTHENTICATION' });
  });

  it('waits for the body of an authenticated request', async () => {
    const outcome = await Promise.race([
      postWithoutBody('right-token', 100).then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 300)),
    ]);
    expect(outcome).toBe('still waiting');
  });
});
