// The preview runs app functions as the portal's super admin, so only its own pages may call its API:
// any other web page open in the same browser could otherwise reach 127.0.0.1 and act as that admin.
// Host is checked on every request (a DNS-rebinding page names its own host), and API calls must be
// same-origin JSON carrying the per-run token the server gave the page.
import type { IncomingMessage } from 'node:http';

export const PREVIEW_TOKEN_HEADER = 'x-csops-preview-token';

export class RefusedRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface GuardOptions {
  port: number;
  token: string;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Throws RefusedRequest for anything but the preview's own pages and their API calls. */
export function guardRequest(req: IncomingMessage, { port, token }: GuardOptions): void {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = header(req, 'host');
  if (host === undefined || !hosts.includes(host.toLowerCase())) {
    throw new RefusedRequest(
      421,
      `This preview answers only at http://127.0.0.1:${port}, not at host "${host ?? ''}"`,
    );
  }
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (!path.startsWith('/api/')) return;

  const origin = header(req, 'origin');
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) {
    throw new RefusedRequest(
      403,
      `Calls from ${origin} are refused: only the preview's own pages may call it`,
    );
  }
  const site = header(req, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new RefusedRequest(
      403,
      "Cross-site calls are refused: only the preview's own pages may call it",
    );
  }
  if (header(req, PREVIEW_TOKEN_HEADER) !== token) {
    throw new RefusedRequest(
      403,
      'This call lacks the token of the running preview; reload the page (the preview was restarted)',
    );
  }
  if (req.method !== 'GET' && !/^application\/json\b/i.test(header(req, 'content-type') ?? '')) {
    throw new RefusedRequest(
      415,
      'The preview accepts only JSON request bodies (application/json)',
    );
  }
}
