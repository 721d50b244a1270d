import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  defaultSettings,
  formatIssues,
  issuesFromZod,
  parseSettingsFile,
  sampleChannelAlert,
  type Settings,
} from '@csops/core';
import { sendAlerts } from '../alerts/slack.js';
import type { Command } from '../main.js';

const usage = `csops alerts test — send one test alert to a Slack channel the settings name

Usage: csops alerts test --channel NAME [--settings FILE]

  --channel NAME    the channel as settings name it (alerts.channels[].name), e.g. #cs-alerts
  --settings FILE   a settings file (as csops calibrate writes); default: the default settings

The webhook URL is read from the environment variable the channel's webhookSecret names
(e.g. CSOPS_SLACK_WEBHOOK_URL) and is never printed.`;

const TIMEOUT_MS = 10_000;

const flagsSchema = z.object({
  action: z.literal('test', {
    message: 'the only action is "test": csops alerts test --channel NAME',
  }),
  channel: z
    .string({
      message: '--channel needs the channel name settings give, e.g. --channel "#cs-alerts"',
    })
    .trim()
    .min(1, '--channel needs the channel name settings give, e.g. --channel "#cs-alerts"'),
  settings: z.string().trim().min(1, '--settings needs a file name').optional(),
});

async function loadSettings(file: string | undefined): Promise<Settings | string> {
  if (file === undefined) return defaultSettings();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    return `cannot read the settings file ${file}${code === 'ENOENT' ? ': there is no such file' : ''}`;
  }
  const parsed = parseSettingsFile(text);
  return parsed.success
    ? parsed.data
    : `the settings file ${file} is refused: ${formatIssues(parsed.issues)}`;
}

const bare = (name: string) => name.replace(/^#/, '').toLowerCase();

export const command: Command = {
  name: 'alerts',
  summary: 'Send a test alert to a Slack channel named in settings',
  usage,
  async run(argv) {
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: argv,
        strict: true,
        allowPositionals: true,
        options: { channel: { type: 'string' }, settings: { type: 'string' } },
      });
    } catch (error) {
      process.stderr.write(`csops alerts: ${(error as Error).message}\n\n${usage}\n`);
      return 2;
    }
    const flags = flagsSchema.safeParse({ action: parsed.positionals[0], ...parsed.values });
    if (!flags.success) {
      process.stderr.write(
        `csops alerts: ${formatIssues(issuesFromZod(flags.error))}\n\n${usage}\n`,
      );
      return 2;
    }
    const settings = await loadSettings(flags.data.settings);
    if (typeof settings === 'string') {
      process.stderr.write(`csops alerts: ${settings}\n`);
      return 2;
    }
    const channels = settings.alerts.channels;
    const channel = channels.find((c) => bare(c.name) === bare(flags.data.channel));
    if (channel === undefined) {
      const known = channels.length ? channels.map((c) => c.name).join(', ') : 'none';
      process.stderr.write(
        `csops alerts: settings name no channel "${flags.data.channel}" (channels in settings: ${known}); add it under alerts.channels\n`,
      );
      return 2;
    }
    const alert = sampleChannelAlert(channel, new Date().toISOString());
    const [delivery] = await sendAlerts([alert], {
      webhookUrlFor: (secret) => process.env[secret],
      timeoutMs: TIMEOUT_MS,
    });
    if (delivery?.sent) {
      process.stdout.write(
        `Sent a test alert to ${channel.name} through the webhook in ${channel.webhookSecret}.\n`,
      );
      return 0;
    }
    process.stderr.write(
      `The test alert to ${channel.name} was not sent: ${delivery?.reason ?? 'nothing was tried'}.\n`,
    );
    return 1;
  },
};
