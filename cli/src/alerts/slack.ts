import {
  ErrorCode,
  IncomingWebhook,
  type FetchFunction,
  type IncomingWebhookSendArguments,
} from '@slack/webhook';
import { z } from 'zod';
import type { AlertEvent, ChannelAlert } from '@csops/core';

/** What became of one alert. The reason is plain words and never holds the webhook URL. */
export interface AlertDelivery {
  channel: string;
  eventKey: string;
  event: AlertEvent;
  sent: boolean;
  attempts: number;
  reason?: string;
}

export interface SendOptions {
  /** The webhook URL a secret name holds (the environment, a secret store); undefined when unset. */
  webhookUrlFor(secretName: string): string | undefined;
  /** How long one request may take before it counts as failed. */
  timeoutMs: number;
  /** Tries per alert, the first included (default 3). */
  maxAttempts?: number;
  /** The longest Retry-After honoured; Slack asking for more gives up on that alert (default 30 s). */
  maxWaitMs?: number;
  /** How waiting is done: tests pass one that records the waits instead. */
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_ATTEMPTS = 3;
const DEFAULT_MAX_WAIT_MS = 30_000;
const BACKOFF_MS = 1000;
// Errors that mean the request never reached Slack, so trying again cannot post twice.
const NOT_DELIVERED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

type Outcome =
  | { kind: 'sent' }
  | { kind: 'retry'; waitMs: number; reason: string }
  | { kind: 'failed'; reason: string };

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const webhookUrlSchema = z.url({ protocol: /^https?$/ });

function webhookAddress(text: string | undefined): URL | null {
  const parsed = webhookUrlSchema.safeParse(text?.trim());
  return parsed.success ? new URL(parsed.data) : null;
}

/** Slack's answer, one short line: "no_service", "invalid_payload". */
function answerText(body: unknown): string {
  const text = typeof body === 'string' ? body.replace(/\s+/g, ' ').trim() : '';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function retryAfterMs(header: string | null): number {
  const seconds = header === null ? NaN : Number(header.trim());
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : BACKOFF_MS;
}

function causeCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e !== null && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && !code.startsWith('slack_webhook')) return code;
    e = (e as { cause?: unknown }).cause ?? (e as { original?: unknown }).original;
  }
  return undefined;
}

async function attempt(
  url: URL,
  alert: ChannelAlert,
  timeoutMs: number,
  tryNumber: number,
): Promise<Outcome> {
  let retryAfter: string | null = null;
  // The package's own fetch, wrapped only to read Retry-After, which its errors do not carry.
  const fetchReadingRetryAfter: FetchFunction = async (input, init) => {
    const response = await fetch(input, init as RequestInit);
    retryAfter = response.headers.get('retry-after');
    return response;
  };
  const webhook = new IncomingWebhook(url.href, {
    timeout: timeoutMs,
    fetch: fetchReadingRetryAfter,
    retryConfig: { retries: 0 },
  });
  const message: IncomingWebhookSendArguments = {
    text: alert.text,
    blocks: alert.blocks as IncomingWebhookSendArguments['blocks'],
    unfurl_links: false,
  };
  try {
    await webhook.send(message);
    return { kind: 'sent' };
  } catch (error) {
    const e = error as { code?: string; statusCode?: number; body?: unknown; original?: unknown };
    if (e.code === ErrorCode.HTTPError && typeof e.statusCode === 'number') {
      const answer = `Slack answered ${e.statusCode}${answerText(e.body) ? ` ${answerText(e.body)}` : ''}`;
      if (e.statusCode === 429)
        return { kind: 'retry', waitMs: retryAfterMs(retryAfter), reason: answer };
      if (e.statusCode >= 500) {
        return { kind: 'retry', waitMs: BACKOFF_MS * 2 ** (tryNumber - 1), reason: answer };
      }
      return { kind: 'failed', reason: answer };
    }
    const original = e.original as { name?: string } | undefined;
    if (original?.name === 'TimeoutError' || original?.name === 'AbortError') {
      // Slack may have posted it: trying again could post it twice.
      return { kind: 'failed', reason: `Slack did not answer within ${timeoutMs} ms` };
    }
    const code = causeCode(error);
    const reason = `could not reach Slack${code ? ` (${code})` : ''}`;
    return code !== undefined && NOT_DELIVERED.has(code)
      ? { kind: 'retry', waitMs: BACKOFF_MS * 2 ** (tryNumber - 1), reason }
      : { kind: 'failed', reason };
  }
}

async function deliver(alert: ChannelAlert, options: SendOptions): Promise<AlertDelivery> {
  const delivery = await tryDeliver(alert, options);
  const raw = options.webhookUrlFor(alert.webhookSecret)?.trim();
  if (delivery.reason === undefined || !raw) return delivery;
  // Whatever Slack or the network said, the URL (its path is the secret) never leaves this module.
  const secretParts = [raw, webhookAddress(raw)?.pathname].filter(
    (p): p is string => !!p && p.length > 1,
  );
  let reason = delivery.reason;
  for (const part of secretParts) reason = reason.split(part).join('[webhook URL]');
  return { ...delivery, reason };
}

async function tryDeliver(alert: ChannelAlert, options: SendOptions): Promise<AlertDelivery> {
  const base = { channel: alert.channel, eventKey: alert.eventKey, event: alert.event };
  const raw = options.webhookUrlFor(alert.webhookSecret);
  if (raw === undefined || raw.trim() === '') {
    return {
      ...base,
      sent: false,
      attempts: 0,
      reason: `webhook secret ${alert.webhookSecret} is not set`,
    };
  }
  const url = webhookAddress(raw);
  if (url === null) {
    return {
      ...base,
      sent: false,
      attempts: 0,
      reason: `webhook secret ${alert.webhookSecret} does not hold a web address`,
    };
  }
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_ATTEMPTS);
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const sleep = options.sleep ?? sleepFor;
  for (let tries = 1; ; tries++) {
    const outcome = await attempt(url, alert, options.timeoutMs, tries);
    if (outcome.kind === 'sent') return { ...base, sent: true, attempts: tries };
    if (outcome.kind === 'failed')
      return { ...base, sent: false, attempts: tries, reason: outcome.reason };
    if (tries >= maxAttempts) {
      return {
        ...base,
        sent: false,
        attempts: tries,
        reason: `${outcome.reason} (gave up after ${tries} tries)`,
      };
    }
    if (outcome.waitMs > maxWaitMs) {
      return {
        ...base,
        sent: false,
        attempts: tries,
        reason: `${outcome.reason} and asked to wait ${Math.ceil(outcome.waitMs / 1000)} s, longer than ${Math.ceil(maxWaitMs / 1000)} s`,
      };
    }
    await sleep(outcome.waitMs);
  }
}

/**
 * Posts each alert to its channel's incoming webhook, one after another (Slack takes about one
 * message a second per webhook), and says per alert what happened. 429 waits for Retry-After and
 * 5xx backs off, a bounded number of times; a timeout is not retried, as Slack may have posted.
 * The caller has stored the alert log before calling this (see planAlerts).
 */
export async function sendAlerts(
  alerts: readonly ChannelAlert[],
  options: SendOptions,
): Promise<AlertDelivery[]> {
  const deliveries: AlertDelivery[] = [];
  for (const alert of alerts) deliveries.push(await deliver(alert, options));
  return deliveries;
}
