import { driversToShow } from '../display/drivers.js';
import { displayScore } from '../display/numbers.js';
import type { Driver } from '../health/types.js';
import type { AlertCandidate } from './events.js';

/** The Slack Block Kit blocks an alert uses (a subset of Slack's own types, which the core does not import). */
export type SlackText = { type: 'mrkdwn'; text: string } | { type: 'plain_text'; text: string };
export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string } }
  | { type: 'section'; text: SlackText }
  | { type: 'context'; elements: SlackText[] };

export interface AlertAccount {
  id: string;
  name: string;
  /** The CRM record's address, linked from every alert. */
  url: string;
}

// Slack's limits: a header holds 150 characters, a section's text 3,000.
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const REASON_MAX = 200;

/** Slack reads &, < and > as markup; escaped, an account called "A<B>" shows as written. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The URL as it can stand inside <url|label>: the characters that would end the link encoded. */
export function slackLinkTarget(url: string): string {
  return url.replace(/[|<> ]/g, (c) => encodeURIComponent(c));
}

const cut = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

function driverLine(d: Driver): string {
  return `• ${slackEscape(d.label)} ${displayScore(d.score)}: ${slackEscape(cut(d.reason, REASON_MAX))}`;
}

export function alertMessage(
  account: AlertAccount,
  candidate: AlertCandidate,
  drivers: readonly Driver[],
): { text: string; blocks: SlackBlock[] } {
  const name = slackEscape(account.name);
  const link = `<${slackLinkTarget(account.url)}|${name}>`;
  const headline = slackEscape(candidate.headline);
  const facts = candidate.facts.map(slackEscape);
  const shown = driversToShow(drivers);
  const driverLines = shown.map(driverLine);
  const text = cut(
    [
      `${link}: ${headline}.`,
      ...facts,
      ...(driverLines.length ? ['Top drivers:', ...driverLines] : []),
    ].join('\n'),
    // The link comes first, so cutting the tail never loses the account or its URL.
    SECTION_MAX,
  );
  const blocks: SlackBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: cut(`${account.name}: ${candidate.headline}`, HEADER_MAX) },
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: cut([`*${link}*`, ...facts].join('\n'), SECTION_MAX) },
    },
  ];
  if (driverLines.length) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: cut(['*Top drivers*', ...driverLines].join('\n'), SECTION_MAX),
      },
    });
  }
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `csops · ${candidate.event}` }],
  });
  return { text, blocks };
}
