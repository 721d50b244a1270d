import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoAccountLines, launchPreview, parseStartOptions } from '@csops/preview';
import { launchSalesforcePreview } from '@csops/salesforce-preview';
import type { Command } from '../main.js';

/** The checkout csops runs from: the sandbox keeps the demo's data in its .csops folder. */
const CHECKOUT_DIR = fileURLToPath(new URL('../../../', import.meta.url));

const usage = `csops start [--port 4400] [--sandbox-port N] [--data-dir DIR] [--reset]

Starts the CRM sandbox with the demo portfolio, runs the HubSpot app's functions locally against it
and serves a preview of the app's cards and settings page at http://127.0.0.1:PORT. Beside it, on a
free port, a Salesforce sandbox with the same portfolio and the Salesforce components on Account and
Opportunity record pages. Stop it with Ctrl+C.

  --port N          preview port (default: PORT from the environment, else 4400; 0 picks a free one)
  --sandbox-port N  CRM sandbox port (default: a free one)
  --data-dir DIR    where the sandbox keeps its CRM data between runs (default: .csops/sandbox;
                    the Salesforce org is kept in DIR-salesforce, by default .csops/salesforce)
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
    const dataDir = options.dataDir ?? join(CHECKOUT_DIR, '.csops', 'sandbox');
    let running;
    let salesforce;
    try {
      salesforce = await launchSalesforcePreview({
        port: 0,
        sandboxPort: 0,
        dataDir: options.dataDir
          ? `${options.dataDir}-salesforce`
          : join(CHECKOUT_DIR, '.csops', 'salesforce'),
        reset: options.reset,
        log,
      });
      running = await launchPreview({
        ...options,
        dataDir,
        log,
        salesforceUrl: salesforce.preview.url,
      });
      salesforce.preview.setHubspotUrl(running.preview.url);
    } catch (error) {
      await salesforce?.close();
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
    log(`  Salesforce   ${salesforce.preview.url} (org sandbox ${salesforce.sandbox.url})`);
    log('Demo accounts:');
    for (const line of demoAccountLines(preview.url)) log(line);
    log('Press Ctrl+C to stop.');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    log('Stopping…');
    await running.close();
    await salesforce.close();
    return 0;
  },
};
