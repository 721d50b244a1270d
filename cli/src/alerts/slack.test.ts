import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelAlert } from '@csops/core';
import { sendAlerts, type SendOptions } from './slack.js';

/** Stands in for Slack: answers each webhook path from a script, records what was posted. */
interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}
const scripts = new Map<string, Answer[]>();
const posted: { path: string; body: unknown }[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      const path = req.url ?? '';
      posted.push({ path, body: JSON.parse(data) as unknown });
      const answer = scripts.get(path)?.shift() ?? { status: 200, body: 'ok' };
      // Status 0: Slack never answers (the socket is dropped after a while, so nothing lingers).
      if (answer.status === 0) return void setTimeout(() => res.destroy(), 3000).unref();
      res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Bounded in time: the receiver closes itself even if the suite never reaches afterAll.
  setTimeout(() => server.close(), 60_000).unref();
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  scripts.clear();
  posted.length = 0;
});

const SECRET_PATH = '/services/T0001/B0001/s3cr3t-token';

function alert(secret: string, eventKey = 'band_drop:9001:yellow->red:2026-11-02'): ChannelAlert {
  return {
    channel: '#cs-alerts',
    webhookSecret: secret,
    eventKey,
    event: 'band_drop',
    text: '<https://crm.example/9001|Harbor &amp; Finch>: Health fell from Yellow to Red.',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Harbor &amp; Finch*' } }],
  };
}

function options(paths: Record<string, string>, waits: number[] = []): SendOptions {
  return {
    webhookUrlFor: (name) => (paths[name] === undefined ? undefined : `${base}${paths[name]}`),
    timeoutMs: 5000,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
}

describe('sendAlerts', () => {
  it('posts the text and blocks to the webhook the secret names', async () => {
    const result = await sendAlerts(
      [alert('CSOPS_SLACK_WEBHOOK_URL')],
      options({ CSOPS_SLACK_WEBHOOK_URL: SECRET_PATH }),
    );
    expect(result).toEqual([
      {
        channel: '#cs-alerts',
        eventKey: 'band_drop:9001:yellow->red:2026-11-02',
        event: 'band_drop',
        sent: true,
        attempts: 1,
      },
    ]);
    expect(posted).toEqual([
      {
        path: SECRET_PATH,
        body: {
          text: '<https://crm.example/9001|Harbor &amp; Finch>: Health fell from Yellow to Red.',
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Harbor &amp; Finch*' } }],
          unfurl_links: false,
        },
      },
    ]);
  });

  it('says which secret is missing, sends nothing for that alert and still sends the others', async () => {
    const result = await sendAlerts(
      [alert('CSOPS_MISSING', 'k1'), alert('CSOPS_SLACK_WEBHOOK_URL', 'k2')],
      options({ CSOPS_SLACK_WEBHOOK_URL: SECRET_PATH }),
    );
    expect(result.map((r) => [r.eventKey, r.sent, r.reason])).toEqual([
      ['k1', false, 'webhook secret CSOPS_MISSING is not set'],
      ['k2', true, undefined],
    ]);
    expect(posted).toHaveLength(1);
  });

  it('reports Slack’s refusal in plain words, without the URL, and does not retry it', async () => {
    scripts.set(SECRET_PATH, [{ status: 404, body: 'no_service' }]);
    const result = await sendAlerts(
      [alert('CSOPS_SLACK_WEBHOOK_URL')],
      options({ CSOPS_SLACK_WEBHOOK_URL: SECRET_PATH }),
    );
    expect(result[0]).toMatchObject({
      sent: false,
      attempts: 1,
      reason: 'Slack answered 404 no_service',
    });
    expect(JSON.stringify(result)).not.toContain('s3cr3t');
    expect(JSON.stringify(result)).not.toContain(base);
  });

  it('waits as long as a 429 says and tries again', async () => {
    scripts.set(SECRET_PATH, [
      { status: 429, body: 'rate_limited', headers: { 'retry-after': '2' } },
    ]);
    const waits: number[] = [];
    const result = await sendAlerts(
      [alert('CSOPS_SLACK_WEBHOOK_URL')],
      options({ CSOPS_SLACK_WEBHOOK_URL: SECRET_PATH }, waits),
    );
    expect(result[0]).toMatchObject({ sent: true, attempts: 2 });
    expect(waits).toEqual([2000]);
    expect(posted).toHaveLength(2);
  });

  it('backs off on 5xx a bounded number of times, then says it gave up', async () => {
    scripts.set(
      SECRET_PATH,
      Array.from({ length: 5 }, () => ({ status: 500, body: 'internal_error' })),
    );
    const waits: number[] = [];
    const result = await sendAlerts(
      [alert('CSOPS_SLACK_WEBHOOK_URL')],
      options({ CSOPS_SLACK_WEBHOOK_URL: SECRET_PATH }, waits),
    );
    expect(result[0]).toMatchObject({
      sent: false,
      attempts: 3,
      reason: 'Slack answered 500 internal_error (gave up after 3 tries)',
    });
    expect(waits).toEqual([1000, 2000]);
    expect(posted).toHaveLength(3);
  });

  it('does not wait longer than it may when Slack asks for more', async () => {
    scripts.set(SECRET_PATH, [
      { status: 429, body: 'rate_limited', headers: { 'retry-after': '120' } },
    ]);
    const waits: number[] = [];
    const result = await sendAlerts(
      [alert('CSOPS_SLACK_WEBHOOK_URL')],
      options({ CSOPS_SLACK_WEBHOOK_URL: SECRET_PATH }, waits),
    );
    expect(result[0]?.sent).toBe(false);
    expect(result[0]?.reason).toBe(
      'Slack answered 429 rate_limited and asked to wait 120 s, longer than 30 s',
    );
    expect(waits).toEqual([]);
  });

  it('names an unreachable Slack without the address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await sendAlerts([alert('CSOPS_SLACK_WEBHOOK_URL')], {
      webhookUrlFor: () => `http://127.0.0.1:${port}${SECRET_PATH}`,
      timeoutMs: 5000,
      maxAttempts: 2,
      sleep: async () => {},
    });
    expect(result[0]).toMatchObject({
      sent: false,
      attempts: 2,
      reason: 'could not reach Slack (ECONNREFUSED) (gave up after 2 tries)',
    });
  });

  it('does not try again after a timeout, since Slack may have posted', async () => {
    scripts.set(SECRET_PATH, [{ status: 0, body: '' }]);
    const result = await sendAlerts([alert('CSOPS_SLACK_WEBHOOK_URL')], {
      ...options({ CSOPS_SLACK_WEBHOOK_URL: SECRET_PATH }),
      timeoutMs: 100,
    });
    expect(result[0]).toMatchObject({
      sent: false,
      attempts: 1,
      reason: 'Slack did not answer within 100 ms',
    });
    expect(posted).toHaveLength(1);
  });

  it('refuses a secret that holds no web address, without echoing it', async () => {
    const result = await sendAlerts([alert('CSOPS_SLACK_WEBHOOK_URL')], {
      webhookUrlFor: () => 'hooks.slack.com/services/T/B/s3cr3t',
      timeoutMs: 5000,
    });
    expect(result[0]?.reason).toBe(
      'webhook secret CSOPS_SLACK_WEBHOOK_URL does not hold a web address',
    );
  });
});
