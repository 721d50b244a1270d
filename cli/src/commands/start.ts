import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoAccountLines, launchPreview, parseStartOptions } from '@csops/preview';
import type { Command } from '../main.js';

/** The checkout csops runs from: the sandbox keeps the demo's data in its .csops folder. */
const CHECKOUT_DIR = fileURLToPath(new URL('../../../', import.meta.url));

const usage = `csops start [--port 4400] [--sandbox-port N] [--data-dir DIR] [--reset]

Starts the CRM sandbox with the demo portfolio, runs the HubSpot app's functions locally against it
and serves a preview of the app's cards and settings page at http://127.0.0.1:PORT.
Stop it with Ctrl+C.

  --port N          preview port (default: PORT from the environment, else 4400; 0 picks a free one)
  --sandbox-port N  CRM sandbox port (default: a free one)
  --data-dir DIR    where the sandbox keeps its CRM data between runs (default: .csops/sandbox)
  --reset           throw the kept data away and seed the demo portfolio again`;

export const command: Command = {
  name: 'start',
  summary: 'Preview the HubSpot cards and settings on the CRM sandbox (npm start)',
  usage,
  async run(argv) {
    const parsed = parseStartOptions(argv, process.env);
    if (!parsed.ok) {
      process.stderr.write(`csops start: ${parsed.message}\n\n${usage}\n`);
      return 2;
    }
    const options = parsed.value;
    const log = (line: string) => process.stdout.write(`${line}\n`);
    let running;
    try {
      running = await launchPreview({
        ...options,
        dataDir: options.dataDir ?? join(CHECKOUT_DIR, '.csops', 'sandbox'),
        log,
      });
    } catch (error) {
      const message =
        (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
          ? `port ${options.port} is in use; pass --port or set PORT`
          : (error as Error).message;
      process.stderr.write(`csops start: ${message}\n`);
      return 1;
    }
    const { preview, sandbox } = running;
    log('csops local preview — CRM sandbox, not HubSpot');
    log(`  Preview      ${preview.url}`);
    log(`  CRM sandbox  ${sandbox.url} (portal ${sandbox.portalId})`);
    log(`  Settings     ${preview.url}/settings`);
    log('Demo accounts:');
    for (const line of demoAccountLines(preview.url)) log(line);
    log('Press Ctrl+C to stop.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    log('Stopping…');
    await running.close();
    return 0;
  },
};
