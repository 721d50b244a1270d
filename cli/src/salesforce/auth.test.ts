import { createVerify, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSalesforceSandbox } from '@csops/sandbox/salesforce';
import { describe, expect, it } from 'vitest';
import { AuthError, connectToOrg } from './auth.js';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** A login endpoint that checks the JWT bearer assertion as Salesforce does, then hands out the org. */
async function loginServer(org: { instanceUrl: string; accessToken: string }, username: string) {
  const seen: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += String(c)));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      const [h, c, s] = (form.get('assertion') ?? '').split('.');
      const ok =
        form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer' &&
        createVerify('RSA-SHA256')
          .update(`${h}.${c}`)
          .verify(publicKey, s ?? '', 'base64url');
      const claims = ok ? JSON.parse(Buffer.from(c!, 'base64url').toString()) : {};
      seen.push(claims);
      if (!ok || claims.sub !== username) {
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            error: 'invalid_grant',
            error_description: 'user hasn\u2019t approved this consumer',
          }),
        );
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          access_token: org.accessToken,
          instance_url: org.instanceUrl,
          id: `${url}/id/00D5g00000CSOPSEAM/005000000000001AAA`,
          token_type: 'Bearer',
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('connecting to the org', () => {
  it('logs in with a JWT bearer assertion signed by the connected app key, and reads the org', async () => {
    const sandbox = await startSalesforceSandbox({ port: 0 });
    const login = await loginServer(sandbox, 'csops@acme.example');
    const dir = mkdtempSync(join(tmpdir(), 'csops-sf-auth-'));
    try {
      const keyFile = join(dir, 'server.key');
      writeFileSync(keyFile, pem);
      const env = {
        SALESFORCE_CLIENT_ID: '3MVG9-app',
        SALESFORCE_USERNAME: 'csops@acme.example',
        SALESFORCE_PRIVATE_KEY_FILE: keyFile,
      };
      const conn = await connectToOrg({ env, loginUrl: login.url });
      expect(login.seen[0]).toMatchObject({
        iss: '3MVG9-app',
        sub: 'csops@acme.example',
        aud: login.url,
      });
      const found = await conn.query('SELECT Id FROM Account LIMIT 1');
      expect(found.records).toHaveLength(1);

      const refused = await connectToOrg({
        env: { ...env, SALESFORCE_USERNAME: 'someone@else.example' },
        loginUrl: login.url,
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AuthError);
      expect((refused as Error).message).toContain('was refused');
      expect((refused as Error).message).not.toContain('PRIVATE KEY');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await login.close();
      await sandbox.close();
    }
  });

  it('says which variables to set when none are', async () => {
    await expect(
      connectToOrg({ env: {}, loginUrl: 'https://login.salesforce.com' }),
    ).rejects.toThrow(
      'set SALESFORCE_ACCESS_TOKEN and SALESFORCE_INSTANCE_URL, or SALESFORCE_CLIENT_ID',
    );
    await expect(
      connectToOrg({
        env: { SALESFORCE_ACCESS_TOKEN: 't' },
        loginUrl: 'https://login.salesforce.com',
      }),
    ).rejects.toThrow('set SALESFORCE_INSTANCE_URL');
  });
});
