import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const b64url = (v: Buffer | string) => Buffer.from(v).toString('base64url');

/**
 * Stands in for login.botframework.com: an OpenID configuration and its signing keys, so the
 * SDK's real token validation runs with no network. `sign` makes tokens as the Bot Framework
 * does; `forge` signs with a key the metadata does not publish, under a published key id.
 */
export class OpenIdStub {
  readonly kid = 'stub-signing-key';
  readonly issuer = 'https://api.botframework.com';
  requests = 0;
  private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server!: Server;
  url = '';

  static async start(): Promise<OpenIdStub> {
    const stub = new OpenIdStub();
    stub.server = createServer((req, res) => {
      stub.requests++;
      if (req.url === '/.well-known/openidconfiguration') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            issuer: stub.issuer,
            jwks_uri: `${stub.url}/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
          }),
        );
        return;
      }
      if (req.url === '/keys') {
        const jwk = stub.key.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            keys: [{ kty: 'RSA', use: 'sig', kid: stub.kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }],
          }),
        );
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => stub.server.listen(0, '127.0.0.1', () => r()));
    stub.url = `http://127.0.0.1:${(stub.server.address() as AddressInfo).port}`;
    return stub;
  }

  get metadataUrl(): string {
    return `${this.url}/.well-known/openidconfiguration`;
  }

  sign(claims: Record<string, unknown>, key: KeyObject = this.key.privateKey, kid = this.kid): string {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
    const payload = b64url(
      JSON.stringify({ iss: this.issuer, nbf: now - 60, iat: now - 60, exp: now + 3600, ...claims }),
    );
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key);
    return `${header}.${payload}.${b64url(signature)}`;
  }

  forge(claims: Record<string, unknown>): string {
    return this.sign(claims, this.stranger.privateKey);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
