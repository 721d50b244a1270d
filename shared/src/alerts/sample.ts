import type { AlertChannel } from '../settings/schema.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import { ALERT_EVENT_LABELS } from './labels.js';
import { slackEscape } from './message.js';
import type { ChannelAlert } from './plan.js';

/**
 * The message `csops alerts test` sends: it says which channel it was configured as and which
 * events the channel will hear of, so an admin sees the webhook posts where they meant it to.
 */
export function sampleChannelAlert(channel: AlertChannel, asOf: string): ChannelAlert {
  const at = formatInstant(parseInstant(asOf));
  const events = channel.events.map((e) => ALERT_EVENT_LABELS[e]).join(', ');
  const name = slackEscape(channel.name);
  const text = `csops test alert for ${name}: this channel will be told of ${events}.`;
  return {
    channel: channel.name,
    webhookSecret: channel.webhookSecret,
    eventKey: `test:${at}`,
    event: channel.events[0] ?? 'band_drop',
    text,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'csops test alert' } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `This webhook is set up as *${name}* and will be told of: ${events}.`,
        },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `csops · sent ${at}` }] },
    ],
  };
}
