// The org connection: an access token from the environment, or the OAuth 2.0 JWT bearer flow of a
// connected app. Neither the token nor the key is ever printed or put into an error.
import { createSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Connection } from '@jsforce/jsforce-node';

export const API_VERSION = '66.0';

export class AuthError extends Error {}

export interface AuthInput {
  env: NodeJS.ProcessEnv;
  instanceUrl?: string;
  loginUrl: string;
}

const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');

/** A JWT bearer assertion signed with the connected app's private key (RS256). */
export function jwtAssertion(o: {
  clientId: string;
  username: string;
  audience: string;
  key: string;
  nowMs: number;
}) {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const claims = b64url(
    JSON.stringify({
      iss: o.clientId,
      sub: o.username,
      aud: o.audience,
      exp: Math.floor(o.nowMs / 1000) + 180,
    }),
  );
  const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(o.key);
  return `${header}.${claims}.${b64url(signature)}`;
}

export async function connectToOrg({ env, instanceUrl, loginUrl }: AuthInput): Promise<Connection> {
  const token = env.SALESFORCE_ACCESS_TOKEN?.trim();
  if (token) {
    const url = instanceUrl ?? env.SALESFORCE_INSTANCE_URL?.trim();
    if (!url)
      throw new AuthError(
        'set SALESFORCE_INSTANCE_URL (or --instance-url) with SALESFORCE_ACCESS_TOKEN',
      );
    return new Connection({ instanceUrl: url, accessToken: token, version: API_VERSION });
  }
  const clientId = env.SALESFORCE_CLIENT_ID?.trim();
  const username = env.SALESFORCE_USERNAME?.trim();
  const keyFile = env.SALESFORCE_PRIVATE_KEY_FILE?.trim();
  if (!clientId || !username || !keyFile)
    throw new AuthError(
      'set SALESFORCE_ACCESS_TOKEN and SALESFORCE_INSTANCE_URL, or SALESFORCE_CLIENT_ID, SALESFORCE_USERNAME and SALESFORCE_PRIVATE_KEY_FILE for the JWT bearer flow',
    );
  let key: string;
  try {
    key = readFileSync(keyFile, 'utf8');
  } catch {
    throw new AuthError(`cannot read SALESFORCE_PRIVATE_KEY_FILE (${keyFile})`);
  }
  const conn = new Connection({ loginUrl, version: API_VERSION });
  let assertion: string;
  try {
    assertion = jwtAssertion({ clientId, username, audience: loginUrl, key, nowMs: Date.now() });
  } catch {
    throw new AuthError('SALESFORCE_PRIVATE_KEY_FILE does not hold a PEM private key');
  }
  try {
    await conn.authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion });
  } catch (error) {
    const e = error as { name?: string; errorCode?: string };
    throw new AuthError(
      `the JWT bearer login at ${loginUrl} was refused (${e.errorCode ?? e.name ?? 'error'}): check the connected app, the user's pre-authorisation and the certificate`,
    );
  }
  if (instanceUrl) conn.instanceUrl = instanceUrl;
  return conn;
}
