import { describe, expect, it } from 'vitest';
import { sampleChannelAlert } from './sample.js';

describe('the test alert', () => {
  it('names the channel and the events it will hear of, and carries only the secret’s name', () => {
    const alert = sampleChannelAlert(
      {
        name: '#cs-alerts',
        webhookSecret: 'CSOPS_SLACK_WEBHOOK_URL',
        events: ['band_drop', 'escalation_due'],
      },
      '2026-11-02T09:00:00Z',
    );
    expect(alert.text).toBe(
      'csops test alert for #cs-alerts: this channel will be told of health band drops, escalations falling due.',
    );
    expect(alert).toMatchObject({
      channel: '#cs-alerts',
      webhookSecret: 'CSOPS_SLACK_WEBHOOK_URL',
      eventKey: 'test:2026-11-02T09:00:00.000Z',
    });
  });
});
